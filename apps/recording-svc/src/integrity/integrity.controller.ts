import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maySeeUnit, type Actor } from '@enforcement/domain';
import { Access, AppError, CaseNumberPipe, CurrentActor, RecordsRead } from '@enforcement/platform';
import { logAccess } from './access-log';
import { CheckpointSigner, type Checkpoint } from './checkpoint.signer';
import { signCheckpoint } from './checkpoint.store';
import { LogTree } from './integrity-log';
import { verifyIntegrity, type IntegrityReport } from './integrity.verifier';

export const CHECKPOINT_SIGNER = Symbol('CHECKPOINT_SIGNER');

export interface LogHead {
  treeSize: number;
  rootHash: string;
  /** Ed25519 public key (SPKI PEM) that signs checkpoints; null when the agency configured none. */
  publicKey: string | null;
  latestCheckpoint: Checkpoint | null;
  /** RFC 9162 consistency proof from the `since` size the caller holds to this head. */
  consistencyProof: string[] | null;
}

/**
 * The integrity log's read side (SPEC R7): verify one case or the whole store and say exactly what was altered; the
 * log head with its signed checkpoints and a consistency proof for a third party holding an older checkpoint.
 */
@ApiTags('integrity')
@ApiBearerAuth()
@Controller()
export class IntegrityController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHECKPOINT_SIGNER) private readonly signer: CheckpointSigner,
  ) {}

  @Get('cases/:caseNumber/integrity')
  @Access('recording.verify-case')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — verify one case: its records and log entries, proved against the signed head' })
  async verifyCase(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<IntegrityReport> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ unit_id: string }[]>(`select unit_id from cases where case_number = $1`, [
        caseNumber,
      ]);
      if (!row || !maySeeUnit(actor, row.unit_id)) throw caseNotFound(caseNumber);
      const report = await verifyIntegrity(manager, this.signer, { caseNumber });
      await logAccess(manager, actor, {
        action: 'verify',
        caseNumber,
        subject: caseNumber,
        reason: null,
        approver: null,
      });
      return report;
    });
  }

  @Get('integrity/verify')
  @Access('recording.verify-store')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — verify the whole store' })
  async verifyStore(@CurrentActor() actor: Actor): Promise<IntegrityReport> {
    return this.dataSource.transaction(async (manager) => {
      const report = await verifyIntegrity(manager, this.signer, { caseNumber: null });
      await logAccess(manager, actor, {
        action: 'verify',
        caseNumber: null,
        subject: 'store',
        reason: null,
        approver: null,
      });
      return report;
    });
  }

  @Get('integrity/head')
  @Access('recording.verify-store')
  @ApiOperation({ summary: 'R7 — the log head, the latest signed checkpoint and a consistency proof from `since`' })
  async head(@Query('since') since?: string): Promise<LogHead> {
    const tree = await LogTree.load(this.dataSource.manager);
    const sinceSize = since === undefined ? null : Number(since);
    if (sinceSize !== null && (!Number.isInteger(sinceSize) || sinceSize < 0 || sinceSize > tree.size)) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { zh: `since 须为 0 到 ${tree.size} 之间的整数`, en: `since must be an integer from 0 to ${tree.size}` },
        [{ field: 'since', problems: ['out of range'] }],
      );
    }
    const [latest] = await this.dataSource.query<
      { tree_size: string; root_hash: string; signed_at: Date; key_id: string; signature: string }[]
    >(`select * from integrity_checkpoints order by tree_size desc, signed_at desc limit 1`);
    return {
      treeSize: tree.size,
      rootHash: tree.root(),
      publicKey: this.signer.publicKeyPem(),
      latestCheckpoint: latest
        ? {
            treeSize: Number(latest.tree_size),
            rootHash: latest.root_hash,
            signedAt: latest.signed_at.toISOString(),
            keyId: latest.key_id,
            signature: latest.signature,
          }
        : null,
      consistencyProof: sinceSize === null ? null : tree.consistency(sinceSize),
    };
  }

  @Post('integrity/checkpoints')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.checkpoint')
  @ApiOperation({ summary: 'R7 — sign a checkpoint of the log head now' })
  async checkpoint(): Promise<Checkpoint> {
    if (!this.signer.canSign) {
      throw new AppError('INTEGRITY.NO_SIGNING_KEY', HttpStatus.CONFLICT, {
        zh: '未配置检查点签名密钥（INTEGRITY_SIGNING_KEY），无法签名',
        en: 'No checkpoint signing key is configured (INTEGRITY_SIGNING_KEY)',
      });
    }
    return signCheckpoint(this.dataSource, this.signer);
  }
}

export function caseNotFound(caseNumber: string): AppError {
  return new AppError('CASE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到案件 ${caseNumber}`,
    en: `No case ${caseNumber} was found`,
  });
}
