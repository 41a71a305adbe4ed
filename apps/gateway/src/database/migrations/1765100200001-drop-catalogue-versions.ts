import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOnceTakenOver } from './table-hand-over';

/**
 * 目录清单 (SPEC L1): the gateway no longer keeps catalogue versions; review-svc does. Dropped only once review-svc
 * has taken every version over (see `dropOnceTakenOver`). Forward-only, like the preliminary reviews' drop.
 */
export class DropCatalogueVersions1765100200001 implements MigrationInterface {
  name = 'DropCatalogueVersions1765100200001';

  async up(q: QueryRunner): Promise<void> {
    await dropOnceTakenOver(q, 'catalogue_versions');
  }

  async down(): Promise<void> {
    throw new Error('catalogue versions live in review-svc now; there is no way back to the gateway table');
  }
}
