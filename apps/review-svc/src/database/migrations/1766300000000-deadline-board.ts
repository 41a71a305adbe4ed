import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * SPEC C2 — time-limit supervision. `deadline_board` is the projection of every service's `deadline.*` facts (one row
 * per limit, folded order-free by libs/domain's `foldDeadlineFact`); `deadline_digests` keeps each unit's morning
 * digest (append-only: a later run of the same day adds a newer digest, the earlier stays).
 */
export class DeadlineBoard1766300000000 implements MigrationInterface {
  name = 'DeadlineBoard1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table deadline_board (
        key text primary key,
        process text not null,
        limit_name text not null,
        kind text not null,
        subject_id text not null,
        round integer,
        case_no text not null,
        unit_id text not null,
        responsible_user_id text,
        responsible_roles text[] not null,
        deadline timestamptz not null,
        provisional boolean not null,
        state text not null check (state in ('running', 'warned', 'missed', 'met')),
        late boolean not null,
        started_at timestamptz,
        warned_at timestamptz,
        missed_at timestamptz,
        met_at timestamptz,
        fact_time timestamptz not null
      )`);
    // "Running limits of a unit, nearest first" and the per-unit / per-person miss counts.
    await q.query(`create index deadline_board_open on deadline_board (unit_id, deadline) where state <> 'met'`);
    await q.query(`create index deadline_board_missed on deadline_board (unit_id, responsible_user_id)
                     where missed_at is not null`);
    await q.query(`
      create table deadline_digests (
        unit_id text not null,
        digest_day date not null,
        generated_at timestamptz not null,
        overdue jsonb not null,
        due_soon jsonb not null,
        primary key (unit_id, digest_day, generated_at)
      )`);
    await makeAppendOnly(q, 'deadline_digests');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table deadline_digests`);
    await q.query(`drop table deadline_board`);
  }
}
