import type { EntityManager } from 'typeorm';
import {
  foldDeadlineFact,
  type DeadlineEntry,
  type DeadlineFact,
  type DeadlineState,
  type SupervisionKind,
  type UnitDigest,
} from '@enforcement/domain';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/* eslint-disable @typescript-eslint/no-explicit-any -- raw rows of `deadline_board` */
function entryOf(r: any): DeadlineEntry {
  return {
    key: r.key,
    process: r.process,
    limit: r.limit_name,
    kind: r.kind,
    subjectId: r.subject_id,
    round: r.round,
    caseNo: r.case_no,
    unitId: r.unit_id,
    responsibleUserId: r.responsible_user_id,
    responsibleRoles: r.responsible_roles,
    deadline: iso(r.deadline)!,
    provisional: r.provisional,
    state: r.state,
    late: r.late,
    startedAt: iso(r.started_at),
    warnedAt: iso(r.warned_at),
    missedAt: iso(r.missed_at),
    metAt: iso(r.met_at),
    factTime: iso(r.fact_time)!,
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Folds one fact into its row, under a row lock so two consumers of the same limit never lose an update. */
export async function applyDeadlineFact(m: EntityManager, key: string, fact: DeadlineFact): Promise<void> {
  const [row] = await m.query(`select * from deadline_board where key = $1 for update`, [key]);
  const e = foldDeadlineFact(row === undefined ? undefined : entryOf(row), fact);
  await m.query(
    `insert into deadline_board (key, process, limit_name, kind, subject_id, round, case_no, unit_id,
       responsible_user_id, responsible_roles, deadline, provisional, state, late, started_at, warned_at, missed_at,
       met_at, fact_time)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     on conflict (key) do update set unit_id = excluded.unit_id, responsible_user_id = excluded.responsible_user_id,
       responsible_roles = excluded.responsible_roles, deadline = excluded.deadline,
       provisional = excluded.provisional, state = excluded.state, late = excluded.late,
       started_at = excluded.started_at, warned_at = excluded.warned_at, missed_at = excluded.missed_at,
       met_at = excluded.met_at, fact_time = excluded.fact_time`,
    [
      e.key,
      e.process,
      e.limit,
      e.kind,
      e.subjectId,
      e.round,
      e.caseNo,
      e.unitId,
      e.responsibleUserId,
      e.responsibleRoles,
      e.deadline,
      e.provisional,
      e.state,
      e.late,
      e.startedAt,
      e.warnedAt,
      e.missedAt,
      e.metAt,
      e.factTime,
    ],
  );
}

/** One running limit as the supervision read serves it (before working days are counted). */
export interface RunningLimit {
  key: string;
  process: string;
  limit: string;
  kind: SupervisionKind;
  subjectId: string;
  round: number | null;
  caseNo: string;
  unitId: string;
  responsibleUserId: string | null;
  responsibleRoles: string[];
  deadline: string;
  provisional: boolean;
  state: DeadlineState;
  warnedAt: string | null;
  missedAt: string | null;
}

export interface RunningFilter {
  unitId?: string;
  person?: string;
  caseNo?: string;
  kind?: string;
  state?: DeadlineState;
}

/**
 * Every running limit in one statement: the projected facts of recording-svc and disclosure-svc (and any later
 * producer), and the legal review's own limits straight from its task inbox (`review_tasks`, one row per review, which
 * this service keeps itself — its warning/missed facts still feed the miss counts). Overdue first, nearest next.
 */
export async function runningLimits(m: EntityManager, filter: RunningFilter, now: Date): Promise<RunningLimit[]> {
  const params: unknown[] = [now];
  const where: string[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (filter.unitId !== undefined) where.push(`unit_id = ${bind(filter.unitId)}`);
  if (filter.person !== undefined) where.push(`responsible_user_id = ${bind(filter.person)}`);
  if (filter.caseNo !== undefined) where.push(`case_no = ${bind(filter.caseNo)}`);
  if (filter.kind !== undefined) where.push(`kind = ${bind(filter.kind)}`);
  if (filter.state !== undefined) where.push(`state = ${bind(filter.state)}`);
  const rows: RunningLimit[] = await m.query(
    `with reviews as (
       select review_id, min(case_no) as case_no, min(unit_id) as unit_id, max(round) as round,
              min(deadline) as deadline, min(deadline_kind) as deadline_kind, min(warning_at) as warning_at,
              bool_or(overdue) as overdue, bool_or(deadline_provisional) as provisional,
              array_agg(distinct assignee_role order by assignee_role) as roles
         from review_tasks where deadline is not null group by review_id),
     running as (
       select key, process, limit_name, kind, subject_id, round, case_no, unit_id, responsible_user_id,
              responsible_roles, deadline, provisional, state, warned_at, missed_at
         from deadline_board where state <> 'met' and process <> 'legal-review'
       union all
       select 'legal-review|' || l.limit_name || '|' || r.review_id || '|' || r.round, 'legal-review', l.limit_name,
              case when l.limit_name = 'supplement-window' then 'review-supplement' else 'review' end,
              r.review_id, r.round, r.case_no, r.unit_id, b.responsible_user_id, r.roles, r.deadline, r.provisional,
              case when r.overdue then 'missed' when r.warning_at <= $1::timestamptz then 'warned' else 'running' end,
              b.warned_at, b.missed_at
         from reviews r
         cross join lateral (select case when r.deadline_kind = 'supplement' then 'supplement-window'
                                         else 'review-limit' end as limit_name) l
         left join deadline_board b
           on b.key = 'legal-review|' || l.limit_name || '|' || r.review_id || '|' || r.round)
     select key, process, limit_name as "limit", kind, subject_id as "subjectId", round, case_no as "caseNo",
            unit_id as "unitId", responsible_user_id as "responsibleUserId", responsible_roles as "responsibleRoles",
            deadline, provisional, state, warned_at as "warnedAt", missed_at as "missedAt"
       from running ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by (state = 'missed' or deadline <= $1::timestamptz) desc, deadline asc, key`,
    params,
  );
  return rows.map((r) => ({
    ...r,
    deadline: iso(r.deadline)!,
    warnedAt: iso(r.warnedAt),
    missedAt: iso(r.missedAt),
  }));
}

export interface MissCount {
  unitId: string;
  responsibleUserId: string | null;
  /** Limits that ran out and are still open. */
  missed: number;
  /** Limits met only after they ran out. */
  late: number;
}

/** L13/D12/C2 accountability: per unit and responsible person, how many limits were missed or met late. */
export async function missCounts(m: EntityManager, filter: { unitId?: string; kind?: string }): Promise<MissCount[]> {
  const params: unknown[] = [];
  let where = 'missed_at is not null';
  if (filter.unitId !== undefined) where += ` and unit_id = $${params.push(filter.unitId)}`;
  if (filter.kind !== undefined) where += ` and kind = $${params.push(filter.kind)}`;
  return m.query(
    `select unit_id as "unitId", responsible_user_id as "responsibleUserId",
            count(*) filter (where state <> 'met')::int as missed, count(*) filter (where late)::int as late
       from deadline_board where ${where}
      group by unit_id, responsible_user_id order by unit_id, responsible_user_id nulls first`,
    params,
  );
}

/** Stores a unit's digest for the day (append-only: a rerun adds a newer one, which readers then take). */
export async function storeDigest(m: EntityManager, d: UnitDigest, generatedAt: Date): Promise<void> {
  await m.query(
    `insert into deadline_digests (unit_id, digest_day, generated_at, overdue, due_soon)
     values ($1, $2, $3, $4::jsonb, $5::jsonb)`,
    [d.unitId, d.day, generatedAt, JSON.stringify(d.overdue), JSON.stringify(d.dueSoon)],
  );
}

export interface StoredDigest extends UnitDigest {
  generatedAt: string;
}

/** The latest digest of each unit for one day (all units, or one), or for the latest day stored when none is given. */
export async function readDigests(
  m: EntityManager,
  filter: { unitId?: string; day?: string },
): Promise<StoredDigest[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.unitId !== undefined) where.push(`unit_id = $${params.push(filter.unitId)}`);
  const scope = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const day =
    filter.day !== undefined
      ? `$${params.push(filter.day)}::date`
      : `(select max(digest_day) from deadline_digests ${scope})`;
  const rows: { unit_id: string; day: string; generated_at: Date; overdue: never[]; due_soon: never[] }[] =
    await m.query(
      `select distinct on (unit_id) unit_id, to_char(digest_day, 'YYYY-MM-DD') as day, generated_at, overdue, due_soon
         from deadline_digests ${scope ? `${scope} and` : 'where'} digest_day = ${day}
        order by unit_id, generated_at desc`,
      params,
    );
  return rows.map((r) => ({
    unitId: r.unit_id,
    day: r.day,
    generatedAt: r.generated_at.toISOString(),
    overdue: r.overdue,
    dueSoon: r.due_soon,
  }));
}

/** A step a workflow gave up on, as the board lists it (C2, issue 12). */
export interface BoardStepFailure {
  source: string;
  workflowId: string;
  subject: string;
  unitId: string | null;
  step: string;
  code: string;
  reason: string;
  failedAt: string;
}

/** How far back the board lists failed steps: a month of them is what a unit head can still act on. */
export const STEP_FAILURE_WINDOW_DAYS = 30;

/**
 * The failed steps of the last `STEP_FAILURE_WINDOW_DAYS` in the caller's scope, newest first (at most `limit`), and
 * how many there are. A unit's scope leaves out failures that belong to no unit (the agency's own workflows).
 */
export async function recentStepFailures(
  m: EntityManager,
  filter: { unitId?: string; caseNo?: string },
  now: Date,
  limit = 20,
): Promise<{ total: number; items: BoardStepFailure[] }> {
  const params: unknown[] = [now, STEP_FAILURE_WINDOW_DAYS];
  const where = [`failed_at > $1::timestamptz - make_interval(days => $2)`];
  if (filter.unitId !== undefined) where.push(`unit_id = $${params.push(filter.unitId)}`);
  if (filter.caseNo !== undefined) where.push(`subject = $${params.push(filter.caseNo)}`);
  const rows: (Omit<BoardStepFailure, 'failedAt'> & { failedAt: Date; total: number })[] = await m.query(
    `select source, workflow_id as "workflowId", subject, unit_id as "unitId", step, code, reason,
            failed_at as "failedAt", (count(*) over ())::int as total
       from step_failures where ${where.join(' and ')}
      order by failed_at desc, event_id limit $${params.push(limit)}`,
    params,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...r }) => ({ ...r, failedAt: r.failedAt.toISOString() })),
  };
}
