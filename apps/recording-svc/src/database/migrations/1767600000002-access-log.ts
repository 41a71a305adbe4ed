import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAccessLogOrigin, dropAccessLogOrigin } from '@enforcement/platform';

/**
 * SPEC R8, C3: recording-svc had an access log since R8 (records, exports, evidence, archive); it gains the reader's unit, the record's unit, origin and detail, as every service's access log has them. Old rows keep null there (their origin was not kept).
 */
export class AccessLog1767600000002 implements MigrationInterface {
  name = 'AccessLog1767600000002';

  async up(q: QueryRunner): Promise<void> {
    await addAccessLogOrigin(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAccessLogOrigin(q);
  }
}
