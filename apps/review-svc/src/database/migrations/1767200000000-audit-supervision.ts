import type { MigrationInterface, QueryRunner } from 'typeorm';
import { attachAuditTrigger } from '@enforcement/platform';

/**
 * SPEC C3 for the supervision tables (C2): a limit turning warned, missed or met on `deadline_board`, and each
 * morning's digest in `deadline_digests`, leave an audit row like every other state change of review-svc. The
 * board's changes feed the accountability counts, so who or what changed them must be on the trail.
 */
export class AuditSupervision1767200000000 implements MigrationInterface {
  name = 'AuditSupervision1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await attachAuditTrigger(q, 'deadline_board');
    await attachAuditTrigger(q, 'deadline_digests');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger deadline_digests_audit on deadline_digests`);
    await q.query(`drop trigger deadline_board_audit on deadline_board`);
  }
}
