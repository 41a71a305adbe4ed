import { Controller, Get, Head, HttpStatus, Options, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { maySeeUnit, seesOwnCasesOnly, type Actor } from '@enforcement/domain';
import { Access, AppError, CaseNumberPipe, CurrentActor, RecordsRead } from '@enforcement/platform';
import { authoriseCaseAccess } from '../access/case-access';
import { logAccess } from '../integrity/access-log';
import { caseNotFound } from '../integrity/integrity.controller';
import { EvidenceService } from './evidence.service';
import { verifyEvidence, type EvidenceReport } from './evidence.verifier';

/** A stored file as the case's unit sees it. */
export interface EvidenceFileView {
  id: string;
  caseNumber: string;
  recordId: string;
  sha256: string;
  size: number;
  store: string;
  metadata: Record<string, string>;
  uploadedBy: string;
  storedAt: string;
}

/**
 * recording-svc's evidence API (SPEC R5–R7), reached only through the gateway: the tus endpoint the gateway streams
 * uploads into, the case's stored files, and verification that re-hashes stored bytes.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('evidence/uploads')
  @Access('recording.evidence-upload')
  @ApiExcludeEndpoint()
  create(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.evidence.handle(req, res);
  }

  @Patch('evidence/uploads/:id')
  @Access('recording.evidence-upload')
  @ApiExcludeEndpoint()
  append(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.evidence.handle(req, res);
  }

  @Head('evidence/uploads/:id')
  @Access('recording.evidence-upload')
  @ApiExcludeEndpoint()
  offset(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.evidence.handle(req, res);
  }

  @Options('evidence/uploads')
  @Access('recording.evidence-upload')
  @ApiExcludeEndpoint()
  capabilities(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.evidence.handle(req, res);
  }

  @Get('cases/:caseNumber/evidence')
  @Access('recording.timeline')
  @RecordsRead()
  @ApiOperation({ summary: 'R6 — the stored AV files of a case (each view is logged, R8)' })
  async list(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileView[]> {
    return this.dataSource.transaction(async (m) => {
      await this.ownCase(m, caseNumber, actor);
      // R8: the same rule as the timeline — an officer sees their own recordings; a colleague's case of the same unit
      // needs an approved application (403 naming it), and the view is logged with its approver.
      const grant = seesOwnCasesOnly(actor) ? await authoriseCaseAccess(m, actor, caseNumber, 'view') : null;
      const rows = await m.query<
        {
          id: string;
          case_number: string;
          record_id: string;
          sha256: string;
          size: string;
          store: string;
          metadata: Record<string, string>;
          uploaded_by: string;
          stored_at: Date;
        }[]
      >(`select * from evidence_files where case_number = $1 order by stored_at, id`, [caseNumber]);
      await logAccess(m, actor, {
        action: 'view',
        caseNumber,
        subject: `${caseNumber}/evidence`,
        reason: grant?.reason ?? null,
        approver: grant?.approver ?? null,
      });
      return rows.map((r) => ({
        id: r.id,
        caseNumber: r.case_number,
        recordId: r.record_id,
        sha256: r.sha256,
        size: Number(r.size),
        store: r.store,
        metadata: r.metadata,
        uploadedBy: r.uploaded_by,
        storedAt: r.stored_at.toISOString(),
      }));
    });
  }

  @Get('cases/:caseNumber/evidence/verify')
  @Access('recording.verify-case')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — re-hash every stored file of a case; names each one altered, missing or unlogged' })
  async verifyCase(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceReport> {
    await this.ownCase(this.dataSource.manager, caseNumber, actor);
    return this.verify(actor, { caseNumber, evidenceId: null });
  }

  @Get('evidence/files/:id/verify')
  @Access('recording.verify-case')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — re-hash one stored file' })
  async verifyFile(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<EvidenceReport> {
    const [row] = /^[0-9a-f-]{36}$/.test(id)
      ? await this.dataSource.query<{ unit_id: string }[]>(`select unit_id from evidence_files where id = $1`, [id])
      : [];
    if (!row || !maySeeUnit(actor, row.unit_id)) {
      throw new AppError('EVIDENCE.NOT_FOUND', HttpStatus.NOT_FOUND, {
        zh: `未找到音像文件 ${id}`,
        en: `No evidence file ${id} was found`,
      });
    }
    return this.verify(actor, { caseNumber: null, evidenceId: id });
  }

  private async verify(actor: Actor, scope: EvidenceReport['scope']): Promise<EvidenceReport> {
    // Hashing gigabytes happens outside any transaction; only the access log entry is written after it.
    const report = await verifyEvidence(this.dataSource.manager, this.evidence.config.store, scope);
    await this.dataSource.transaction((m) =>
      logAccess(m, actor, {
        action: 'verify',
        caseNumber: scope.caseNumber,
        subject: scope.evidenceId
          ? `evidence/${scope.evidenceId}`
          : scope.caseNumber
            ? `${scope.caseNumber}/evidence`
            : 'evidence',
        reason: null,
        approver: null,
      }),
    );
    return report;
  }

  private async ownCase(m: DataSource['manager'], caseNumber: string, actor: Actor): Promise<void> {
    const [row] = await m.query<{ unit_id: string }[]>(`select unit_id from cases where case_number = $1`, [
      caseNumber,
    ]);
    if (!row || !maySeeUnit(actor, row.unit_id)) throw caseNotFound(caseNumber);
  }
}
