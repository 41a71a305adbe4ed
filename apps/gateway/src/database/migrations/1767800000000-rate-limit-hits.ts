import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRateLimitHits } from '@enforcement/platform';

/** Issue 12, D11: the rate-limit counts every gateway instance shares when `RATE_LIMIT_STORE=postgres`. */
export class RateLimitHits1767800000000 implements MigrationInterface {
  name = 'RateLimitHits1767800000000';

  async up(q: QueryRunner): Promise<void> {
    await createRateLimitHits(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table rate_limit_hits`);
  }
}
