import { affectedItems, citesAny, normaliseCitation, type LawChange } from './law-change.rules';

const item = (itemId: string, body: string, title = '服务指南') => ({ itemId, content: { title, body } });
const change = (over: Partial<LawChange> = {}): LawChange => ({
  cause: 'law-changed',
  reference: '国务院令第XXX号',
  legalBases: ['《社会团体登记管理条例》'],
  itemIds: [],
  ...over,
});

describe('law change → affected ex-ante items (D3)', () => {
  it('D3: an item citing the changed law is affected, with or without 《》, spaces or full-width characters', () => {
    expect(normaliseCitation(' 《社会团体 登记管理条例》 ')).toBe('社会团体登记管理条例');
    expect(citesAny({ title: 'x', body: '依据《社会团体登记管理条例》第九条' }, ['社会团体登记管理条例'])).toBe(true);
    expect(citesAny({ title: 'x', body: '依据社会团体登记管理条例第九条' }, ['《社会团体登记管理条例》'])).toBe(true);
    expect(citesAny({ title: 'x', body: '依据《ＡＢＣ条例》' }, ['ABC条例'])).toBe(true);
  });

  it('D3: items citing other laws are not affected; a one-character name cites nothing; named items are affected anyway', () => {
    const items = [
      item('a', '办理依据：《社会团体登记管理条例》。'),
      item('b', '办理依据：《民办非企业单位登记管理暂行条例》。'),
      item('c', '救济途径：行政复议、行政诉讼。'),
    ];
    expect(affectedItems(items, change())).toEqual(['a']);
    expect(affectedItems(items, change({ legalBases: ['《'], itemIds: [] }))).toEqual([]);
    expect(affectedItems(items, change({ legalBases: ['社会团体登记管理条例'], itemIds: ['c'] }))).toEqual(['a', 'c']);
    expect(affectedItems(items, change({ cause: 'function-reassigned', legalBases: ['登记管理'] }))).toEqual([
      'a',
      'b',
    ]);
  });
});
