import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEMO_CIVIL_AFFAIRS_CATALOGUE } from '@enforcement/domain';
import { makeAppendOnly } from '@enforcement/platform';

/**
 * 重大执法决定法制审核目录清单 (SPEC L1): every published version of every agency's catalogue, kept for ever
 * (append-only, so a review's recorded version always means what it meant). The demo catalogue is version 1 of the
 * demo agency; its amounts are `configurable-default` and must be confirmed by a new version before going live.
 */
export class CatalogueVersions1764300000000 implements MigrationInterface {
  name = 'CatalogueVersions1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table catalogue_versions (
        agency_id text not null,
        version int not null check (version >= 1),
        effective_from date not null,
        catalogue jsonb not null,
        published_by text not null,
        published_at timestamptz not null default now(),
        correlation_id text not null,
        primary key (agency_id, version)
      )`);
    await makeAppendOnly(q, 'catalogue_versions');
    const demo = DEMO_CIVIL_AFFAIRS_CATALOGUE;
    const correlationId = `migration:${this.name}`;
    await q.query(
      `insert into catalogue_versions (agency_id, version, effective_from, catalogue, published_by, correlation_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [demo.agencyId, demo.version, demo.effectiveFrom, JSON.stringify(demo), 'system:migration', correlationId],
    );
    await q.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4)`, [
      'system:migration',
      'catalogue.publish',
      `catalogue:${demo.agencyId}`,
      JSON.stringify({
        version: demo.version,
        effectiveFrom: demo.effectiveFrom,
        adoptedBy: demo.adoptedBy,
        correlationId,
      }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table catalogue_versions`);
  }
}
