import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maySeeUnit, type Actor, type PartyKind } from '@enforcement/domain';
import { Access, AppError, CaseNumberPipe, CurrentActor } from '@enforcement/platform';
import { CaseDeadline } from './case-deadline.entity';

/** A case as review-svc knows it from `case.initiated.v1`. */
export interface CaseRecordView {
  caseNumber: string;
  unitId: string;
  /** 执法期限 from the case record (L3); null for a case initiated before the record carried it. */
  handlingDeadline: string | null;
  /** 当事人 from the case record (R1), as the opinion document prints it (L9); null when the case announced none. */
  party: { name: string; kind: PartyKind } | null;
}

/**
 * review-svc's copy of the case record (SPEC L3): the submission takes the handling deadline from here, never from
 * its own body. A case review-svc has not heard of yet — or another unit's, for a unit-scoped caller — is 404
 * CASE.NOT_REGISTERED.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseRecordsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':caseNo')
  @Access('reviews.case-record')
  @ApiOperation({
    summary: '案件 — the case’s unit, handling deadline (L3) and party (L9) as review-svc recorded them',
  })
  async find(@Param('caseNo', CaseNumberPipe) caseNo: string, @CurrentActor() actor: Actor): Promise<CaseRecordView> {
    const row = await this.dataSource.getRepository(CaseDeadline).findOneBy({ caseNumber: caseNo });
    if (row === null || !maySeeUnit(actor, row.unitId)) {
      throw new AppError('CASE.NOT_REGISTERED', HttpStatus.NOT_FOUND, {
        zh: `法制审核服务尚未收到案件 ${caseNo} 的立案信息`,
        en: `The legal review service has not received case ${caseNo} yet`,
      });
    }
    return {
      caseNumber: row.caseNumber,
      unitId: row.unitId,
      handlingDeadline: row.handlingDeadline?.toISOString() ?? null,
      party: row.partyName !== null && row.partyKind !== null ? { name: row.partyName, kind: row.partyKind } : null,
    };
  }
}
