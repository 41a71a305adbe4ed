import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger, makeAppendOnly } from '@enforcement/platform';

/**
 * C2/C3 (issue 12, faults): the steps other services' workflows gave up on, from their `workflow.step-failed.v1`
 * facts, for the supervision board. Append-only: a failure is a thing that happened; what was done about it is the
 * case's own record. One row per fact (its event id), so a redelivery adds nothing.
 */
export class StepFailuresBoard1767800000000 implements MigrationInterface {
  name = 'StepFailuresBoard1767800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table step_failures (
        event_id uuid primary key,
        source text not null,
        workflow_id text not null,
        subject text not null,
        unit_id text,
        step text not null,
        code text not null,
        reason text not null,
        failed_at timestamptz not null,
        received_at timestamptz not null default now()
      )`);
    // "A unit's failures, newest first" (the board's list and counts).
    await q.query(`create index step_failures_by_unit on step_failures (unit_id, failed_at desc)`);
    await makeAppendOnly(q, 'step_failures');
    await attachAuditTrigger(q, 'step_failures');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table step_failures`);
  }
}
