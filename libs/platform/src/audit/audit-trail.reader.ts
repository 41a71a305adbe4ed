import { HttpStatus } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { isUnitScoped, type Actor } from '@enforcement/domain';
import { AppError } from '../errors/app-error';
import { IsCanonicalId } from '../validation/text.decorators';

/** change: a row of `audit_log` (a state change); read: a row of `access_log` (a view, list, copy or export, R8). */
export const auditEntryKinds = ['change', 'read'] as const;
export type AuditEntryKind = (typeof auditEntryKinds)[number];

/** One row of a service's append-only audit trail (SPEC C3) or of its access log (SPEC R8). */
export interface AuditEntry {
  readonly service: string;
  readonly kind: AuditEntryKind;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly unitId: string | null;
  readonly correlationId: string | null;
  readonly sourceIp: string | null;
  readonly userAgent: string | null;
  readonly detail: unknown;
}

export const AUDIT_PAGE_MAX = 500;

/** `?case=` (a case number or item id) and/or `?person=` (a user id), newest first. */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'case number (or disclosure item id) whose trail to read' })
  @IsOptional()
  @IsCanonicalId()
  case?: string;

  @ApiPropertyOptional({ description: 'user id whose actions to read' })
  @IsOptional()
  @IsCanonicalId()
  person?: string;

  @ApiPropertyOptional({ enum: auditEntryKinds, description: 'only state changes, or only reads (default: both)' })
  @IsOptional()
  @IsIn(auditEntryKinds)
  kind?: AuditEntryKind;

  @ApiPropertyOptional({ description: 'rows at most', default: 200, minimum: 1, maximum: AUDIT_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;
}

export function requireAuditFilter(query: AuditQueryDto): void {
  if (query.case || query.person) return;
  throw new AppError('AUDIT.FILTER_REQUIRED', HttpStatus.BAD_REQUEST, {
    zh: '请指定案件（case）或人员（person）以查询审计记录',
    en: 'Name a case (case) or a person (person) to read the audit trail',
  });
}

/**
 * Reads the service's own audit trail — its state changes (`audit_log`) and the reads it served (`access_log`, R8).
 * A unit-scoped caller (a unit head) sees a case's trail only when the case belongs to their unit (a change row of it
 * carries the unit, or a read row names it as the record's unit), and a person's actions only within their unit.
 */
export async function readAuditTrail(
  db: DataSource,
  service: string,
  query: AuditQueryDto,
  caller: Pick<Actor, 'roles' | 'unitId'>,
): Promise<AuditEntry[]> {
  requireAuditFilter(query);
  const limit = query.limit ?? 200;
  const [changes, reads] = await Promise.all([
    query.kind === 'read' ? [] : readChanges(db, service, query, caller, limit),
    query.kind === 'change' ? [] : readReads(db, service, query, caller, limit),
  ]);
  return [...changes, ...reads]
    .sort((a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind) || Number(BigInt(b.id) - BigInt(a.id)))
    .slice(0, limit);
}

async function readChanges(
  db: DataSource,
  service: string,
  query: AuditQueryDto,
  caller: Pick<Actor, 'roles' | 'unitId'>,
  limit: number,
): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (query.case) where.push(`a.subject = ${param(query.case)}`);
  if (query.person) where.push(`a.actor = ${param(query.person)}`);
  if (isUnitScoped(caller)) {
    const unit = param(caller.unitId);
    where.push(
      query.case
        ? `exists (select 1 from audit_log o where o.subject = a.subject and o.unit_id = ${unit})`
        : `a.unit_id = ${unit}`,
    );
  }
  const rows = await db.query<Record<string, unknown>[]>(
    `select a.id::text as id, a.at, a.actor, a.action, a.subject, a.unit_id, a.correlation_id, a.source_ip,
            a.user_agent, a.detail
       from audit_log a where ${where.join(' and ')}
      order by a.at desc, a.id desc limit ${param(limit)}`,
    params,
  );
  return rows.map((r) => ({
    service,
    kind: 'change' as const,
    id: r.id as string,
    at: new Date(r.at as string).toISOString(),
    actor: r.actor as string,
    action: r.action as string,
    subject: r.subject as string,
    unitId: (r.unit_id as string | null) ?? null,
    correlationId: (r.correlation_id as string | null) ?? null,
    sourceIp: (r.source_ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
    detail: r.detail,
  }));
}

/** Reads as trail entries: action `access.<view|list|…>`, the case as subject (or what was listed), the rest in detail. */
async function readReads(
  db: DataSource,
  service: string,
  query: AuditQueryDto,
  caller: Pick<Actor, 'roles' | 'unitId'>,
  limit: number,
): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (query.case) where.push(`r.case_number = ${param(query.case)}`);
  if (query.person) where.push(`r.actor = ${param(query.person)}`);
  if (isUnitScoped(caller)) {
    const unit = param(caller.unitId);
    where.push(
      query.case
        ? `(r.record_unit_id = ${unit}
            or exists (select 1 from audit_log o where o.subject = r.case_number and o.unit_id = ${unit}))`
        : `r.unit_id = ${unit}`,
    );
  }
  const rows = await db.query<Record<string, unknown>[]>(
    `select r.id::text as id, r.at, r.actor, r.roles, r.unit_id, r.action, r.case_number, r.subject,
            r.record_unit_id, r.reason, r.approver, r.correlation_id, r.source_ip, r.user_agent, r.detail
       from access_log r where ${where.join(' and ')}
      order by r.at desc, r.id desc limit ${param(limit)}`,
    params,
  );
  return rows.map((r) => ({
    service,
    kind: 'read' as const,
    id: r.id as string,
    at: new Date(r.at as string).toISOString(),
    actor: r.actor as string,
    action: `access.${r.action as string}`,
    subject: (r.case_number as string | null) ?? (r.subject as string),
    unitId: (r.unit_id as string | null) ?? null,
    correlationId: (r.correlation_id as string | null) ?? null,
    sourceIp: (r.source_ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
    detail: {
      read: r.subject,
      roles: r.roles,
      recordUnitId: r.record_unit_id ?? null,
      reason: r.reason ?? null,
      approver: r.approver ?? null,
      ...(r.detail as Record<string, unknown>),
    },
  }));
}
