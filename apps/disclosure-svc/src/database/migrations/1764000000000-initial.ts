import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTables, dropPlatformTables } from '@enforcement/platform';

/** disclosure-svc's first schema: outbox/inbox/audit, and publication obligations (SPEC D4). */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTables(q);
    await q.query(`
      create table publication_obligations (
        case_number text primary key,
        category text not null,
        unit_id text not null,
        opened_at timestamptz not null,
        source_event_id uuid not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table publication_obligations`);
    await dropPlatformTables(q);
  }
}
