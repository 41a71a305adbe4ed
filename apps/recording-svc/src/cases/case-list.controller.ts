import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  CASE_LIST_MAX_PAGE_SIZE,
  caseListStatuses,
  caseSteps,
  enforcementCategories,
  isUnitScoped,
  seesOwnCasesOnly,
  type Actor,
  type CaseListFilter,
  type CaseListItem,
  type CaseListPage,
  type CaseListStatus,
  type CaseStep,
  type EnforcementCategory,
  type PartyKind,
} from '@enforcement/domain';
import { Access, CurrentActor, IsCanonicalId, IsStoreSafeText, PageQuery, RecordsRead } from '@enforcement/platform';
import { logAccess } from '../integrity/access-log';

/** The list's filters, checked again here (the gateway checks the same shape). */
export class CaseListQueryDto
  extends PageQuery({ defaultPageSize: 20, maxPageSize: CASE_LIST_MAX_PAGE_SIZE })
  implements CaseListFilter
{
  @ApiPropertyOptional({ enum: caseListStatuses }) @IsOptional() @IsIn(caseListStatuses) status?: CaseListStatus;
  @ApiPropertyOptional({ enum: caseSteps }) @IsOptional() @IsIn(caseSteps) step?: CaseStep;
  @ApiPropertyOptional({ enum: enforcementCategories })
  @IsOptional()
  @IsIn(enforcementCategories)
  category?: EnforcementCategory;
  @ApiPropertyOptional({ description: 'Part of the case number' })
  @IsOptional()
  @IsStoreSafeText({ max: 64 })
  caseNo?: string;
  @ApiPropertyOptional({ description: "Part of the party's name" })
  @IsOptional()
  @IsStoreSafeText({ max: 200 })
  party?: string;
  @ApiPropertyOptional({ description: 'One unit (agency-wide callers; a unit-scoped caller gets their own)' })
  @IsOptional()
  @IsCanonicalId()
  unitId?: string;
}

const STATUS_SQL: Record<CaseListStatus, string> = {
  open: `c.outcome = 'open' and c.closed_at is null and c.archived_at is null`,
  closed: `c.outcome <> 'not-taken-up' and c.closed_at is not null and c.archived_at is null`,
  archived: `c.archived_at is not null`,
  'not-taken-up': `c.outcome = 'not-taken-up'`,
};

/** `%`, `_` and `\` typed by a person are letters, not patterns. */
const likePart = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

interface CaseListRow {
  case_number: string;
  title: string;
  category: EnforcementCategory;
  unit_id: string;
  party_name: string | null;
  party_kind: PartyKind | null;
  step: CaseStep;
  outcome: string;
  initiated_at: Date;
  closed_at: Date | null;
  archived_at: Date | null;
  handling_deadline: Date | null;
  total: string;
}

function statusOf(row: CaseListRow): CaseListStatus {
  if (row.outcome === 'not-taken-up') return 'not-taken-up';
  if (row.archived_at) return 'archived';
  return row.closed_at ? 'closed' : 'open';
}

/**
 * 案件列表 — the cases a person may see, newest first (SPEC R1, R8, C1): an officer the cases they took part in
 * (initiated, made a record, uploaded a file: 本人), a unit head their unit's, agency-wide roles every unit's. The
 * list names parties (personal data), so each list read is logged (R8, C3): once, with the query and the count —
 * not a row per case listed (see docs/architecture.md, "Access log").
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseListController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Access('cases.list')
  @RecordsRead()
  @ApiOperation({ summary: 'The cases the caller may see, filtered, newest first (R1, R8)' })
  async list(@Query() query: CaseListQueryDto, @CurrentActor() actor: Actor): Promise<CaseListPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => (params.push(value), `$${params.length}`);
    if (isUnitScoped(actor)) where.push(`c.unit_id = ${param(actor.unitId)}`);
    else if (query.unitId) where.push(`c.unit_id = ${param(query.unitId)}`);
    if (seesOwnCasesOnly(actor)) {
      const me = param(actor.id);
      where.push(`(c.initiated_by = ${me}
        or exists (select 1 from case_records r where r.case_number = c.case_number and r.recorded_by = ${me})
        or exists (select 1 from evidence_files f where f.case_number = c.case_number and f.uploaded_by = ${me}))`);
    }
    if (query.status) where.push(STATUS_SQL[query.status]);
    if (query.step) where.push(`c.step = ${param(query.step)}`);
    if (query.category) where.push(`c.category = ${param(query.category)}`);
    if (query.caseNo) where.push(`c.case_number ilike ${param(likePart(query.caseNo))}`);
    if (query.party) where.push(`c.party_name ilike ${param(likePart(query.party))}`);
    const rows = await this.dataSource.query<CaseListRow[]>(
      `select c.case_number, c.title, c.category, c.unit_id, c.party_name, c.party_kind, c.step, c.outcome,
              c.initiated_at, c.closed_at, c.archived_at, c.handling_deadline, count(*) over () as total
         from cases c
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by c.initiated_at desc, c.case_number
        limit ${param(pageSize)} offset ${param((page - 1) * pageSize)}`,
      params,
    );
    // A page past the end has no row to carry the count: count on its own then.
    const total =
      rows.length > 0
        ? Number(rows[0].total)
        : page === 1
          ? 0
          : Number(
              (
                await this.dataSource.query<{ n: string }[]>(
                  `select count(*) as n from cases c ${where.length ? `where ${where.join(' and ')}` : ''}`,
                  params.slice(0, -2),
                )
              )[0].n,
            );
    const items: CaseListItem[] = rows.map((r) => ({
      caseNumber: r.case_number,
      title: r.title,
      category: r.category,
      unitId: r.unit_id,
      party: r.party_name && r.party_kind ? { name: r.party_name, kind: r.party_kind } : null,
      step: r.step,
      status: statusOf(r),
      initiatedAt: r.initiated_at.toISOString(),
      handlingDeadline: r.handling_deadline?.toISOString() ?? null,
    }));
    // Answered only once its access record is written: a read that cannot be logged is not served.
    await this.dataSource.transaction((m) =>
      logAccess(m, actor, {
        action: 'list',
        caseNumber: null,
        subject: 'cases',
        detail: { query: { ...query, page, pageSize }, count: total, returned: items.length },
      }),
    );
    return { items, page, pageSize, total };
  }
}
