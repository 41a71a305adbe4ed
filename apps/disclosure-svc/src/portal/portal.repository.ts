import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PortalItem, PortalPage, PortalQuery } from './portal.dto';
import { queryTerms } from './search.grams';
import {
  estimatedShare,
  indexKeys,
  planSearch,
  rarestKeys,
  type SearchPlan,
  type TableStatistics,
} from './search.plan';

/** Matches the index query fetches all before sorting at most, by the estimate; more, and the planner decides. */
const MATERIALISE_MAX = 20_000;

/** Whether the terms' matches are few enough to fetch them all (rare or unknown grams count as few). */
function fewMatches(terms: readonly string[], stats: TableStatistics): boolean {
  const share = estimatedShare(terms, stats.grams);
  return share === null || share * stats.rows <= MATERIALISE_MAX;
}

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
  private stats: { readAt: number; table: TableStatistics | null } | null = null;

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
    return planSearch(terms, needed, await this.statistics());
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
    const stats = await this.statistics();
    const freq = stats?.grams ?? null;
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
      params.pop();
    }
    // Every match first (materialised: ids and instants only), then the page: left to itself, the planner may walk the
    // browse index newest first and filter, expecting the page soon, and for a word rarer than its keys look (a
    // decision number whose keys are in 4% of the rows, found in none) that walk read the whole table (3.8 s at 100 000).
    const matchesThenPage = (conditions: string[]) =>
      `with matches as materialized (select publication_id, published_at from portal_items ${and(conditions)})
       select ${COLUMNS} from portal_items
        where publication_id in (select publication_id from matches ${order} limit ${limit} offset ${offset})
        ${order}`;
    if (plan.kind === 'recent' && terms.length > 0) {
      // A literal instant and one key per term, so the planner sees both sizes and intersects the GIN bitmap with the
      // browse index's range (or reads the range); never more than the slice.
      const keys = param(rarestKeys(terms, freq));
      const since = param(plan.since);
      rows = await this.db.query(
        matchesThenPage([`grams @> ${keys}::text[]`, ...textChecks, ...where, `published_at >= ${since}::timestamptz`]),
        params,
      );
      params.splice(-2);
    }
    const grams = terms.length ? [`grams @> ${param(indexKeys(terms, freq))}::text[]`] : [];
    // Short of a full page, a window or slice cannot tell what lies beyond it: the index query decides.
    if (rows !== null && rows.length <= query.pageSize) rows = null;
    if (rows === null && terms.length > 0 && (stats === null || fewMatches(terms, stats))) {
      rows = await this.db.query(matchesThenPage([...grams, ...textChecks, ...where]), params);
    } else if (rows === null) {
      // Frequent words with other filters (or none at all): the planner's walk newest first stops at the page.
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

  /** The table's statistics from `pg_stats` and `pg_class` (none before the first ANALYZE: then the index query). */
  private async statistics(): Promise<TableStatistics | null> {
    const ttl = this.stats?.table ? STATS_TTL_MS : NO_STATS_TTL_MS;
    if (this.stats !== null && Date.now() - this.stats.readAt < ttl) return this.stats.table;
    let table: TableStatistics | null = null;
    try {
      const [row]: {
        elems: string[] | null;
        freqs: number[] | null;
        bounds: Date[] | null;
        rows: number | null;
      }[] = await this.db.query(
        `select g.most_common_elems::text::text[] as elems, g.most_common_elem_freqs as freqs,
            p.histogram_bounds::text::timestamptz[] as bounds,
            (select reltuples from pg_class where oid = 'portal_items'::regclass)::float8 as rows
           from pg_stats g left join pg_stats p on p.schemaname = g.schemaname and p.tablename = g.tablename
            and p.attname = 'published_at'
          where g.schemaname = current_schema() and g.tablename = 'portal_items' and g.attname = 'grams'`,
      );
      if (row?.elems && row.freqs) {
        // The last three numbers are the minimum, maximum and null share, not frequencies of elements.
        table = {
          grams: new Map(row.elems.map((gram, i) => [gram, Number(row.freqs![i])])),
          rows: Number(row.rows ?? 0),
          publishedBounds: (row.bounds ?? []).map((b) => new Date(b).toISOString()),
        };
      }
    } catch (error) {
      this.logger.warn(`search statistics not readable, searching by the index: ${(error as Error).message}`);
    }
    this.stats = { readAt: Date.now(), table };
    return table;
  }
}

function toItem(row: Row): PortalItem {
  return { ...row, publishedAt: new Date(row.publishedAt).toISOString() };
}
