import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  mayReadReview,
  seesAcrossUnits,
  STATUS_LABELS,
  type Actor,
  type ReviewStatus,
  type ReviewView,
} from '@enforcement/domain';
import { Access, AppError, CaseNumberPipe, CurrentActor, recordAccess, RecordsRead } from '@enforcement/platform';
import { endOfCivilDay, startOfCivilDay, workdaysLeft } from '@enforcement/workdays';
import { ReviewReadRepository, type ReviewerStatistics, type UnitStatistics } from './review-read.repository';
import { reviewNotFound } from './review-not-found';
import { StatisticsQuery, TASK_ROLES, TaskInboxQuery } from './reviews.dto';

export interface TaskItem {
  reviewId: string;
  caseNo: string;
  unitId: string;
  status: string;
  statusLabel: { zh: string; en: string };
  step: string;
  assigneeRole: string;
  round: number;
  deadline: string | null;
  deadlineKind: string | null;
  warningAt: string | null;
  /**
   * W7 — 暂定期限: `deadline` and `warningAt` reach into the provisional year of the working-day calendar and may
   * move when the official arrangement is published (the review is re-timed then); `false` without a deadline.
   */
  deadlineProvisional: boolean;
  /** Working days with time left, today included, by the service's current calendar; `null` without a deadline. */
  workdaysLeft: number | null;
  /** The limit has run out (now, or reported missed). */
  overdue: boolean;
  /** Submitted late (L3). */
  lateSubmission: boolean;
  updatedAt: string;
}

/** Left time by the current calendar (W4); `null` when the calendar lacks the year (W3) — never a guess. */
function leftNow(now: Date, deadline: Date | null): number | null {
  if (deadline === null) return null;
  try {
    return workdaysLeft(now, deadline);
  } catch {
    return null;
  }
}

/** Read API of the legal review: the task inbox, one review, and the L13 statistics. The gateway forwards these. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly reads: ReviewReadRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get('tasks')
  @Access('reviews.tasks')
  @ApiOperation({ summary: '待办 — open review tasks of a role, most urgent first (deadline ascending, late first)' })
  async tasks(
    @Query() query: TaskInboxQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ total: number; page: number; pageSize: number; items: TaskItem[] }> {
    const role = query.role ?? TASK_ROLES.find((r) => actor.roles.includes(r));
    if (role === undefined || !actor.roles.includes(role)) {
      throw new AppError('REVIEW.ROLE_NOT_HELD', HttpStatus.FORBIDDEN, {
        zh: '只能查看本人所具有角色的待办事项',
        en: 'You can only list the tasks of a role you hold',
      });
    }
    let unitId = query.unitId;
    if (!seesAcrossUnits(actor)) {
      if (unitId !== undefined && unitId !== actor.unitId) {
        throw new AppError('REVIEW.NOT_HANDLING_UNIT', HttpStatus.FORBIDDEN, {
          zh: '只能查看本承办机构的审核事项',
          en: 'You can only see the reviews of your own unit',
        });
      }
      unitId = actor.unitId;
    }
    const { total, rows } = await this.reads.openTasks({ role, unitId, page: query.page, pageSize: query.pageSize });
    const now = new Date();
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((row) => ({
        reviewId: row.reviewId,
        caseNo: row.caseNo,
        unitId: row.unitId,
        status: row.status,
        statusLabel: STATUS_LABELS[row.status as ReviewStatus],
        step: row.step,
        assigneeRole: row.assigneeRole,
        round: row.round,
        deadline: row.deadline?.toISOString() ?? null,
        deadlineKind: row.deadlineKind,
        warningAt: row.warningAt?.toISOString() ?? null,
        deadlineProvisional: row.deadlineProvisional === true,
        workdaysLeft: leftNow(now, row.deadline),
        overdue: row.overdue || (row.deadline !== null && row.deadline.getTime() <= now.getTime()),
        lateSubmission: row.lateSubmission,
        updatedAt: row.updatedAt.toISOString(),
      })),
    };
  }

  @Get('statistics')
  @Access('reviews.statistics')
  @ApiOperation({
    summary: 'L13 — late submissions, overdue reviews, decisions against the opinion, per unit and reviewer',
  })
  async statistics(@Query() query: StatisticsQuery): Promise<{
    from: string;
    to: string;
    byUnit: UnitStatistics[];
    byReviewer: ReviewerStatistics[];
  }> {
    let from: Date;
    let to: Date;
    try {
      from = startOfCivilDay(query.from);
      to = endOfCivilDay(query.to);
    } catch {
      throw new AppError('REQUEST.VALIDATION_FAILED', HttpStatus.BAD_REQUEST, {
        zh: '统计区间的日期无效',
        en: 'The dates of the period are not valid',
      });
    }
    if (to.getTime() <= from.getTime()) {
      throw new AppError('REQUEST.VALIDATION_FAILED', HttpStatus.BAD_REQUEST, {
        zh: '统计区间的结束日期不能早于开始日期',
        en: 'The period must not end before it starts',
      });
    }
    return { from: query.from, to: query.to, ...(await this.reads.statistics(from, to)) };
  }

  @Get(':caseNo/rounds')
  @Access('reviews.read')
  @RecordsRead()
  @ApiOperation({
    summary: '审核轮次 — every review round of a case, oldest first (L5: a refused or withdrawn round stays readable)',
  })
  async rounds(
    @Param('caseNo', CaseNumberPipe) caseNo: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ round: number; workflowId: string; view: ReviewView }[]> {
    const rows = await this.reads.roundViews(caseNo);
    // The case is one unit's: another unit's rounds are "not found" like the review itself (C1).
    // A legal advisor sees the rounds they were invited to (L10), as the latest round's view says.
    if (rows.length === 0 || !mayReadReview(actor, rows[rows.length - 1].view)) throw reviewNotFound(caseNo);
    // Every round's view, as the review view itself: recorded before it is answered (R8, C3).
    await recordAccess(this.db, actor, {
      action: 'view',
      caseNumber: caseNo,
      subject: `${caseNo}/review-rounds`,
      recordUnitId: rows[rows.length - 1].view.unitId,
      detail: { rounds: rows.length },
    });
    return rows.map((row, i) => ({ round: i + 1, workflowId: row.workflowId, view: row.view }));
  }

  @Get(':caseNo')
  @Access('reviews.read')
  @RecordsRead()
  @ApiOperation({ summary: '法制审核 — the review of a case as its workflow last stored it' })
  async review(@Param('caseNo', CaseNumberPipe) caseNo: string, @CurrentActor() actor: Actor): Promise<ReviewView> {
    const found = await this.reads.latestView(caseNo);
    if (found === null) throw reviewNotFound(caseNo);
    const { view } = found;
    // Another unit's review answers exactly as a review that does not exist, as at the gateway (C1).
    // A legal advisor, only a review the section invited them to (L10).
    if (!mayReadReview(actor, view)) throw reviewNotFound(caseNo);
    // No part of the product calls this route (the gateway answers a review from its workflow and records that
    // read), but the service's port answers any valid token: a read here is recorded here too (R8, C3).
    await recordAccess(this.db, actor, {
      action: 'view',
      caseNumber: caseNo,
      subject: `${caseNo}/review`,
      recordUnitId: view.unitId,
      detail: { round: view.round },
    });
    const now = new Date();
    const deadline = view.deadline === null ? null : new Date(view.deadline);
    return {
      ...view,
      // Views stored before W7 carry no flag: their limits were computed on official data.
      deadlineProvisional: view.deadlineProvisional === true,
      asOf: now.toISOString(),
      workdaysLeft: leftNow(now, deadline),
      overdue: view.overdue || found.overdue,
    };
  }
}
