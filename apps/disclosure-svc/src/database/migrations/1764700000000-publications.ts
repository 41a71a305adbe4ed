import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * Ex-post publication (SPEC D4–D8, D11, D12):
 * - `publications`: one working row per decision (its review state, limits, outcome); changes as the review goes on.
 * - `publication_history`: every step of every publication — drafted, marks adjusted, published, exempted (with the
 *   reason and the 备案 filing), withdrawn — append-only (a trigger refuses UPDATE/DELETE/TRUNCATE).
 * - `portal_items`: what the public portal serves, redacted text only; the row is deleted the moment an item is
 *   withdrawn, so a withdrawn item is gone from every search at once.
 *
 * Search (D11): `grams` holds the distinct characters and character bigrams of the normalised searchable text, with
 * a GIN index; a query's terms become grams the row must contain (`@>`), then `strpos` confirms each whole term.
 * Bigrams suit Chinese, where most search words are two characters and nothing separates words; the array GIN index
 * is built into PostgreSQL, so the service's own role needs no extension (pg_trgm needs CREATE on the database,
 * which the service roles deliberately do not have, and splits CJK text into trigrams only under a ctype that
 * classifies CJK characters as alphanumeric).
 */
export class Publications1764700000000 implements MigrationInterface {
  name = 'Publications1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table publications (
        publication_id text primary key,
        decision_number text not null unique,
        case_number text not null,
        unit_id text not null,
        agency_id text not null,
        category text not null,
        party_kind text not null,
        status text not null check (status in ('in-review', 'published', 'exempted', 'withdrawn')),
        mode text not null check (mode in ('full-text', 'abstract')),
        decided_at timestamptz not null,
        publish_by timestamptz not null,
        publish_by_provisional boolean not null,
        published_at timestamptz,
        on_time boolean,
        expires_at timestamptz,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        exemption jsonb,
        marks jsonb not null,
        revision integer not null default 0,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index publications_unit_status on publications (unit_id, status)`);
    await q.query(`
      create table publication_history (
        seq bigint generated always as identity primary key,
        publication_id text not null references publications (publication_id),
        step text not null,
        at timestamptz not null,
        actor text not null,
        detail jsonb not null default '{}'::jsonb,
        unique (publication_id, step)
      )`);
    await makeAppendOnly(q, 'publication_history');
    await q.query(`
      create table portal_items (
        publication_id text primary key references publications (publication_id),
        decision_number text not null,
        agency_id text not null,
        agency_name text not null,
        category text not null,
        target text not null,
        decided_on date not null,
        published_at timestamptz not null,
        mode text not null,
        body text not null,
        search_text text not null,
        grams text[] not null
      )`);
    await q.query(`create index portal_items_grams on portal_items using gin (grams)`);
    await q.query(`create index portal_items_browse on portal_items (published_at desc, publication_id)`);
    await q.query(`create index portal_items_agency on portal_items (agency_id, category, decided_on desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table portal_items`);
    await q.query(`drop table publication_history`);
    await q.query(`drop table publications`);
  }
}
