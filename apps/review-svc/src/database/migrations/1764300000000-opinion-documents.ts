import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 法制审核意见书 (SPEC L9): one row per registered copy of each round's opinion document. The PDF itself lives in the
 * content-addressed blob store under its SHA-256; the row is the register entry, so it is never changed or removed.
 */
export class OpinionDocuments1764300000000 implements MigrationInterface {
  name = 'OpinionDocuments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table opinion_documents (
        review_id text not null references reviews (review_id),
        round integer not null,
        document_no text not null,
        copy text not null check (copy in ('handling-unit-with-case-file', 'legal-section-archive')),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        byte_size integer not null check (byte_size > 0),
        created_at timestamptz not null default now(),
        primary key (review_id, round, copy)
      )`);
    await makeAppendOnly(q, 'opinion_documents');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table opinion_documents`);
  }
}
