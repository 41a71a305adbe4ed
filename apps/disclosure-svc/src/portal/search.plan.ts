import { queryGrams } from './search.grams';

/**
 * How often each frequent gram occurs, as PostgreSQL's ANALYZE keeps it for `portal_items.grams`
 * (`pg_stats.most_common_elems` / `most_common_elem_freqs`): a fraction of the rows per gram. A gram not listed is
 * rarer than every listed one.
 */
export type GramFrequencies = ReadonlyMap<string, number>;

/** What the plan choice knows of the table, from ANALYZE (read and cached by the repository). */
export interface TableStatistics {
  /** Frequent grams and their shares of the rows. */
  readonly grams: GramFrequencies;
  /** Rows in the table (`pg_class.reltuples`). */
  readonly rows: number;
  /**
   * `published_at`'s histogram bounds, oldest first (`pg_stats.histogram_bounds`): between two neighbours lies the
   * same share of the rows, so the instant after which the newest N rows lie is read off without a query.
   */
  readonly publishedBounds: readonly string[];
}

/**
 * Which way to find a page (D11, issue 10):
 * - `window`: walk the newest `rows` items by the browse index (published_at desc) and keep those holding every
 *   term — when the terms are frequent, the page lies within a short prefix of that order, so this stops early
 *   instead of fetching and sorting every match (77 000 for an agency kind).
 * - `recent`: the GIN index's matches among the items published `since` an instant (PostgreSQL intersects the GIN
 *   bitmap with the browse index's range, so only matches of that recent slice are fetched) — for words in a few per
 *   mille to a few per cent of the items, where the window would walk thousands of rows and the plain GIN query
 *   would fetch and sort tens of thousands of matches.
 * - `index`: the GIN index finds every match, then the newest are sorted out — best for rare terms.
 * A window or slice that yields less than the page is followed by the index query, so the answer never depends on
 * the choice.
 */
export type SearchPlan =
  | { readonly kind: 'window'; readonly rows: number }
  | { readonly kind: 'recent'; readonly since: string }
  | { readonly kind: 'index' };

export interface PlanOptions {
  /** Largest prefix worth walking row by row (beyond it, the GIN index on a recent slice costs less). */
  readonly maxWindow: number;
  /** Largest share of the table a recent slice may span: a slice that holds less than its estimate costs its size. */
  readonly maxSlice: number;
  /** Margin over the expected prefix: the estimate is per gram, and a term is rarer than its rarest gram. */
  readonly margin: number;
}

export const DEFAULT_PLAN: PlanOptions = { maxWindow: 2_000, maxSlice: 0.1, margin: 4 };

/** Two ASCII digits (after normalisation): a gram of a number. */
const DIGITS = /^[0-9]{2}$/;

/**
 * The expected share of rows holding every term: per term, its rarest gram's frequency (a word's grams mostly occur
 * together), and for a number no more than its digit pairs' frequencies multiplied — digit pairs meet by chance
 * (`〔2023〕15594号`'s pairs are each in 4–25% of the items, the number in one), so taking the rarest alone sent a
 * decision number to a recent slice that could not hold it. Terms multiplied as if independent. `null` when a gram is
 * not among the frequent ones (rare).
 */
export function estimatedShare(terms: readonly string[], freq: GramFrequencies): number | null {
  let share = 1;
  for (const term of terms) {
    let rarest = 1;
    let digitPairs = 1;
    for (const gram of queryGrams([term])) {
      const f = freq.get(gram);
      if (f === undefined) return null;
      rarest = Math.min(rarest, f);
      if (DIGITS.test(gram)) digitPairs *= f;
    }
    share *= Math.min(rarest, digitPairs);
  }
  return share;
}

/**
 * The instant after which at least `rows` of the newest rows lie, by the histogram (rows published after the last
 * ANALYZE only add to the slice); `null` when the slice would span more than `maxShare` of the table.
 */
export function sliceStart(rows: number, stats: TableStatistics, maxShare: number): string | null {
  const bounds = stats.publishedBounds;
  if (bounds.length < 2 || stats.rows <= 0) return null;
  const share = rows / stats.rows;
  if (share > maxShare) return null;
  const buckets = bounds.length - 1;
  const index = buckets - Math.ceil(share * buckets);
  return index > 0 ? bounds[index] : null;
}

/**
 * Grams in more of the rows than this stay out of the GIN condition (unless a term has no rarer one): a posting list
 * of a gram in every row (the digits '20' and '02' of any year) costs the index scan most and narrows nothing —
 * a decision number's search fell from about 160 to 20 ms at a million items without them. `strpos` on the text
 * still decides every match, so a key left out only lets more candidates through.
 */
export const MAX_KEY_SHARE = 0.07;

const shareOf = (gram: string, freq: GramFrequencies) => freq.get(gram) ?? 0;

/** The GIN keys of the index query: each term's grams but the very frequent ones; all of them without statistics. */
export function indexKeys(terms: readonly string[], freq: GramFrequencies | null): string[] {
  if (!freq || freq.size === 0) return queryGrams(terms);
  const keys = new Set<string>();
  for (const term of terms) {
    const grams = queryGrams([term]);
    const kept = grams.filter((g) => shareOf(g, freq) <= MAX_KEY_SHARE);
    for (const g of kept.length ? kept : rarestKeys([term], freq)) keys.add(g);
  }
  return [...keys];
}

/**
 * Each term's rarest gram: the GIN keys of a recent slice's query. PostgreSQL estimates `@>` as if the keys were
 * independent, so a word's several grams (which occur together) would look a thousand times rarer than the word and
 * the planner would fetch every match instead of intersecting them with the slice; one key per term it estimates
 * from its own statistics.
 */
export function rarestKeys(terms: readonly string[], freq: GramFrequencies | null): string[] {
  const keys = new Set<string>();
  for (const term of terms) {
    const grams = queryGrams([term]);
    keys.add(grams.reduce((a, b) => (freq && shareOf(b, freq) < shareOf(a, freq) ? b : a)));
  }
  return [...keys];
}

/** The plan for `needed` rows (offset + page + 1) of a search for `terms`; `index` when nothing is known. */
export function planSearch(
  terms: readonly string[],
  needed: number,
  stats: TableStatistics | null,
  options: PlanOptions = DEFAULT_PLAN,
): SearchPlan {
  if (terms.length === 0 || stats === null || stats.grams.size === 0) return { kind: 'index' };
  const share = estimatedShare(terms, stats.grams);
  if (share === null || share <= 0) return { kind: 'index' };
  const rows = Math.ceil((needed / share) * options.margin);
  if (rows <= options.maxWindow) return { kind: 'window', rows };
  const since = sliceStart(rows, stats, options.maxSlice);
  return since === null ? { kind: 'index' } : { kind: 'recent', since };
}
