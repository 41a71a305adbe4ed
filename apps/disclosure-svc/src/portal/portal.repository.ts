import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PortalItem, PortalPage, PortalQuery } from './portal.dto';
import { queryGrams, queryTerms } from './search.grams';

const COLUMNS = `publication_id as id, decision_number as "decisionNumber", agency_id as "agencyId",
  agency_name as "agencyName", category, target, to_char(decided_on, 'YYYY-MM-DD') as "decidedOn",
  published_at as "publishedAt", mode, body, section`;

/** The public portal's reads (SPEC D11): only `portal_items`, which holds redacted text and nothing withdrawn. */
@Injectable()
export class PortalRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: PortalQuery): Promise<PortalPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const terms = queryTerms(query.q ?? '');
    if (terms.length > 0) {
      where.push(`grams @> ${param(queryGrams(terms))}::text[]`);
      for (const term of terms) where.push(`strpos(search_text, ${param(term)}) > 0`);
    }
    if (query.agencyId) where.push(`agency_id = ${param(query.agencyId)}`);
    if (query.category) where.push(`category = ${param(query.category)}`);
    if (query.section) where.push(`section = ${param(query.section)}`);
    if (query.from) where.push(`decided_on >= ${param(query.from)}::date`);
    if (query.to) where.push(`decided_on <= ${param(query.to)}::date`);
    const limit = param(query.pageSize + 1);
    const offset = param((query.page - 1) * query.pageSize);
    const rows: (PortalItem & { publishedAt: Date | string })[] = await this.db.query(
      `select ${COLUMNS} from portal_items ${where.length ? `where ${where.join(' and ')}` : ''}
       order by published_at desc, publication_id limit ${limit} offset ${offset}`,
      params,
    );
    return {
      items: rows.slice(0, query.pageSize).map(toItem),
      page: query.page,
      pageSize: query.pageSize,
      hasMore: rows.length > query.pageSize,
    };
  }

  async one(id: string): Promise<PortalItem | null> {
    const rows = await this.db.query(`select ${COLUMNS} from portal_items where publication_id = $1`, [id]);
    return rows.length ? toItem(rows[0]) : null;
  }
}

function toItem(row: PortalItem & { publishedAt: Date | string }): PortalItem {
  return { ...row, publishedAt: new Date(row.publishedAt).toISOString() };
}
