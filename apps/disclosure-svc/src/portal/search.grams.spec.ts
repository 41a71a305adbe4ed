import { gramsOf, normaliseForSearch, queryGrams, queryTerms } from './search.grams';

describe('portal search grams (SPEC D11)', () => {
  it('D11: text is folded (full width, case, spaces) and split into distinct characters and bigrams', () => {
    expect(normaliseForSearch('罚款 ＡＢ１２')).toBe('罚款ab12');
    expect(gramsOf('罚款罚款').sort()).toEqual(['款', '款罚', '罚', '罚款'].sort());
  });

  it('D11: a query needs every bigram of each term, or the character of a one-character term', () => {
    expect(queryTerms('  超标排放   罚 ')).toEqual(['超标排放', '罚']);
    expect(queryGrams(['超标排放', '罚']).sort()).toEqual(['超标', '标排', '排放', '罚'].sort());
    const row = new Set(gramsOf(normaliseForSearch('对某公司超标排放行为处以罚款')));
    for (const g of queryGrams(queryTerms('超标排放 罚'))) expect(row.has(g)).toBe(true);
  });
});
