import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10, SPEC D4: `publication_starts` — the publication workflows still to be started. The decision consumer
 * commits a decision's draft together with its row here and starts the workflow after the commit; the row is deleted
 * once Temporal has the workflow. A row left behind (the start failed, or the process died between commit and start)
 * is started by the sweeper (publication.starter.ts), so a committed draft always gets its workflow.
 *
 * A queue, not a record (like the outbox): `input` is the workflow's input as it will be started, `origin` and
 * `trace_context` what the consumer ran under (C3 audit origin, issue 12 trace). `next_attempt_at` is when a starter
 * may take the row: now for a fresh row, a lease's end while one starter holds it, a back-off after a failure.
 */
export class PublicationStarts1767500000000 implements MigrationInterface {
  name = 'PublicationStarts1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table publication_starts (
        publication_id text primary key,
        input jsonb not null,
        origin jsonb not null default '{}'::jsonb,
        trace_context jsonb,
        created_at timestamptz not null default now(),
        next_attempt_at timestamptz not null default now(),
        attempts integer not null default 0,
        last_error text
      )`);
    await q.query(`create index publication_starts_due on publication_starts (next_attempt_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table publication_starts`);
  }
}
