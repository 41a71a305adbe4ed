import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 案卷归档 (SPEC R10): one archive bundle per case — its cover and case-file index PDF, the manifest of every record
 * and AV file with its hash, and where the bundle lies. 留存期限 (R9): a disposal after the retention ended is a row of
 * its own. Both append-only: an archived bundle is never rebuilt in place, a disposal never undone or erased.
 */
export class ArchiveBundles1765310000000 implements MigrationInterface {
  name = 'ArchiveBundles1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table archive_bundles (
        case_number text primary key,
        bundle_sha256 text not null check (bundle_sha256 ~ '^[0-9a-f]{64}$'),
        cover_sha256 text not null check (cover_sha256 ~ '^[0-9a-f]{64}$'),
        manifest jsonb not null,
        location text not null,
        built_at timestamptz not null default now(),
        built_by text not null
      )`);
    await makeAppendOnly(q, 'archive_bundles');
    await q.query(`
      create table retention_disposals (
        case_number text primary key,
        disposed_at timestamptz not null default now(),
        disposed_by text not null,
        reason text not null,
        files jsonb not null
      )`);
    await makeAppendOnly(q, 'retention_disposals');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table retention_disposals`);
    await q.query(`drop table archive_bundles`);
  }
}
