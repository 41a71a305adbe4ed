import type { MigrationInterface, QueryRunner } from 'typeorm';
import { letReviewServiceRead } from './table-hand-over';

/**
 * 目录清单 (SPEC L1) moves to review-svc, which owns L1 (issue 8 §6). Same path as the preliminary reviews: this
 * migration lets review-svc's role read `catalogue_versions`; review-svc's migration 1765100200000 copies every
 * version into its own schema as stored; the next migration drops the table once that copy has committed. The
 * publications' audit rows stay in the gateway's append-only audit log.
 */
export class HandOverCatalogueVersions1765100200000 implements MigrationInterface {
  name = 'HandOverCatalogueVersions1765100200000';

  async up(q: QueryRunner): Promise<void> {
    await letReviewServiceRead(q, 'catalogue_versions');
  }

  async down(): Promise<void> {
    // The grant goes with the table (dropped by the next migration); nothing to undo on its own.
  }
}
