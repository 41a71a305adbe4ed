import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PortalItem, PortalPage, PortalQuery } from './portal.dto';
import { queryGrams, queryTerms } from './search.grams';
import { planSearch, type GramFrequencies, type SearchPlan } from './search.plan';

const COLUMNS = `publication_id as id, decision_number as "decisionNumber", agency_id as "agencyId",
  agency_name as "agencyName", category, target, to_char(decided_on, 'YYYY-MM-DD') as "decidedOn",
  published_at as "publishedAt", mode, body, section`;

/** ANALYZE (autovacuum) refreshes the gram statistics now and then; reading them again every few minutes is enough. */
const STATS_TTL_MS = 5 * 60_000;
/** No statistics yet (a new or freshly loaded table): looked for again soon, so the plan choice starts after ANALYZE. */
const NO_STATS_TTL_MS = 30_000;

type Row = PortalItem & { publishedAt: Date | string };

/** The public portal's reads (SPEC D11): only `portal_items`, which holds redacted text and nothing withdrawn. */
@Injectable()
export class PortalRepository {
  private readonly logger = new Logger(PortalRepository.name);
  private stats: { readAt: number; freq: GramFrequencies | null } | null = null;

  constructor(@InjectDataSource() private readonly db: Pick<DataSource, 'query'>) {}

  /** D11: one page, newest first, by the plan `planFor` chooses. */
  async search(query: PortalQuery): Promise<PortalPage> {
    return this.searchWith(query, await this.planFor(query));
  }

  /** The window on the browse index for frequent words alone (see `planSearch`); the index query otherwise. */
  async planFor(query: PortalQuery): Promise<SearchPlan> {
    const terms = queryTerms(query.q ?? '');
    // Other filters thin the window out by amounts the gram statistics cannot tell.
    const narrowed = query.agencyId || query.category || query.from || query.to;
    if (terms.length === 0 || narrowed) return { kind: 'index' };
    const needed = (query.page - 1) * query.pageSize + query.pageSize + 1;
    return planSearch(terms, needed, await this.gramFrequencies());
  }

  /**
   * One page by the given plan. A window short of the page is followed by the index query, so both plans give the
   * same items in the same order (the window is a prefix of that order: a full page inside it is the first page).
   */
  async searchWith(query: PortalQuery, plan: SearchPlan): Promise<PortalPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const terms = queryTerms(query.q ?? '');
    // `strpos` on the normalised text decides; the grams only let the GIN index find candidates.
    const textChecks = terms.map((term) => `strpos(search_text, ${param(term)}) > 0`);
    if (query.agencyId) where.push(`agency_id = ${param(query.agencyId)}`);
    if (query.category) where.push(`category = ${param(query.category)}`);
    if (query.section) where.push(`section = ${param(query.section)}`);
    if (query.from) where.push(`decided_on >= ${param(query.from)}::date`);
    if (query.to) where.push(`decided_on <= ${param(query.to)}::date`);
    const limit = param(query.pageSize + 1);
    const offset = param((query.page - 1) * query.pageSize);
    const order = `order by published_at desc, publication_id`;
    const and = (xs: string[]) => (xs.length ? `where ${xs.join(' and ')}` : '');
    let rows: Row[] | null = null;
    if (plan.kind === 'window' && terms.length > 0) {
      const windowRows = param(plan.rows);
      rows = await this.db.query(
        `select ${COLUMNS} from (select * from portal_items ${and(where)} ${order} limit ${windowRows}) newest
         ${and(textChecks)} ${order} limit ${limit} offset ${offset}`,
        params,
      );
      if (rows!.length <= query.pageSize) rows = null; // short of a full page: the index query decides
      params.pop();
    }
    if (rows === null) {
      const grams = terms.length ? [`grams @> ${param(queryGrams(terms))}::text[]`] : [];
      rows = await this.db.query(
        `select ${COLUMNS} from portal_items ${and([...grams, ...textChecks, ...where])} ${order}
         limit ${limit} offset ${offset}`,
        params,
      );
    }
    const page = rows!;
    return {
      items: page.slice(0, query.pageSize).map(toItem),
      page: query.page,
      pageSize: query.pageSize,
      hasMore: page.length > query.pageSize,
    };
  }

  async one(id: string): Promise<PortalItem | null> {
    const rows = await this.db.query(`select ${COLUMNS} from portal_items where publication_id = $1`, [id]);
    return rows.length ? toItem(rows[0]) : null;
  }

  /** The frequent grams and their shares from `pg_stats` (none before the first ANALYZE: then the index query). */
  private async gramFrequencies(): Promise<GramFrequencies | null> {
    const ttl = this.stats?.freq ? STATS_TTL_MS : NO_STATS_TTL_MS;
    if (this.stats !== null && Date.now() - this.stats.readAt < ttl) return this.stats.freq;
    let freq: Map<string, number> | null = null;
    try {
      const [row]: { elems: string[] | null; freqs: number[] | null }[] = await this.db.query(
        `select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats
          where schemaname = current_schema() and tablename = 'portal_items' and attname = 'grams'`,
      );
      if (row?.elems && row.freqs) {
        // The last three numbers are the minimum, maximum and null share, not frequencies of elements.
        freq = new Map(row.elems.map((gram, i) => [gram, Number(row.freqs![i])]));
      }
    } catch (error) {
      this.logger.warn(`gram statistics not readable, searching by the index: ${(error as Error).message}`);
    }
    this.stats = { readAt: Date.now(), freq };
    return freq;
  }
}

function toItem(row: Row): PortalItem {
  return { ...row, publishedAt: new Date(row.publishedAt).toISOString() };
}
