import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8 §7: every review command looks its audit row up by case and action before inserting it (a retry adds
 * none). Without an index that look-up reads the whole append-only trail, so each command got slower as the trail
 * grew; with it, the look-up costs the same on the first day and after years.
 */
export class AuditBySubject1765150000000 implements MigrationInterface {
  name = 'AuditBySubject1765150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index if not exists audit_log_by_subject on audit_log (subject, action)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists audit_log_by_subject`);
  }
}
