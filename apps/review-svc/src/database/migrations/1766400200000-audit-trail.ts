import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTrail, dropAuditTrail } from '@enforcement/platform';

/**
 * SPEC C3: who, from where and under which correlation id on every audit row, and an audit row for every insert
 * and update of the tables that hold review-svc's state, written by a trigger in the same transaction. Logs that are
 * themselves append-only records of reads or hashes (access log, integrity log) and rebuilt projections are left out.
 */
export const AUDITED_TABLES = [
  'reviews',
  'decision_attempts',
  'opinion_documents',
  'preliminary_reviews',
  'catalogue_versions',
  'case_deadlines',
] as const;

export class AuditTrail1766400200000 implements MigrationInterface {
  name = 'AuditTrail1766400200000';

  async up(q: QueryRunner): Promise<void> {
    await addAuditTrail(q, AUDITED_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTrail(q, AUDITED_TABLES);
  }
}
