import { estimatedShare, indexKeys, planSearch, rarestKeys, sliceStart, type TableStatistics } from './search.plan';

// Shares as ANALYZE reports them for `grams`: an agency kind's bigrams in ~8% of the rows, a violation's in ~2%.
const grams = new Map([
  ['生态', 0.08],
  ['态环', 0.078],
  ['环境', 0.09],
  ['境局', 0.077],
  ['罚款', 0.66],
  ['超标', 0.02],
  ['标排', 0.02],
  ['排放', 0.03],
  // A decision number's digits: '20' and '02' are in every row (years), '15' in a few per cent.
  ['〔2', 1],
  ['20', 1],
  ['02', 1],
  ['23', 0.25],
  ['3〕', 0.2],
  ['〕1', 0.11],
  ['15', 0.06],
]);
// A million rows published over 100 days, one histogram bucket per day (oldest first).
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
const stats: TableStatistics = {
  grams,
  rows: 1_000_000,
  publishedBounds: Array.from({ length: 101 }, (_, i) => day(i)),
};

describe('portal search plan (D11, issue 10)', () => {
  it('D11: words in several per cent of the items walk the newest items by the browse index, sized from the rarest gram', () => {
    expect(estimatedShare(['生态环境局'], grams)).toBeCloseTo(0.077);
    expect(planSearch(['生态环境局'], 21, stats)).toEqual({ kind: 'window', rows: Math.ceil((21 / 0.077) * 4) });
    expect(planSearch(['罚款'], 21, stats)).toEqual({ kind: 'window', rows: Math.ceil((21 / 0.66) * 4) });
  });

  it('D11: words in a few per mille to a few per cent take the GIN index on the newest slice that should hold the page', () => {
    // 21 / 0.02 × 4 = 4 200 rows: the newest 0.42% of the table, within the newest histogram bucket (1%).
    expect(planSearch(['超标排放'], 21, stats)).toEqual({ kind: 'recent', since: day(99) });
    // Two words count as independent: 0.66 × 0.02 → 6 364 rows, still the newest bucket.
    expect(estimatedShare(['罚款', '超标排放'], grams)).toBeCloseTo(0.66 * 0.02);
    expect(planSearch(['罚款', '超标排放'], 21, stats)).toEqual({ kind: 'recent', since: day(99) });
    // 0.077 × 0.02 → 54 546 rows: six buckets.
    expect(planSearch(['生态环境局', '超标排放'], 21, stats)).toEqual({ kind: 'recent', since: day(94) });
  });

  it('D11: a slice over a tenth of the table, or a table without a histogram, takes the plain index query', () => {
    expect(planSearch(['生态环境局', '超标排放'], 21, { ...stats, rows: 100_000 })).toEqual({ kind: 'index' });
    expect(planSearch(['超标排放'], 50 * 200 + 1, stats)).toEqual({ kind: 'index' });
    expect(planSearch(['超标排放'], 21, { ...stats, publishedBounds: [] })).toEqual({ kind: 'index' });
    expect(sliceStart(1_000, stats, 0.5)).toBe(day(99));
    expect(sliceStart(600_000, stats, 0.5)).toBeNull();
  });

  it('D11: a gram not among the frequent ones (a trade name, a decision number), or no statistics yet, takes the index', () => {
    expect(estimatedShare(['某某化工'], grams)).toBeNull();
    expect(planSearch(['某某化工'], 21, stats)).toEqual({ kind: 'index' });
    expect(planSearch(['生态环境局'], 21, null)).toEqual({ kind: 'index' });
    expect(planSearch(['生态环境局'], 21, { ...stats, grams: new Map() })).toEqual({ kind: 'index' });
    expect(planSearch([], 21, stats)).toEqual({ kind: 'index' });
  });

  it('D11: a number’s digit pairs count as independent, so a decision number looks about as rare as it is', () => {
    // 〔2023〕15号: pairs 20, 02, 23, 15 → 1 × 1 × 0.25 × 0.06 = 1.5%, below its rarest gram's 6%.
    const known = new Map([...grams, ['5号', 0.1]]);
    expect(estimatedShare(['〔2023〕15号'], known)).toBeCloseTo(0.015);
    expect(estimatedShare(['超标排放'], known)).toBeCloseTo(0.02);
  });

  it('D11: the index query leaves grams in more than 7% of the rows out of its GIN keys, keeping a term’s rarest', () => {
    // Unknown grams (rarer than every listed one) stay; so does the rarest of a term made of frequent grams only.
    expect(indexKeys(['〔2023〕15号'], grams).sort()).toEqual(['15', '5号'].sort());
    expect(indexKeys(['罚款', '超标排放'], grams).sort()).toEqual(['罚款', '超标', '标排', '排放'].sort());
    expect(indexKeys(['超标排放'], null).sort()).toEqual(['超标', '标排', '排放'].sort());
  });

  it('D11: a recent slice’s query takes one key per term, its rarest gram (the planner estimates one key well)', () => {
    expect(rarestKeys(['生态环境局', '罚款'], grams)).toEqual(['境局', '罚款']);
    expect(rarestKeys(['某某化工'], grams)).toHaveLength(1);
  });
});
