import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, StreamableFile } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsString } from 'class-validator';
import { ApplicationFailure, type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  CASE_REFUSED,
  caseCommandUpdate,
  caseWorkflowId,
  disposalRefusal,
  type Actor,
  type CaseRefusal,
} from '@enforcement/domain';
import {
  Access,
  AppError,
  CaseNumberPipe,
  CurrentActor,
  IsStoreSafeText,
  RecordsRead,
  TEMPORAL_CLIENT,
} from '@enforcement/platform';
import { authoriseCaseAccess } from '../access/case-access';
import { logAccess } from '../integrity/access-log';
import { appendLogEntry } from '../integrity/integrity-log';
import type { EvidenceConfig } from '../evidence/evidence.config';
import { EVIDENCE_CONFIG } from '../evidence/evidence.tokens';
import { buildArchiveBundle, readArchiveBundle, type ArchiveBundle } from './archive-bundle';

export class DisposeDto {
  @ApiProperty({ description: '处置说明 — why and how the AV is disposed of after its retention' })
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason!: string;
}

/**
 * 归档 and 留存 (SPEC R9, R10): the records administrator builds a closed case's archive bundle (cover, case-file
 * index, records, manifest; its hash in the integrity log); those who may see the case read it, each read logged; AV
 * is disposed of only after its retention and without a long-term hold, and the disposal is itself recorded.
 */
@ApiTags('archive')
@ApiBearerAuth()
@Controller('cases/:caseNumber')
export class ArchiveController {
  private readonly dir: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(EVIDENCE_CONFIG) private readonly evidence: EvidenceConfig,
    config: ConfigService,
  ) {
    this.dir =
      config.get<string>('ARCHIVE_DIR') ||
      join(config.get<string>('BLOB_STORE_DIR') || join(process.cwd(), '.local', 'blobs'), 'archives');
  }

  @Post('archive-bundle')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.archive')
  @ApiOperation({
    summary: 'R10 — build the case file: cover and 卷内文件目录 PDF, records, AV files, manifest; hash logged',
  })
  async build(@Param('caseNumber', CaseNumberPipe) caseNumber: string, @CurrentActor() actor: Actor) {
    const bundle = await this.dataSource.transaction((m) =>
      buildArchiveBundle(m, this.dir, this.evidence.store, actor, caseNumber),
    );
    await this.archiveCase(bundle, actor);
    return bundle;
  }

  /**
   * The bundle completes the case's archiving step (R10): the case record learns it through its workflow, keyed by
   * the bundle's hash, so a repeated call (the bundle is built once) records nothing twice. A case already archived,
   * or whose record has ended, has nothing left to record.
   */
  private async archiveCase(bundle: ArchiveBundle, actor: Actor): Promise<void> {
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(bundle.caseNumber));
    try {
      await handle.executeUpdate(caseCommandUpdate, {
        args: [
          { type: 'record-archive-bundle', sha256: bundle.bundleSha256, at: bundle.manifest.builtAt, by: actor.id },
        ],
        updateId: `archive-bundle:${bundle.bundleSha256}`,
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      const failure = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (failure instanceof ApplicationFailure && failure.type === CASE_REFUSED) {
        const refusal = failure.details?.[0] as CaseRefusal | undefined;
        if (refusal?.code === 'CASE.ENDED') return;
        throw new AppError(refusal?.code ?? 'CASE.REFUSED', HttpStatus.CONFLICT, {
          zh: refusal?.zh ?? '案件不能归档',
          en: refusal?.en ?? 'The case cannot be archived',
        });
      }
      throw error;
    }
  }

  @Get('archive-bundle')
  @Access('recording.archive-read')
  @RecordsRead()
  @ApiOperation({ summary: 'R10 — the bundle’s manifest and hash; by right or approval, the view logged (R8)' })
  async read(@Param('caseNumber', CaseNumberPipe) caseNumber: string, @CurrentActor() actor: Actor) {
    return this.dataSource.transaction(async (m) => {
      const grant = await authoriseCaseAccess(m, actor, caseNumber, 'view');
      const bundle = await this.bundleOf(m, caseNumber);
      await logAccess(m, actor, {
        action: 'view',
        caseNumber,
        subject: `${caseNumber}/archive-bundle`,
        reason: grant.reason,
        approver: grant.approver,
      });
      return bundle;
    });
  }

  @Get('archive-bundle/cover.pdf')
  @Access('recording.archive-read')
  @RecordsRead()
  @ApiOperation({ summary: 'R10 — the cover and case-file index PDF, checked against its recorded hash; logged' })
  async cover(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const bytes = await this.dataSource.transaction(async (m) => {
      const grant = await authoriseCaseAccess(m, actor, caseNumber, 'view');
      const bundle = await this.bundleOf(m, caseNumber);
      const data = await readFile(join(bundle.location, 'cover-index.pdf')).catch(() => null);
      if (data === null || createHash('sha256').update(data).digest('hex') !== bundle.coverSha256) {
        throw new AppError('ARCHIVE.TAMPERED', HttpStatus.INTERNAL_SERVER_ERROR, {
          zh: '案卷封面及目录文件与登记的校验值不符或已丢失，已拒绝提供，请联系管理员',
          en: 'The archived cover and index no longer match their recorded hash or are gone; nothing was served',
        });
      }
      await logAccess(m, actor, {
        action: 'download',
        caseNumber,
        subject: `${caseNumber}/archive-bundle/cover-index.pdf`,
        reason: grant.reason,
        approver: grant.approver,
      });
      return data;
    });
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: 'inline; filename="cover-index.pdf"',
    });
  }

  @Post('retention/disposal')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.archive')
  @ApiOperation({ summary: 'R9 — dispose of a case’s AV after its retention, never before nor under a hold; recorded' })
  async dispose(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() dto: DisposeDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.dataSource.transaction(async (m) => {
      await authoriseCaseAccess(m, actor, caseNumber, 'view');
      await m.query(`select 1 from cases where case_number = $1 for update`, [caseNumber]);
      const ended = await m.query<unknown[]>(
        `select 1 from case_deadline_notices where case_number = $1 and kind = 'retention-ended'`,
        [caseNumber],
      );
      const holds = await m.query<{ reason: string }[]>(
        `select payload->>'reason' as reason from case_journal where case_number = $1 and kind = 'hold-placed'`,
        [caseNumber],
      );
      const done = await m.query<unknown[]>(`select 1 from retention_disposals where case_number = $1`, [caseNumber]);
      const refusal = disposalRefusal({ retentionEnded: ended.length > 0, holds, alreadyDisposed: done.length > 0 });
      if (refusal) throw new AppError(refusal.code, HttpStatus.CONFLICT, refusal.message);
      const files = await m.query<{ subject: string }[]>(
        `select subject from integrity_log where kind = 'file' and case_number = $1 and subject not like 'archive/%'
         order by idx`,
        [caseNumber],
      );
      const hashes = files.map((f) => f.subject.slice(f.subject.indexOf('#') + 1));
      await m.query(
        `insert into retention_disposals (case_number, disposed_by, reason, files) values ($1, $2, $3, $4)`,
        [caseNumber, actor.id, dto.reason, JSON.stringify(hashes)],
      );
      await appendLogEntry(m, {
        kind: 'file',
        caseNumber,
        subject: `disposal/${caseNumber}`,
        content: { disposalOf: caseNumber, by: actor.id, reason: dto.reason, files: hashes },
      });
      return { caseNumber, disposedBy: actor.id, files: hashes };
    });
  }

  private async bundleOf(m: Parameters<typeof readArchiveBundle>[0], caseNumber: string): Promise<ArchiveBundle> {
    const bundle = await readArchiveBundle(m, caseNumber);
    if (!bundle) {
      throw new AppError('ARCHIVE.NOT_BUILT', HttpStatus.NOT_FOUND, {
        zh: `案件 ${caseNumber} 尚未立卷归档`,
        en: `Case ${caseNumber} has no archive bundle yet`,
      });
    }
    return bundle;
  }
}
