import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTables, dropPlatformTables } from '@enforcement/platform';

/** The gateway's first schema: outbox/inbox and the append-only audit log of administrative actions (SPEC C3). */
export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropPlatformTables(q);
  }
}
