import { Controller, Get, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@enforcement/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Access } from '../errors/public.decorator';
import { AuditQueryDto, readAuditTrail } from './audit-trail.reader';

/** A service's own audit trail (SPEC C3), read by the gateway's `GET /api/v1/audit` with the caller's token. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-trail')
export class AuditTrailController {
  private readonly service: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService,
  ) {
    this.service = config.getOrThrow<string>('SERVICE_NAME');
  }

  @Get()
  @Access('audit.read')
  @ApiOperation({ summary: "C3 — this service's audit rows of a case or a person, newest first" })
  read(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor) {
    return readAuditTrail(this.db, this.service, query, actor);
  }
}
