import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger, makeAppendOnly } from '@enforcement/platform';

/**
 * The whole-store integrity check as a background run (SPEC R7, issue 9): who started it and what was in the store
 * then; one row per finished batch with what it found; one row when the run ended. All three append-only and audited (C3) — a check's
 * findings are evidence of the store's state on that day and are never rewritten; progress is the sum of the batches
 * so far, so nothing needs updating. Kept here rather than only as the workflow's result because Temporal forgets a
 * closed workflow after the namespace's retention (days), and the agency must be able to show past checks for years.
 */
export class StoreCheckRuns1767712000000 implements MigrationInterface {
  name = 'StoreCheckRuns1767712000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table store_check_runs (
        id uuid primary key,
        started_at timestamptz not null default now(),
        started_by text not null,
        files_total integer not null check (files_total >= 0),
        bytes_total bigint not null check (bytes_total >= 0)
      )`);
    await q.query(`create index store_check_runs_by_start on store_check_runs (started_at desc)`);
    await makeAppendOnly(q, 'store_check_runs');
    await attachAuditTrigger(q, 'store_check_runs');
    await q.query(`
      create table store_check_batches (
        run_id uuid not null references store_check_runs (id),
        batch_no integer not null check (batch_no >= 0),
        files_checked integer not null check (files_checked >= 0),
        bytes_checked bigint not null check (bytes_checked >= 0),
        -- The last file checked, in the store's order (stored_at, id): where the next batch starts.
        last_stored_at timestamptz,
        last_id uuid,
        -- No file of the run's snapshot is left after this batch.
        last boolean not null,
        problems jsonb not null,
        checked_at timestamptz not null default now(),
        primary key (run_id, batch_no)
      )`);
    await makeAppendOnly(q, 'store_check_batches');
    await attachAuditTrigger(q, 'store_check_batches');
    await q.query(`
      create table store_check_ends (
        run_id uuid primary key references store_check_runs (id),
        ended_at timestamptz not null default now(),
        outcome text not null check (outcome in ('finished', 'failed')),
        -- Findings of the log side (files the log vouches for whose row is gone); the batches hold the rest.
        problems jsonb not null,
        reason text
      )`);
    await makeAppendOnly(q, 'store_check_ends');
    await attachAuditTrigger(q, 'store_check_ends');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table store_check_ends`);
    await q.query(`drop table store_check_batches`);
    await q.query(`drop table store_check_runs`);
  }
}
