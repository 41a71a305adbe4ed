import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * D3 (000 附件1 第八条): every recorded law change or function transfer — what changed (the instrument's reference,
 * the legal bases or catalogue items by name, items named explicitly), who recorded it and which ex-ante items it
 * flagged with their 20-working-day limits. Append-only: a record of why items had to change is never rewritten.
 */
export class LawChanges1766000000000 implements MigrationInterface {
  name = 'LawChanges1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table ex_ante_law_changes (
        id uuid primary key,
        cause text not null check (cause in ('law-changed', 'function-reassigned')),
        reference text not null,
        legal_bases text[] not null,
        item_ids text[] not null,
        outcomes jsonb not null,
        recorded_at timestamptz not null,
        recorded_by text not null
      )`);
    await q.query(`create index ex_ante_law_changes_recorded on ex_ante_law_changes (recorded_at desc)`);
    await makeAppendOnly(q, 'ex_ante_law_changes');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table ex_ante_law_changes`);
  }
}
