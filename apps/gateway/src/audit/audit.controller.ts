import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import {
  Access,
  AuditQueryDto,
  CurrentActor,
  NotPersonalData,
  readAuditTrail,
  requireAuditFilter,
} from '@enforcement/platform';
import { mergeAuditTrails } from './audit-merge';
import { AuditSources } from './audit-sources';

/**
 * 审计 (SPEC C3): one trail of a case or a person across the gateway and the three services, newest first.
 * Each service keeps its own append-only `audit_log`, written in the same transaction as the change; this route
 * reads them through their read APIs with the caller's token, so every service applies its own unit scoping.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: AuditSources,
  ) {}

  @Get()
  @NotPersonalData(
    'the change and access logs themselves (who did or read what, when): a read of the log is not logged again, or every look at it would add to it',
  )
  @Access('audit.read')
  @ApiOperation({ summary: 'C3 — audit trail of a case (?case=) or a person (?person=): who, what, when, from where' })
  async read(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor, @Req() req: Request & { id?: string }) {
    requireAuditFilter(query);
    const caller = { authorization: req.headers.authorization ?? '', requestId: req.id };
    const [own, services] = await Promise.all([
      readAuditTrail(this.db, 'gateway', query, actor),
      this.sources.read(query, caller),
    ]);
    return { entries: mergeAuditTrails([own, ...services], query.limit ?? 200) };
  }
}
