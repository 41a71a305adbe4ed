import type { MigrationInterface, QueryRunner } from 'typeorm';
import { letReviewServiceRead } from './table-hand-over';

/**
 * 初审 (SPEC L2) moves to review-svc, which owns L2 (issue 8 §6). Upgrade path chosen: this migration lets
 * review-svc's role read `preliminary_reviews`; review-svc's migration 1765100000000 copies the rows into its own
 * schema (ids and correlation ids kept); the gateway's next migration drops the table once that copy has committed.
 */
export class HandOverPreliminaryReviews1765100000000 implements MigrationInterface {
  name = 'HandOverPreliminaryReviews1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await letReviewServiceRead(q, 'preliminary_reviews');
  }

  async down(): Promise<void> {
    // The grant goes with the table (dropped by the next migration); nothing to undo on its own.
  }
}
