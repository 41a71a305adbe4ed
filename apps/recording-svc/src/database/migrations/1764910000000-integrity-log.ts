import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * The integrity log (SPEC R7): every record, file hash and access-log entry as a leaf of an RFC 9162 Merkle tree,
 * the signed checkpoints of its head, and the access log (R8). All append-only for the service's role.
 */
export class IntegrityLog1764910000000 implements MigrationInterface {
  name = 'IntegrityLog1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table integrity_log (
        idx bigint primary key check (idx >= 0),
        kind text not null check (kind in ('record', 'file', 'access')),
        case_number text,
        subject text not null,
        entry text not null,
        leaf_hash text not null check (leaf_hash ~ '^[0-9a-f]{64}$'),
        logged_at timestamptz not null default now(),
        unique (kind, subject)
      )`);
    await q.query(`create index integrity_log_case on integrity_log (case_number, idx)`);
    await makeAppendOnly(q, 'integrity_log');
    await q.query(`
      create table integrity_checkpoints (
        tree_size bigint not null check (tree_size >= 0),
        root_hash text not null,
        signed_at timestamptz not null,
        key_id text not null,
        signature text not null,
        primary key (tree_size, signed_at)
      )`);
    await makeAppendOnly(q, 'integrity_checkpoints');
    await q.query(`
      create table access_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        actor text not null,
        roles text[] not null,
        action text not null,
        case_number text,
        subject text not null,
        reason text,
        approver text
      )`);
    await makeAppendOnly(q, 'access_log');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table access_log`);
    await q.query(`drop table integrity_checkpoints`);
    await q.query(`drop table integrity_log`);
  }
}
