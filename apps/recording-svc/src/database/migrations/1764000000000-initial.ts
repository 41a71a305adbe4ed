import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTables, dropPlatformTables } from '@enforcement/platform';

/** recording-svc's first schema: outbox/inbox/audit, and the case register (SPEC R1). */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTables(q);
    await q.query(`
      create table cases (
        case_number text primary key,
        category text not null,
        title text not null,
        unit_id text not null,
        initiated_at timestamptz not null,
        handling_deadline timestamptz,
        initiated_by text not null,
        registered_at timestamptz not null default now()
      )`);
    await q.query(`create index cases_unit on cases (unit_id, initiated_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table cases`);
    await dropPlatformTables(q);
  }
}
