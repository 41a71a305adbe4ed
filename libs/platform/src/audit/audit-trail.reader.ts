import { HttpStatus } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { isUnitScoped, type Actor } from '@enforcement/domain';
import { AppError } from '../errors/app-error';
import { IsCanonicalId } from '../validation/text.decorators';

/** One row of a service's append-only audit trail (SPEC C3). */
export interface AuditEntry {
  readonly service: string;
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
 * Reads the service's own audit trail. A unit-scoped caller (a unit head) sees a case's trail only when the case
 * belongs to their unit (a row of it carries the unit), and a person's actions only within their unit.
 */
export async function readAuditTrail(
  db: DataSource,
  service: string,
  query: AuditQueryDto,
  caller: Pick<Actor, 'roles' | 'unitId'>,
): Promise<AuditEntry[]> {
  requireAuditFilter(query);
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
      order by a.at desc, a.id desc limit ${param(query.limit ?? 200)}`,
    params,
  );
  return rows.map((r) => ({
    service,
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
