import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/** Runtime calendar arrangements (SPEC W4): the latest per year, and every change kept for ever (audit). */
export class Calendar1764100000000 implements MigrationInterface {
  name = 'Calendar1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table calendar_years (
        year int primary key,
        revision int not null,
        arrangement jsonb not null,
        published_by text not null,
        published_at timestamptz not null default now()
      )`);
    await q.query(`
      create table calendar_changes (
        id bigint generated always as identity primary key,
        year int not null,
        revision int not null,
        arrangement jsonb not null,
        changed_by text not null,
        correlation_id text not null,
        changed_at timestamptz not null default now(),
        unique (year, revision)
      )`);
    await makeAppendOnly(q, 'calendar_changes');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table calendar_changes`);
    await q.query(`drop table calendar_years`);
  }
}
