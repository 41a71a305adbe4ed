import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAccessLog } from '@enforcement/platform';

/**
 * SPEC R8, C3: the append-only access log (who, role, unit, what, why, approver, when, from where, correlation id)
 * of the reads this service serves — disclosure-svc holds the drafts with the unredacted original; its own reads are recorded here. Append-only by trigger, as audit_log.
 */
export class AccessLog1767600000003 implements MigrationInterface {
  name = 'AccessLog1767600000003';

  async up(q: QueryRunner): Promise<void> {
    await createAccessLog(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table access_log`);
  }
}
