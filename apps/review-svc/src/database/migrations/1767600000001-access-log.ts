import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAccessLog } from '@enforcement/platform';

/**
 * SPEC R8, C3: the append-only access log (who, role, unit, what, why, approver, when, from where, correlation id)
 * of the reads this service serves — review-svc serves the opinion documents (list and PDF) and the review read API. Append-only by trigger, as audit_log.
 */
export class AccessLog1767600000001 implements MigrationInterface {
  name = 'AccessLog1767600000001';

  async up(q: QueryRunner): Promise<void> {
    await createAccessLog(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table access_log`);
  }
}
