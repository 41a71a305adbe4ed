import { estimatedShare, planSearch } from './search.plan';

// Shares as ANALYZE reports them for `grams`: an agency kind's bigrams in ~8% of the rows, a violation's in ~2%.
const freq = new Map([
  ['生态', 0.08],
  ['态环', 0.078],
  ['环境', 0.09],
  ['境局', 0.077],
  ['罚款', 0.66],
  ['超标', 0.02],
  ['标排', 0.02],
  ['排放', 0.03],
]);

describe('portal search plan (D11, issue 10)', () => {
  it('D11: words in a few per cent of the items walk the newest items by the browse index, sized from the rarest gram', () => {
    expect(estimatedShare(['生态环境局'], freq)).toBeCloseTo(0.077);
    expect(planSearch(['生态环境局'], 21, freq)).toEqual({ kind: 'window', rows: Math.ceil((21 / 0.077) * 4) });
    expect(planSearch(['罚款'], 21, freq)).toEqual({ kind: 'window', rows: Math.ceil((21 / 0.66) * 4) });
  });

  it('D11: two words count as independent; a deep page or a thin share that needs too long a walk takes the index', () => {
    expect(estimatedShare(['罚款', '超标排放'], freq)).toBeCloseTo(0.66 * 0.02);
    expect(planSearch(['罚款', '超标排放'], 21, freq)).toEqual({ kind: 'window', rows: Math.ceil((21 / 0.0132) * 4) });
    expect(planSearch(['生态环境局', '超标排放'], 21, freq)).toEqual({ kind: 'index' });
    expect(planSearch(['超标排放'], 50 * 200 + 1, freq)).toEqual({ kind: 'index' });
  });

  it('D11: a gram not among the frequent ones (a trade name, a decision number), or no statistics yet, takes the index', () => {
    expect(estimatedShare(['某某化工'], freq)).toBeNull();
    expect(planSearch(['某某化工'], 21, freq)).toEqual({ kind: 'index' });
    expect(planSearch(['生态环境局'], 21, null)).toEqual({ kind: 'index' });
    expect(planSearch(['生态环境局'], 21, new Map())).toEqual({ kind: 'index' });
    expect(planSearch([], 21, freq)).toEqual({ kind: 'index' });
  });
});
