import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * The evidence store's metadata (SPEC R5–R7): uploads in progress (mutable: they only gain a completion), and the
 * stored files, append-only for the service's role — a file's hash, size and declared metadata never change.
 */
export class EvidenceStore1765200000000 implements MigrationInterface {
  name = 'EvidenceStore1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table evidence_uploads (
        id uuid primary key,
        case_number text not null,
        unit_id text not null,
        record_id text not null,
        size bigint not null check (size >= 0),
        metadata jsonb not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        completed_at timestamptz
      )`);
    await q.query(`
      create table evidence_files (
        id uuid primary key references evidence_uploads (id),
        case_number text not null,
        unit_id text not null,
        record_id text not null,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint not null check (size >= 0),
        store text not null check (store in ('local', 's3')),
        metadata jsonb not null,
        uploaded_by text not null,
        stored_at timestamptz not null
      )`);
    await q.query(`create index evidence_files_case on evidence_files (case_number, stored_at)`);
    await q.query(`create index evidence_files_sha256 on evidence_files (sha256)`);
    await makeAppendOnly(q, 'evidence_files');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table evidence_files`);
    await q.query(`drop table evidence_uploads`);
  }
}
