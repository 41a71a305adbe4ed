import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON nesting limit at the edge (issue 12 bad input)', () => {
  it('issue 12 edge: a body nested 10,000 deep is refused before parsing', () => {
    expect(jsonNestsDeeperThan(bytes(nested(10_000)))).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)))).toBe(true);
  });

  it('issue 12 edge: a body exactly at the limit, and ordinary request bodies, pass', () => {
    expect(jsonNestsDeeperThan(bytes(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(jsonNestsDeeperThan(bytes(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"party":{"name":"张三","ids":[1,[2,{"x":3}]]}}'))).toBe(false);
  });

  it('issue 12 edge: brackets and escaped quotes inside strings do not count as nesting', () => {
    const text = JSON.stringify({ note: '['.repeat(500) + '\\"{{{' + '"'.repeat(3) });
    expect(jsonNestsDeeperThan(bytes(text))).toBe(false);
  });
});
