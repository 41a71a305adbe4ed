import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/** 案卷评查台帐 (SPEC R13): one row per evaluation of a case file, never changed (a re-evaluation is a new row). */
export class CaseEvaluations1765330000000 implements MigrationInterface {
  name = 'CaseEvaluations1765330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table case_evaluations (
        id text primary key,
        case_number text not null,
        unit_id text not null,
        year integer not null,
        items jsonb not null,
        total numeric not null,
        max numeric not null,
        grade text not null check (grade in ('excellent', 'qualified', 'unqualified')),
        findings text not null,
        evaluated_by text not null,
        evaluated_at timestamptz not null default now()
      )`);
    await q.query(`create index case_evaluations_year on case_evaluations (year, unit_id)`);
    await makeAppendOnly(q, 'case_evaluations');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table case_evaluations`);
  }
}
