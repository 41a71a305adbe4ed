import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * The case lifecycle (SPEC R1–R6, R9, R10): the party and initiation mode on the case, the case journal (every change
 * in order), the text records, and the deadline notices (warnings, recorded violations, retention ends). Journal,
 * records and notices are append-only: the service's role cannot UPDATE, DELETE or TRUNCATE them (R7).
 */
export class CaseLifecycle1764900000000 implements MigrationInterface {
  name = 'CaseLifecycle1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table cases
        add column party_name text,
        add column party_kind text,
        add column party_id_number text,
        add column party_address text,
        add column party_contact text,
        add column initiation_mode text not null default 'ex-officio',
        add column needs_review boolean not null default false,
        add column step text not null default 'initiation',
        add column outcome text not null default 'open',
        add column closed_at timestamptz,
        add column archived_at timestamptz`);
    await q.query(`
      create table case_journal (
        case_number text not null,
        seq integer not null check (seq > 0),
        kind text not null,
        at timestamptz not null,
        actor text not null,
        payload jsonb not null,
        stored_at timestamptz not null default now(),
        primary key (case_number, seq)
      )`);
    await makeAppendOnly(q, 'case_journal');
    await q.query(`
      create table case_records (
        id text primary key,
        case_number text not null,
        seq integer not null,
        step text not null,
        type text not null,
        fields jsonb not null,
        av jsonb not null,
        av_missing_reason text,
        recorded_at timestamptz not null,
        recorded_by text not null,
        unique (case_number, seq)
      )`);
    await makeAppendOnly(q, 'case_records');
    await q.query(`
      create table case_deadline_notices (
        case_number text not null,
        deadline_key text not null,
        kind text not null check (kind in ('warning', 'missed', 'retention-ended')),
        limit_name text not null,
        subject_id text not null,
        due_at timestamptz not null,
        unit_id text not null,
        responsible_user_id text,
        noticed_at timestamptz not null default now(),
        primary key (case_number, deadline_key, kind)
      )`);
    await makeAppendOnly(q, 'case_deadline_notices');
    await q.query(`create index case_deadline_notices_unit on case_deadline_notices (unit_id, kind, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table case_deadline_notices`);
    await q.query(`drop table case_records`);
    await q.query(`drop table case_journal`);
    await q.query(`
      alter table cases
        drop column party_name, drop column party_kind, drop column party_id_number, drop column party_address,
        drop column party_contact, drop column initiation_mode, drop column needs_review, drop column step,
        drop column outcome, drop column closed_at, drop column archived_at`);
  }
}
