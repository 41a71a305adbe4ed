import { Controller, Get, HttpStatus, Logger, Param, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { maySeeUnit, type Actor, type OpinionCopy } from '@enforcement/domain';
import {
  Access,
  AppError,
  CaseNumberPipe,
  CurrentActor,
  IdParamPipe,
  recordAccess,
  RecordsRead,
} from '@enforcement/platform';
import { reviewNotFound } from '../reviews/review-not-found';
import { BlobStore, sha256Hex } from '../blobs/blob.store';
import { latestOpinionDocumentsOfCase, type OpinionDocumentRow } from './opinion-document.records';
import { OPINION_COPIES } from './opinion-document.types';

export interface OpinionDocumentItem {
  copy: OpinionCopy;
  sha256: string;
  size: number;
  documentNo: string;
}

/**
 * 法制审核意见书 (L9): the registered copies of a case's latest opinion document, and each copy's PDF. Each read is
 * recorded in review-svc's access log before it is answered (R8, C3): the document names the party and the decision.
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class OpinionDocumentsController {
  private readonly logger = new Logger(OpinionDocumentsController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
  ) {}

  @Get(':caseNo/opinion-documents')
  @Access('reviews.opinion-documents')
  @RecordsRead()
  @ApiOperation({ summary: '法制审核意见书 — the two registered copies of the latest opinion document' })
  async list(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @CurrentActor() actor: Actor,
  ): Promise<OpinionDocumentItem[]> {
    const { unitId, documents } = await this.documentsOf(caseNo, actor);
    await recordAccess(this.dataSource, actor, {
      action: 'view',
      caseNumber: caseNo,
      subject: `${caseNo}/opinion-documents`,
      recordUnitId: unitId,
      detail: { count: documents.length },
    });
    return documents.map((d) => ({ copy: d.copy, sha256: d.sha256, size: d.byteSize, documentNo: d.documentNo }));
  }

  @Get(':caseNo/opinion-documents/:copy')
  @Access('reviews.opinion-documents')
  @RecordsRead()
  @ApiOperation({
    summary: '法制审核意见书 — one copy as PDF, checked against its registered SHA-256 before it is sent',
  })
  async download(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @Param('copy', IdParamPipe) copy: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    if (!(OPINION_COPIES as readonly string[]).includes(copy)) {
      throw new AppError('OPINION.DOCUMENT_NOT_FOUND', HttpStatus.NOT_FOUND, {
        zh: `意见书没有名为“${copy}”的联次`,
        en: `The opinion document has no copy named "${copy}"`,
      });
    }
    const { unitId, documents } = await this.documentsOf(caseNo, actor);
    const row = documents.find((d) => d.copy === copy);
    if (row === undefined) throw notIssued(caseNo);
    const bytes = await this.blobs.get(row.sha256);
    // The register is append-only, so a file that no longer hashes to its name was changed or lost after the fact.
    if (bytes === null || sha256Hex(bytes) !== row.sha256) {
      this.logger.error(
        `opinion document tampered or missing: case ${caseNo}, review ${row.reviewId}, round ${row.round}, ` +
          `copy ${row.copy}, registered sha256 ${row.sha256}, stored ${bytes === null ? 'missing' : sha256Hex(bytes)}`,
      );
      throw new AppError('OPINION.DOCUMENT_TAMPERED', HttpStatus.INTERNAL_SERVER_ERROR, {
        zh: '法制审核意见书的存档文件与登记的校验值不符，已拒绝提供，请联系管理员',
        en: 'The stored opinion document does not match its registered checksum and was not served; contact the administrator',
      });
    }
    await recordAccess(this.dataSource, actor, {
      action: 'download',
      caseNumber: caseNo,
      subject: `${caseNo}/opinion-documents/${row.copy}`,
      recordUnitId: unitId,
      detail: { documentNo: row.documentNo, round: row.round, sha256: row.sha256 },
    });
    res.setHeader('x-content-sha256', row.sha256);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `inline; filename="opinion-${row.round}-${row.copy}.pdf"`,
    });
  }

  private async documentsOf(
    caseNo: string,
    actor: Actor,
  ): Promise<{ unitId: string; documents: OpinionDocumentRow[] }> {
    const found = await latestOpinionDocumentsOfCase(this.dataSource, caseNo);
    // As the review read API: another unit's review is "not found" for a unit-scoped caller (C1).
    if (found === null || !maySeeUnit(actor, found.unitId)) throw reviewNotFound(caseNo);
    if (found.documents.length === 0) throw notIssued(caseNo);
    return { unitId: found.unitId, documents: found.documents };
  }
}

function notIssued(caseNo: string): AppError {
  return new AppError('OPINION.DOCUMENT_NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `案件 ${caseNo} 尚未出具法制审核意见书`,
    en: `No opinion document has been issued for case ${caseNo}`,
  });
}
