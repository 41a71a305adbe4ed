import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRequestKeyLeases, dropRequestKeyLeases } from '@enforcement/platform';

/** A request key's claim is a lease renewed by the gateway process that holds it (libs/platform RequestKeyStore). */
export class RequestKeyLeases1767200000002 implements MigrationInterface {
  name = 'RequestKeyLeases1767200000002';

  async up(q: QueryRunner): Promise<void> {
    await addRequestKeyLeases(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRequestKeyLeases(q);
  }
}
