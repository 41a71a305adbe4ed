import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 更正申请 (SPEC D9): one row per objection, with its limit (10 or 2 working days) and the answer with reasons.
 * Every step is also in `audit_log` (append-only).
 */
export class Objections1764800000000 implements MigrationInterface {
  name = 'Objections1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table objections (
        objection_id uuid primary key,
        publication_id text not null references publications (publication_id),
        unit_id text not null,
        urgent boolean not null,
        received_at timestamptz not null,
        decide_by timestamptz not null,
        submitter jsonb not null,
        content text not null,
        evidence_refs jsonb not null,
        status text not null check (status in ('open', 'decided')),
        outcome text check (outcome in ('corrected', 'refused')),
        reasons text,
        decided_at timestamptz,
        decided_by text,
        on_time boolean
      )`);
    await q.query(`create index objections_unit_status on objections (unit_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table objections`);
  }
}
