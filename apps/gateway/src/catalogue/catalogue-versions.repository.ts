import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { MajorDecisionCatalogue } from '@enforcement/domain';

/** A row of `gateway.catalogue_versions` (append-only: a row is never updated or deleted). */
export interface StoredCatalogueVersion {
  readonly catalogue: MajorDecisionCatalogue;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

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

/** Reads and appends catalogue versions; the columns, not the JSON, are authoritative for agency, version and date. */
@Injectable()
export class CatalogueVersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(agencyId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredCatalogueVersion[]> {
    const rows: Row[] = await manager.query(
      `select ${COLUMNS} from catalogue_versions where agency_id = $1 order by version`,
      [agencyId],
    );
    return rows.map(fromRow);
  }

  async one(agencyId: string, version: number): Promise<StoredCatalogueVersion | null> {
    const rows: Row[] = await this.dataSource.query(
      `select ${COLUMNS} from catalogue_versions where agency_id = $1 and version = $2`,
      [agencyId, version],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  /** Within the caller's transaction: the latest version, taken after the agency's publication lock. */
  async latestLocked(manager: EntityManager, agencyId: string): Promise<StoredCatalogueVersion | null> {
    // Two-key advisory locks live apart from the calendar's one-key locks, so the keys cannot collide.
    await manager.query(`select pg_advisory_xact_lock(hashtext('catalogue_versions'), hashtext($1))`, [agencyId]);
    const rows: Row[] = await manager.query(
      `select ${COLUMNS} from catalogue_versions where agency_id = $1 order by version desc limit 1`,
      [agencyId],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async append(
    manager: EntityManager,
    catalogue: MajorDecisionCatalogue,
    publishedBy: string,
    correlationId: string,
  ): Promise<StoredCatalogueVersion> {
    const rows: Row[] = await manager.query(
      `insert into catalogue_versions (agency_id, version, effective_from, catalogue, published_by, correlation_id)
       values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
      [catalogue.agencyId, catalogue.version, catalogue.effectiveFrom, catalogue, publishedBy, correlationId],
    );
    return fromRow(rows[0]);
  }
}

function fromRow(row: Row): StoredCatalogueVersion {
  return {
    catalogue: {
      ...row.catalogue,
      agencyId: row.agency_id,
      version: row.version,
      effectiveFrom: row.effective_from,
    },
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}
