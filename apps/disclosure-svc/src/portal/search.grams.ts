/**
 * Character n-grams for the portal's Chinese full-text search (SPEC D11): the distinct single characters and
 * bigrams of normalised text. Normalisation folds full-width forms and case (NFKC, lower case) and drops
 * whitespace, so 'ＡＢＣ１２３' finds 'abc123'.
 */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Distinct unigrams and bigrams of already normalised text, by code point. */
export function gramsOf(normalised: string): string[] {
  const chars = Array.from(normalised);
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** A query's terms (split on whitespace), each normalised; empty terms dropped; at most `maxTerms`. */
export function queryTerms(query: string, maxTerms = 5): string[] {
  return query
    .split(/\s+/u)
    .map(normaliseForSearch)
    .filter((t) => t.length > 0)
    .slice(0, maxTerms);
}

/** Grams a row must hold to contain every term: a term's bigrams, or the character itself for a one-character term. */
export function queryGrams(terms: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const term of terms) {
    const chars = Array.from(term);
    if (chars.length === 1) grams.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  return [...grams];
}
