import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 双随机 (SPEC R12): the maintained lists of inspection targets and inspectors (检查对象名录库、执法检查人员名录库 — a
 * list is kept current, so its rows change), the draws (append-only: seed, algorithm and the lists as drawn from, so
 * the draw can be re-run) and the inspection forms (执法检查表, append-only).
 */
export class Inspections1765320000000 implements MigrationInterface {
  name = 'Inspections1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table inspection_roster (
        kind text not null check (kind in ('target', 'inspector')),
        entry_id text not null,
        name text not null,
        detail text,
        active boolean not null,
        updated_by text not null,
        updated_at timestamptz not null default now(),
        primary key (kind, entry_id)
      )`);
    await q.query(`
      create table inspection_draws (
        id text primary key,
        unit_id text not null,
        item text not null,
        place text not null,
        participants jsonb not null,
        witnesses jsonb not null,
        seed text not null,
        algorithm text not null,
        candidates jsonb not null,
        target_count integer not null check (target_count > 0),
        inspector_count integer not null check (inspector_count >= 2),
        result jsonb not null,
        drawn_at timestamptz not null default now(),
        drawn_by text not null
      )`);
    await makeAppendOnly(q, 'inspection_draws');
    await q.query(`
      create table inspection_forms (
        id text primary key,
        draw_id text not null references inspection_draws (id),
        target_id text not null,
        method text not null check (method in ('written', 'on-site')),
        inspected_at timestamptz not null,
        inspectors jsonb not null,
        result text not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        unique (draw_id, target_id)
      )`);
    await makeAppendOnly(q, 'inspection_forms');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table inspection_forms`);
    await q.query(`drop table inspection_draws`);
    await q.query(`drop table inspection_roster`);
  }
}
