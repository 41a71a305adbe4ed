import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * The review workflow's records: one `reviews` row per submission (L13 statistics), the task inbox projection
 * `review_tasks` (one row per review and role that must act), and the append-only `decision_attempts` (L12).
 */
export class ReviewWorkflow1764200000000 implements MigrationInterface {
  name = 'ReviewWorkflow1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table reviews (
        review_id text primary key,
        case_no text not null,
        workflow_id text not null,
        agency_id text not null,
        unit_id text not null,
        category text not null,
        status text not null,
        urgent boolean not null,
        submitted_at timestamptz not null,
        submitted_by text not null,
        late_submission boolean not null,
        catalogue_version integer not null,
        catalogue_entry_ids text[] not null,
        widened_scope boolean not null,
        reviewer_id text,
        accepted_at timestamptz,
        round integer not null,
        opinion_type text,
        opinion_issued_by text,
        opinion_issued_at timestamptz,
        opinion_overdue boolean not null default false,
        overdue boolean not null default false,
        decided_against_opinion boolean not null default false,
        decision_mode text,
        decided_at timestamptz,
        concluded_at timestamptz,
        revision integer not null,
        projected_seq bigint not null default 0,
        view jsonb not null,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index reviews_case on reviews (case_no, submitted_at desc)`);
    await q.query(`create index reviews_submitted on reviews (submitted_at, unit_id)`);

    // The task inbox: "open tasks of a role (in a unit), most urgent first" is one index range scan.
    await q.query(`
      create table review_tasks (
        review_id text not null references reviews (review_id),
        assignee_role text not null,
        case_no text not null,
        unit_id text not null,
        status text not null,
        step text not null,
        round integer not null,
        deadline timestamptz,
        deadline_kind text,
        deadline_day date,
        warning_at timestamptz,
        calendar_fingerprint text,
        late_submission boolean not null,
        overdue boolean not null,
        projected_seq bigint not null,
        updated_at timestamptz not null default now(),
        primary key (review_id, assignee_role)
      )`);
    await q.query(
      `create index review_tasks_by_role on review_tasks (assignee_role, deadline asc nulls last, late_submission desc)`,
    );
    await q.query(
      `create index review_tasks_by_role_unit on review_tasks
         (assignee_role, unit_id, deadline asc nulls last, late_submission desc)`,
    );

    await q.query(`
      create table decision_attempts (
        attempt_id text primary key,
        review_id text,
        case_no text not null,
        unit_id text,
        review_status text,
        attempted_by text not null,
        attempted_role text not null,
        attempted_unit_id text not null,
        attempted_at timestamptz not null,
        code text not null,
        decision_ref text,
        recorded_at timestamptz not null default now()
      )`);
    await q.query(`create index decision_attempts_case on decision_attempts (case_no, attempted_at)`);
    await q.query(`create index decision_attempts_unit on decision_attempts (unit_id, attempted_at)`);
    await makeAppendOnly(q, 'decision_attempts');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table decision_attempts`);
    await q.query(`drop table review_tasks`);
    await q.query(`drop table reviews`);
  }
}
