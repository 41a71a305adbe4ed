import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FINAL_STATUSES, type HeldSeat, type ReviewView, type Role } from '@enforcement/domain';

/** One open task of the inbox as stored (`review_tasks`). */
export interface TaskRow {
  reviewId: string;
  caseNo: string;
  unitId: string;
  status: string;
  step: string;
  assigneeRole: string;
  round: number;
  deadline: Date | null;
  deadlineKind: string | null;
  warningAt: Date | null;
  /** W7: the deadline reaches into the calendar's provisional year. */
  deadlineProvisional: boolean;
  lateSubmission: boolean;
  overdue: boolean;
  updatedAt: Date;
}

export interface UnitStatistics {
  unitId: string;
  reviews: number;
  lateSubmissions: number;
  overdueReviews: number;
  decisionsAgainstOpinion: number;
  refusedDecisionAttempts: number;
}

export interface ReviewerStatistics {
  reviewerId: string;
  reviews: number;
  overdueReviews: number;
  decisionsAgainstOpinion: number;
}

/** Reads of review-svc's own tables for the read API; reads bypass the domain layer on purpose. */
@Injectable()
export class ReviewReadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open tasks of a role (optionally of one unit), most urgent first: the `review_tasks_by_role[_unit]` indexes. */
  async openTasks(filter: { role: Role; unitId?: string; page: number; pageSize: number }): Promise<{
    total: number;
    rows: TaskRow[];
  }> {
    const params: unknown[] = [filter.role];
    let where = 'assignee_role = $1';
    if (filter.unitId !== undefined) {
      params.push(filter.unitId);
      where += ` and unit_id = $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query(
      `select count(*)::int as total from review_tasks where ${where}`,
      params,
    );
    const rows = await this.dataSource.query(
      `select review_id as "reviewId", case_no as "caseNo", unit_id as "unitId", status, step,
              assignee_role as "assigneeRole", round, deadline, deadline_kind as "deadlineKind",
              warning_at as "warningAt", deadline_provisional as "deadlineProvisional",
              late_submission as "lateSubmission", overdue, updated_at as "updatedAt"
         from review_tasks where ${where}
        order by deadline asc nulls last, late_submission desc, updated_at asc, review_id
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { total, rows };
  }

  /** The latest review of a case as its workflow last stored it; `null` if the case was never submitted. */
  async latestView(caseNo: string): Promise<{ view: ReviewView; overdue: boolean } | null> {
    const rows: { view: ReviewView; overdue: boolean }[] = await this.dataSource.query(
      `select view, overdue from reviews where case_no = $1 order by submitted_at desc limit 1`,
      [caseNo],
    );
    return rows[0] ?? null;
  }

  /** Every review round of a case, oldest first, as each workflow last stored it (L5: earlier rounds stay readable). */
  async roundViews(caseNo: string): Promise<{ workflowId: string; view: ReviewView }[]> {
    return this.dataSource.query(
      `select workflow_id as "workflowId", view from reviews where case_no = $1 order by submitted_at asc`,
      [caseNo],
    );
  }

  /**
   * C1 (issue 12): the seats held in every review of a case, as each review's row records them, with the unit whose
   * review it was (the caller filters by it).
   */
  async caseSeats(caseNo: string): Promise<{ unitId: string; seats: HeldSeat[] }[]> {
    const rows: { reviewId: string; unitId: string; seats: Omit<HeldSeat, 'reviewId'>[] }[] =
      await this.dataSource.query(
        `select review_id as "reviewId", unit_id as "unitId", seats from reviews where case_no = $1 order by submitted_at`,
        [caseNo],
      );
    return rows.map((row) => ({
      unitId: row.unitId,
      seats: row.seats.map(({ personId, seat }) => ({ personId, seat, reviewId: row.reviewId })),
    }));
  }

  /** Non-final reviews whose workflows must re-time when the calendar changes (W4). */
  async openWorkflowIds(): Promise<string[]> {
    const rows: { workflowId: string }[] = await this.dataSource.query(
      `select workflow_id as "workflowId" from reviews where status <> all($1::text[])`,
      [[...FINAL_STATUSES]],
    );
    return rows.map((row) => row.workflowId);
  }

  /** SPEC L13 counts over reviews submitted in [from, to). */
  async statistics(from: Date, to: Date): Promise<{ byUnit: UnitStatistics[]; byReviewer: ReviewerStatistics[] }> {
    const byUnit: UnitStatistics[] = await this.dataSource.query(
      `with r as (
         select unit_id, count(*)::int as reviews,
                count(*) filter (where late_submission)::int as "lateSubmissions",
                count(*) filter (where overdue or opinion_overdue)::int as "overdueReviews",
                count(*) filter (where decided_against_opinion)::int as "decisionsAgainstOpinion"
           from reviews where submitted_at >= $1 and submitted_at < $2 group by unit_id),
       a as (
         select unit_id, count(*)::int as attempts from decision_attempts
          where attempted_at >= $1 and attempted_at < $2 and unit_id is not null group by unit_id)
       select coalesce(r.unit_id, a.unit_id) as "unitId", coalesce(r.reviews, 0) as reviews,
              coalesce(r."lateSubmissions", 0) as "lateSubmissions", coalesce(r."overdueReviews", 0) as "overdueReviews",
              coalesce(r."decisionsAgainstOpinion", 0) as "decisionsAgainstOpinion",
              coalesce(a.attempts, 0) as "refusedDecisionAttempts"
         from r full join a on a.unit_id = r.unit_id
        order by 1`,
      [from, to],
    );
    const byReviewer: ReviewerStatistics[] = await this.dataSource.query(
      `select reviewer_id as "reviewerId", count(*)::int as reviews,
              count(*) filter (where overdue or opinion_overdue)::int as "overdueReviews",
              count(*) filter (where decided_against_opinion)::int as "decisionsAgainstOpinion"
         from reviews where submitted_at >= $1 and submitted_at < $2 and reviewer_id is not null
        group by reviewer_id order by 1`,
      [from, to],
    );
    return { byUnit, byReviewer };
  }
}
