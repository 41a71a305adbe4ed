import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOnceTakenOver } from './table-hand-over';

/**
 * 初审 (SPEC L2): the gateway no longer keeps preliminary reviews; review-svc does. Dropped only once review-svc has
 * taken the rows over (see `dropOnceTakenOver`), so no sign-off is lost on upgrade. Forward-only: the rows live on
 * in review-svc, so `down` does not bring back an empty table that would pretend they are gone.
 */
export class DropPreliminaryReviews1765100000001 implements MigrationInterface {
  name = 'DropPreliminaryReviews1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await dropOnceTakenOver(q, 'preliminary_reviews');
  }

  async down(): Promise<void> {
    throw new Error('preliminary reviews live in review-svc now; there is no way back to the gateway table');
  }
}
