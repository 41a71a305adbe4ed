import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 事前公开 (SPEC D1–D3):
 * - `ex_ante_items`: one working row per item — its current draft stage, the version on the portal, an open D3 flag
 *   with its 20-working-day limit; the workflow's whole state is kept in `state` for the read API.
 * - `ex_ante_history`: every step of every item (drafted, revised, submitted, reviewed, published, flagged, notices,
 *   withdrawn) with the version's content, append-only (a trigger refuses UPDATE/DELETE/TRUNCATE).
 * - `portal_items` now holds ex-ante items too (`section = 'ex-ante'`, id `ex-ante:<itemId>`, `decision_number`
 *   holding the item's title), so the portal's one search index covers both; ex-ante rows have no publication, so
 *   the foreign key to `publications` gives way.
 */
export class ExAnte1765400000000 implements MigrationInterface {
  name = 'ExAnte1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table ex_ante_items (
        item_id uuid primary key,
        kind text not null,
        unit_id text not null,
        agency_id text not null,
        title text not null,
        draft_stage text,
        draft_version integer,
        published_version integer,
        published_at timestamptz,
        withdrawn_at timestamptz,
        flagged_at timestamptz,
        update_by timestamptz,
        state jsonb not null,
        step_no integer not null,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index ex_ante_items_unit on ex_ante_items (unit_id, draft_stage)`);
    await q.query(`create index ex_ante_items_flagged on ex_ante_items (update_by) where update_by is not null`);
    await q.query(`
      create table ex_ante_history (
        seq bigint generated always as identity primary key,
        item_id uuid not null references ex_ante_items (item_id),
        step_no integer not null,
        step text not null,
        at timestamptz not null,
        actor text not null,
        version integer,
        detail jsonb not null default '{}'::jsonb,
        unique (item_id, step_no)
      )`);
    await makeAppendOnly(q, 'ex_ante_history');
    await q.query(`alter table portal_items drop constraint portal_items_publication_id_fkey`);
    await q.query(`alter table portal_items add column section text not null default 'ex-post'
                     check (section in ('ex-post', 'ex-ante'))`);
    await q.query(`create index portal_items_section on portal_items (section, published_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from portal_items where section = 'ex-ante'`);
    await q.query(`drop index portal_items_section`);
    await q.query(`alter table portal_items drop column section`);
    await q.query(`alter table portal_items add constraint portal_items_publication_id_fkey
                     foreign key (publication_id) references publications (publication_id)`);
    await q.query(`drop table ex_ante_history`);
    await q.query(`drop table ex_ante_items`);
  }
}
