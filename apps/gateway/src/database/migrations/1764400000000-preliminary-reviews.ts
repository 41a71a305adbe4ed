import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 初审 (SPEC L2; seed 001 §二(三): 承办机构负责人初审通过并出具初审文书): every preliminary-review sign-off, signed
 * by an authenticated head of the case's own unit. Append-only: a second sign-off (e.g. passed after a not-passed)
 * is a new row; the latest one is what a submission carries.
 */
export class PreliminaryReviews1764400000000 implements MigrationInterface {
  name = 'PreliminaryReviews1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table preliminary_reviews (
        id bigint generated always as identity primary key,
        case_no text not null,
        unit_id text not null,
        outcome text not null check (outcome in ('passed', 'not-passed')),
        document_ref text not null check (length(trim(document_ref)) > 0),
        opinion text not null default '',
        signed_by text not null,
        signer_name text not null,
        signed_at timestamptz not null default now(),
        correlation_id text not null
      )`);
    await q.query(`create index preliminary_reviews_case on preliminary_reviews (case_no, id desc)`);
    await makeAppendOnly(q, 'preliminary_reviews');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table preliminary_reviews`);
  }
}
