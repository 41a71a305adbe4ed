import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTrail, dropAuditTrail } from '@enforcement/platform';

/**
 * SPEC C3: who, from where and under which correlation id on every audit row, and an audit row for every insert
 * and update of the tables that hold recording-svc's state, written by a trigger in the same transaction. Logs that are
 * themselves append-only records of reads or hashes (access log, integrity log) and rebuilt projections are left out.
 */
export const AUDITED_TABLES = [
  'cases',
  'case_records',
  'case_journal',
  'case_deadline_notices',
  'access_applications',
  'access_decisions',
  'archive_bundles',
  'retention_disposals',
  'evidence_uploads',
  'evidence_files',
  'inspection_roster',
  'inspection_draws',
  'inspection_forms',
  'case_evaluations',
  'devices',
  'device_checks',
  'device_checkouts',
  'device_checkout_decisions',
  'device_returns',
  'device_exports',
  'device_export_notices',
] as const;

export class AuditTrail1766400100000 implements MigrationInterface {
  name = 'AuditTrail1766400100000';

  async up(q: QueryRunner): Promise<void> {
    await addAuditTrail(q, AUDITED_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTrail(q, AUDITED_TABLES);
  }
}
