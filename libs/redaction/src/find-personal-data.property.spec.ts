import fc from 'fast-check';
import { idCheckCharacter } from './checks/id-number.check';
import { findPersonalData } from './find-personal-data';
import { fullWidth } from './testing/corpus/value-format.fixture';

const pieces = [
  '当事人',
  '证人',
  '张三',
  '、',
  '，',
  '。',
  '住址：',
  '长沙市岳麓区',
  '12号',
  '电话',
  '138',
  '0013',
  '8000',
  ' ',
  '-',
  '身份证号',
  '4302',
  '23',
  '1990',
  '0101',
  'X',
  '湘A',
  '12345',
  '不动产权第',
  '号',
  '〔2026〕',
  '欧阳',
  '某某',
  '*',
  '\n',
  '１２３',
  '（',
  '）',
  '卡号',
  '6217',
  '银行',
  '出生',
  '年',
  '月',
  '日',
  'abc@d.cn',
];
const noisyText = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((a) => a.join(''));

/** Clean filler: words with no digits and no role words, where nothing personal can be. */
const clean = fc
  .array(
    fc.constantFrom('本机关', '经查', '上述事实', '违反了', '规定', '，', '。', '决定如下', '予以警告', '\n', ' '),
    { maxLength: 20 },
  )
  .map((a) => a.join(''));

const validId = fc
  .record({
    region: fc.constantFrom('430421', '110105', '440106', '360102', '420111'),
    year: fc.integer({ min: 1930, max: 2010 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, year, month, day, seq }) => {
    const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    return body + idCheckCharacter(body);
  });

describe('D6: properties of findPersonalData', () => {
  it('D6: offsets lie within the text, spans are sorted, non-empty and never overlap', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const spans = findPersonalData(text);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('D6: a valid ID number inserted anywhere in clean text is found at exactly its place, full-width or not', () => {
    fc.assert(
      fc.property(clean, clean, validId, fc.boolean(), (before, after, id, wide) => {
        const written = wide ? fullWidth(id) : id;
        const text = before + written + after;
        expect(findPersonalData(text)).toContainEqual({
          type: 'id-number',
          start: before.length,
          end: before.length + written.length,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('D6: full-width digits give the same findings at the same offsets as ASCII digits', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        const wide = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(findPersonalData(wide)).toEqual(findPersonalData(text));
      }),
      { numRuns: 300 },
    );
  });
});
