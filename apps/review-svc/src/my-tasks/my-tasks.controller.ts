import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  myTaskScope,
  STATUS_LABELS,
  taskSubjectOf,
  workbenchLinkOf,
  type Actor,
  type ReviewStatus,
  type SupervisionKind,
  type TaskSubject,
} from '@enforcement/domain';
import { Access, CurrentActor } from '@enforcement/platform';
import { leftNow } from '../supervision/supervision.figures';
import { myOpenTasks, type MyTaskRow } from './my-tasks.records';
import { MyTasksQuery } from './my-tasks.dto';

/** One task of the personal inbox (C2): what, about what, by when, and where in the workbench it is done. */
export interface MyTask {
  key: string;
  kind: SupervisionKind;
  subject: TaskSubject;
  /** The board's case field: the case number, or the device's asset number / the item's id where no case is. */
  caseNo: string;
  unitId: string;
  /** Why it is the caller's: a review step of one of their roles, a limit in their name, or one their role acts on. */
  assignedBy: 'review' | 'person' | 'role';
  deadline: string | null;
  /** W7: the deadline reaches into the provisional calendar year and moves when that year is published. */
  provisional: boolean;
  warningAt: string | null;
  state: MyTaskRow['state'];
  /** Working days with time left, today included, by the current calendar; `null` without a deadline or data (W3). */
  workdaysLeft: number | null;
  overdue: boolean;
  /** The workbench route where the work is done. */
  link: string | null;
  /** Review steps only. */
  review: {
    status: string;
    statusLabel: { zh: string; en: string };
    step: string;
    assigneeRoles: string[];
    round: number;
    lateSubmission: boolean;
  } | null;
}

function taskOf(row: MyTaskRow, actor: Actor, now: Date): MyTask {
  const subject = taskSubjectOf(row.kind, row.subjectId, row.caseNo);
  const deadline = row.deadline?.toISOString() ?? null;
  return {
    key: row.key,
    kind: row.kind,
    subject,
    caseNo: row.caseNo,
    unitId: row.unitId,
    assignedBy: row.source === 'review' ? 'review' : row.responsibleUserId === actor.id ? 'person' : 'role',
    deadline,
    provisional: row.provisional,
    warningAt: row.warningAt?.toISOString() ?? null,
    state: row.state,
    workdaysLeft: deadline === null ? null : leftNow(now, deadline),
    overdue: row.state === 'missed' || (row.deadline !== null && row.deadline.getTime() <= now.getTime()),
    link: workbenchLinkOf(row.kind, subject),
    review:
      row.source === 'review'
        ? {
            status: row.status!,
            statusLabel: STATUS_LABELS[row.status as ReviewStatus],
            step: row.step!,
            assigneeRoles: row.assigneeRoles ?? [],
            round: row.round ?? 1,
            lateSubmission: row.lateSubmission,
          }
        : null,
  };
}

/**
 * 我的待办 — the caller's own work across the three services (C2, L13): the review inbox's steps and the running
 * limits of recording-svc and disclosure-svc that are theirs to act on, from review-svc's projection of every
 * `deadline.*` fact (the supervision board) — one query here, no call to another service. Who sees what is the
 * access module's (`libs/domain/src/access/my-tasks.ts`); the token alone decides, nothing the client sends widens
 * it. The gateway forwards with the caller's token.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class MyTasksController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('mine')
  @Access('tasks.mine')
  @ApiOperation({ summary: '我的待办 — the caller’s review steps and running limits, overdue first (C2)' })
  async mine(
    @Query() query: MyTasksQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ total: number; page: number; pageSize: number; items: MyTask[] }> {
    const now = new Date();
    const { total, rows } = await myOpenTasks(this.dataSource.manager, myTaskScope(actor), query, now);
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((row) => taskOf(row, actor, now)),
    };
  }
}
