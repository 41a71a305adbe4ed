import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isOverdue, seesAcrossUnits, type Actor } from '@enforcement/domain';
import { Access, AppError, CurrentActor } from '@enforcement/platform';
import {
  missCounts,
  readDigests,
  recentStepFailures,
  runningLimits,
  type StoredDigest,
} from './deadline-board.records';
import { leftNow, unitFigures, type SupervisedLimit } from './supervision.figures';
import { DeadlineQuery, DigestQuery } from './supervision.dto';

/** A unit head reads their own unit only; asking for another answers 403 with the reason (C1). */
export function scopedUnit(actor: Actor, unit: string | undefined): string | undefined {
  if (seesAcrossUnits(actor)) return unit;
  if (unit !== undefined && unit !== actor.unitId) {
    throw new AppError('SUPERVISION.NOT_OWN_UNIT', HttpStatus.FORBIDDEN, {
      zh: '只能查看本承办机构的期限',
      en: 'You can only supervise the deadlines of your own unit',
    });
  }
  return actor.unitId;
}

/** 时限监督 (C2): every running limit of the three services, and the stored morning digests. The gateway forwards. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision')
export class SupervisionController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('deadlines')
  @Access('supervision.deadlines')
  @ApiOperation({ summary: '时限监督 — every running deadline, overdue first, with working days left (C2)' })
  async deadlines(@Query() query: DeadlineQuery, @CurrentActor() actor: Actor) {
    const unitId = scopedUnit(actor, query.unit);
    const now = new Date();
    const m = this.dataSource.manager;
    const rows = await runningLimits(
      m,
      { unitId, person: query.person, caseNo: query.caseNo, kind: query.kind, state: query.state },
      now,
    );
    const items: SupervisedLimit[] = rows.map((r) => ({
      ...r,
      workdaysLeft: leftNow(now, r.deadline),
      overdue: isOverdue(r, now),
    }));
    const byPerson = await missCounts(m, { unitId, kind: query.kind });
    // Steps a workflow gave up on put limits at risk without any fact of their own: listed beside them (issue 12).
    const stepFailures = await recentStepFailures(m, { unitId, caseNo: query.caseNo }, now);
    const start = (query.page - 1) * query.pageSize;
    return {
      total: items.length,
      page: query.page,
      pageSize: query.pageSize,
      items: items.slice(start, start + query.pageSize),
      byUnit: unitFigures(items, byPerson),
      byPerson,
      stepFailures,
    };
  }

  @Get('digests')
  @Access('supervision.digests')
  @ApiOperation({ summary: '每日时限提醒 — the stored morning digest per unit: overdue and due soon (C2)' })
  async digests(@Query() query: DigestQuery, @CurrentActor() actor: Actor): Promise<{ items: StoredDigest[] }> {
    const unitId = scopedUnit(actor, query.unit);
    return { items: await readDigests(this.dataSource.manager, { unitId, day: query.day }) };
  }
}
