import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRequestKeysTable, dropRequestKeysTable } from '@enforcement/platform';

/**
 * Once-only keys of the gateway's creates and commands (issue 8 §3a/§3d): the client's request id bound to the
 * caller, route and body that first used it, and the first answer. Edge infrastructure, not a business record: rows
 * are kept a day and then taken over.
 */
export class RequestKeys1764600000000 implements MigrationInterface {
  name = 'RequestKeys1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await createRequestKeysTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRequestKeysTable(q);
  }
}
