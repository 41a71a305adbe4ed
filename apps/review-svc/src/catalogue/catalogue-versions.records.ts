import type { DataSource, EntityManager } from 'typeorm';
import {
  publicationIssues,
  type MajorDecisionCatalogue,
  type PublishCatalogueVersionInput,
  type PublishCatalogueVersionResult,
  type StoredCatalogueVersion,
} from '@enforcement/domain';

interface Row {
  agency_id: string;
  version: number;
  effective_from: string;
  catalogue: MajorDecisionCatalogue;
  published_by: string;
  published_at: Date;
}

// Dates as text: node-postgres would turn a `date` into a local-midnight Date, shifting it with the process zone.
const COLUMNS = `agency_id, version, to_char(effective_from, 'YYYY-MM-DD') as effective_from, catalogue, published_by,
  published_at`;

/** Audit subject of an agency's catalogue. */
export const catalogueSubject = (agencyId: string): string => `catalogue:${agencyId}`;

/** Every stored version of the agency's catalogue, oldest first; the columns, not the JSON, say agency, version, date. */
export async function catalogueVersionsOf(
  db: DataSource | EntityManager,
  agencyId: string,
): Promise<StoredCatalogueVersion[]> {
  const rows: Row[] = await db.query(
    `select ${COLUMNS} from catalogue_versions where agency_id = $1 order by version`,
    [agencyId],
  );
  return rows.map(fromRow);
}

/**
 * Publishes the agency's next version (SPEC L1) in one transaction: serialised per agency, numbered previous + 1,
 * validated in full against the history rules, appended with its audit row. Nothing stored before is touched. The
 * same call again (same correlation id) returns the version it stored, so a retried activity never adds a second.
 */
export async function publishCatalogueVersion(
  dataSource: DataSource,
  input: PublishCatalogueVersionInput,
): Promise<PublishCatalogueVersionResult> {
  const { agencyId } = input.catalogue;
  return dataSource.transaction(async (manager) => {
    await manager.query(`select pg_advisory_xact_lock(hashtext('catalogue_versions'), hashtext($1))`, [agencyId]);
    const [earlier] = await manager.query<Row[]>(
      `select ${COLUMNS} from catalogue_versions where agency_id = $1 and correlation_id = $2`,
      [agencyId, input.correlationId],
    );
    if (earlier) return { stored: fromRow(earlier) };
    const [latest] = await manager.query<Row[]>(
      `select ${COLUMNS} from catalogue_versions where agency_id = $1 order by version desc limit 1`,
      [agencyId],
    );
    const previous = latest ? fromRow(latest).catalogue : null;
    const candidate: MajorDecisionCatalogue = { ...input.catalogue, version: (previous?.version ?? 0) + 1 };
    const issues = publicationIssues(candidate, previous, input.today);
    if (issues.length > 0) return { issues };
    const [row] = await manager.query<Row[]>(
      `insert into catalogue_versions (agency_id, version, effective_from, catalogue, published_by, correlation_id)
       values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [agencyId, candidate.version, candidate.effectiveFrom, candidate, input.publishedBy, input.correlationId],
    );
    await manager.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4)`, [
      input.publishedBy,
      'catalogue.publish',
      catalogueSubject(agencyId),
      {
        version: candidate.version,
        effectiveFrom: candidate.effectiveFrom,
        adoptedBy: candidate.adoptedBy,
        previousVersion: previous?.version ?? null,
        correlationId: input.correlationId,
      },
    ]);
    return { stored: fromRow(row) };
  });
}

function fromRow(row: Row): StoredCatalogueVersion {
  return {
    catalogue: { ...row.catalogue, agencyId: row.agency_id, version: row.version, effectiveFrom: row.effective_from },
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}
