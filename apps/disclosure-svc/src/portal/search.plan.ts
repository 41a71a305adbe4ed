import { queryGrams } from './search.grams';

/**
 * How often each frequent gram occurs, as PostgreSQL's ANALYZE keeps it for `portal_items.grams`
 * (`pg_stats.most_common_elems` / `most_common_elem_freqs`): a fraction of the rows per gram. A gram not listed is
 * rarer than every listed one.
 */
export type GramFrequencies = ReadonlyMap<string, number>;

/**
 * Which way to find page 1 (D11, issue 10):
 * - `window`: walk the newest `rows` items by the browse index (published_at desc) and keep those holding every
 *   term — when the terms are frequent, page 1 lies within a short prefix of that order, so this stops early
 *   instead of fetching and sorting every match (77 000 for an agency kind).
 * - `index`: the GIN index on `grams` finds every match, then the newest are sorted out — best for rare terms.
 * A window that yields less than a page is followed by the index query, so the answer never depends on the choice.
 */
export type SearchPlan = { readonly kind: 'window'; readonly rows: number } | { readonly kind: 'index' };

export interface PlanOptions {
  /** Largest prefix worth walking (beyond it, the index query is cheaper even for frequent words). */
  readonly maxWindow: number;
  /** Margin over the expected prefix: the estimate is per gram, and a term is rarer than its rarest gram. */
  readonly margin: number;
}

export const DEFAULT_PLAN: PlanOptions = { maxWindow: 20_000, margin: 4 };

/**
 * The expected share of rows holding every term: per term, its rarest gram's frequency (a term's grams mostly occur
 * together); terms multiplied as if independent. `null` when a gram is not among the frequent ones (rare).
 */
export function estimatedShare(terms: readonly string[], freq: GramFrequencies): number | null {
  let share = 1;
  for (const term of terms) {
    let rarest = 1;
    for (const gram of queryGrams([term])) {
      const f = freq.get(gram);
      if (f === undefined) return null;
      rarest = Math.min(rarest, f);
    }
    share *= rarest;
  }
  return share;
}

/** The plan for `needed` rows (offset + page + 1) of a search for `terms`; `index` when nothing is known. */
export function planSearch(
  terms: readonly string[],
  needed: number,
  freq: GramFrequencies | null,
  options: PlanOptions = DEFAULT_PLAN,
): SearchPlan {
  if (terms.length === 0 || freq === null || freq.size === 0) return { kind: 'index' };
  const share = estimatedShare(terms, freq);
  if (share === null || share <= 0) return { kind: 'index' };
  const rows = Math.ceil((needed / share) * options.margin);
  return rows <= options.maxWindow ? { kind: 'window', rows } : { kind: 'index' };
}
