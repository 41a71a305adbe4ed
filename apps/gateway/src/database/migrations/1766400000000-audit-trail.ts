import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditTrail, dropAuditTrail } from '@enforcement/platform';

/**
 * SPEC C3: who, from where and under which correlation id on every audit row, and an audit row for every insert
 * and update of the tables that hold gateway's state, written by a trigger in the same transaction. Logs that are
 * themselves append-only records of reads or hashes (access log, integrity log) and rebuilt projections are left out.
 */
export const AUDITED_TABLES = ['calendar_years', 'calendar_changes'] as const;

export class AuditTrail1766400000000 implements MigrationInterface {
  name = 'AuditTrail1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await addAuditTrail(q, AUDITED_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTrail(q, AUDITED_TABLES);
  }
}
