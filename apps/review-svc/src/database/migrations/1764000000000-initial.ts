import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTables, dropPlatformTables } from '@enforcement/platform';

/** review-svc's first schema: outbox/inbox/audit, and the cases' handling deadlines (SPEC L3). */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTables(q);
    await q.query(`
      create table case_deadlines (
        case_number text primary key,
        unit_id text not null,
        handling_deadline timestamptz,
        source_event_id uuid not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table case_deadlines`);
    await dropPlatformTables(q);
  }
}
