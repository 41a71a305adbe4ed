import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEMO_CIVIL_AFFAIRS_CATALOGUE } from '@enforcement/domain';
import { makeAppendOnly } from '@enforcement/platform';
import { takeOverFromGateway } from './gateway-take-over';

/**
 * 重大执法决定法制审核目录清单 (SPEC L1): review-svc owns every published catalogue version (issue 8 §6), append-only
 * as they were in the gateway, so a review's recorded version always means what it meant. The gateway's versions are
 * taken over here, once, as stored (publisher, time and correlation id kept), each with an audit row here; new
 * publications are audited here too. A new install gets the demo catalogue as version 1 of the demo
 * agency, as the gateway's migration seeded it (its amounts must be confirmed by a new version before going live).
 */
export class CatalogueVersions1765100200000 implements MigrationInterface {
  name = 'CatalogueVersions1765100200000';

  async up(q: QueryRunner): Promise<void> {
    const taken = await takeOverFromGateway(q, 'catalogue_versions', {
      create: [
        `create table catalogue_versions (
          agency_id text not null,
          version int not null check (version >= 1),
          effective_from date not null,
          catalogue jsonb not null,
          published_by text not null,
          published_at timestamptz not null default now(),
          correlation_id text not null,
          primary key (agency_id, version)
        )`,
        `create index catalogue_versions_call on catalogue_versions (agency_id, correlation_id)`,
      ],
      copy: (source) => `
        insert into catalogue_versions (agency_id, version, effective_from, catalogue, published_by, published_at,
          correlation_id)
        select agency_id, version, effective_from, catalogue, published_by, published_at, correlation_id
          from ${source} order by agency_id, version
        returning version`,
    });
    if (taken === 0) await seedDemoCatalogue(q, this.name);
    else await auditTakenOver(q);
    await makeAppendOnly(q, 'catalogue_versions');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table catalogue_versions`);
  }
}

/**
 * The publications' own audit rows stay in the gateway's append-only log; this service's log records each version it
 * took over under the same action and subject, with its publisher and time, so every version here has its audit row.
 */
async function auditTakenOver(q: QueryRunner): Promise<void> {
  await q.query(`
    insert into audit_log (at, actor, action, subject, detail)
    select published_at, published_by, 'catalogue.publish', 'catalogue:' || agency_id,
           jsonb_build_object('version', version, 'effectiveFrom', to_char(effective_from, 'YYYY-MM-DD'),
                              'adoptedBy', catalogue->>'adoptedBy', 'correlationId', correlation_id,
                              'takenOverFrom', 'gateway.catalogue_versions')
      from catalogue_versions order by agency_id, version`);
}

async function seedDemoCatalogue(q: QueryRunner, migration: string): Promise<void> {
  const demo = DEMO_CIVIL_AFFAIRS_CATALOGUE;
  const correlationId = `migration:${migration}`;
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
