import type { EntityManager } from 'typeorm';
import type { DeadlineState, MyTaskScope, SupervisionKind } from '@enforcement/domain';

/** One open task of a person as stored: a review step of the task inbox, or a running limit of the board. */
export interface MyTaskRow {
  source: 'review' | 'board';
  key: string;
  kind: SupervisionKind;
  subjectId: string;
  caseNo: string;
  unitId: string;
  round: number | null;
  deadline: Date | null;
  provisional: boolean;
  /** Running, warned (its warning is due or went out), missed (ran out, or reported missed). */
  state: Exclude<DeadlineState, 'met'>;
  warningAt: Date | null;
  responsibleUserId: string | null;
  /** Review steps only: where the review stands and which of the caller's roles it waits on. */
  status: string | null;
  step: string | null;
  assigneeRoles: string[] | null;
  lateSubmission: boolean;
}

/**
 * The caller's open work in one statement over review-svc's own tables: the review inbox (`review_tasks`, one row
 * per review for the caller's task roles) beside the board's running limits that are the caller's by person or by
 * role (`myTaskScope`). The board's own rows of the legal review are left out — `review_tasks` is their source, and
 * a review would otherwise show twice. Overdue first, then the nearest deadline; steps without a limit last.
 */
export async function myOpenTasks(
  m: EntityManager,
  scope: MyTaskScope,
  filter: { kind?: SupervisionKind; page: number; pageSize: number },
  now: Date,
): Promise<{ total: number; rows: MyTaskRow[] }> {
  const params: unknown[] = [
    now,
    scope.reviewRoles,
    scope.reviewUnit,
    scope.person,
    scope.personUnit,
    scope.agencyKinds,
    scope.unitId,
    scope.unitKinds,
    filter.kind ?? null,
  ];
  const mine = `
    with reviews as (
      select review_id, min(case_no) as case_no, min(unit_id) as unit_id, max(round) as round, min(status) as status,
             min(step) as step, min(deadline) as deadline, min(deadline_kind) as deadline_kind,
             min(warning_at) as warning_at, bool_or(overdue) as overdue, bool_or(deadline_provisional) as provisional,
             bool_or(late_submission) as late_submission, array_agg(assignee_role order by assignee_role) as roles
        from review_tasks
       where assignee_role = any($2::text[]) and ($3::text is null or unit_id = $3)
       group by review_id),
    mine as (
      select 'review' as source, 'legal-review|' || review_id as key,
             case when deadline_kind = 'supplement' then 'review-supplement' else 'review' end as kind,
             review_id as subject_id, case_no, unit_id, round, deadline, coalesce(provisional, false) as provisional,
             case when overdue or deadline <= $1::timestamptz then 'missed'
                  when warning_at <= $1::timestamptz then 'warned' else 'running' end as state,
             warning_at, null::text as responsible_user_id, status, step, roles, late_submission
        from reviews
      union all
      select 'board', key, kind, subject_id, case_no, unit_id, round, deadline, provisional, state, warned_at,
             responsible_user_id, null, null, null, false
        from deadline_board
       where state <> 'met' and process <> 'legal-review'
         and ((responsible_user_id = $4 and ($5::text is null or unit_id = $5))
              or kind = any($6::text[])
              or (unit_id = $7 and kind = any($8::text[]))))
    select * from mine where $9::text is null or kind = $9`;
  // A step without a limit compares to null, and `desc` puts nulls first: coalesced, it sorts with the not-overdue.
  const [{ total }] = await m.query(`select count(*)::int as total from (${mine}) t`, params);
  const rows: Record<string, unknown>[] = await m.query(
    `${mine}
     order by (state = 'missed' or coalesce(deadline <= $1::timestamptz, false)) desc, deadline asc nulls last, key
     limit $10 offset $11`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  return {
    total,
    rows: rows.map((r) => ({
      source: r.source as MyTaskRow['source'],
      key: r.key as string,
      kind: r.kind as SupervisionKind,
      subjectId: r.subject_id as string,
      caseNo: r.case_no as string,
      unitId: r.unit_id as string,
      round: r.round as number | null,
      deadline: r.deadline === null ? null : new Date(r.deadline as string),
      provisional: r.provisional === true,
      state: r.state as MyTaskRow['state'],
      warningAt: r.warning_at === null ? null : new Date(r.warning_at as string),
      responsibleUserId: r.responsible_user_id as string | null,
      status: r.status as string | null,
      step: r.step as string | null,
      assigneeRoles: r.roles as string[] | null,
      lateSubmission: r.late_submission === true,
    })),
  };
}
