import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger } from '@enforcement/platform';

/**
 * SPEC C3: the legal section's records of a law change or a moved function (D3, `ex_ante_law_changes`) were created
 * before the audit trail and missed its trigger; recording one is a state change like publishing an item.
 */
export class AuditLawChanges1767200000001 implements MigrationInterface {
  name = 'AuditLawChanges1767200000001';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrigger(q, 'ex_ante_law_changes');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger ex_ante_law_changes_audit on ex_ante_law_changes`);
  }
}
