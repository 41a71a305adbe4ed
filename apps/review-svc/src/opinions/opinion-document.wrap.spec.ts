import fc from 'fast-check';
import { breakUnits, paragraphs, wrapText } from './opinion-document.wrap';

/** Every character one unit wide, so widths are character counts. */
const chars = (text: string): number => [...text].length;

describe('Chinese line breaking of the opinion document', () => {
  it('L9: a closing mark never starts a line and an opening mark never ends one (标点禁则)', () => {
    // Width 3: a naive break would give 经审核 / ，事实 and 依照《 / 行政处.
    expect(wrapText('经审核，事实清楚。', 3, chars)).toEqual(['经审', '核，事', '实清', '楚。']);
    expect(wrapText('依照《行政处罚法》处理', 3, chars)).toEqual(['依照', '《行政', '处罚', '法》处', '理']);
    for (const line of wrapText('当事人（单位）于“某日”未整改，经责令改正后仍未整改。', 5, chars)) {
      expect(line).not.toMatch(/^[，。、；：）”》]/);
      expect(line).not.toMatch(/[（“《]$/);
    }
  });

  it('L9: numbers, amounts and Latin words stay whole; a first-line indent narrows only the first line', () => {
    expect(breakUnits('罚款5,000元')).toEqual(['罚', '款', '5,000', '元']);
    expect(breakUnits('衡民法审〔2026〕12号')).toEqual(['衡', '民', '法', '审', '〔2026〕', '12', '号']);
    expect(wrapText('罚款5,000元整', 6, chars)).toEqual(['罚款', '5,000元', '整']);
    expect(wrapText('一二三四五六七八', 4, chars, 2)).toEqual(['一二', '三四五六', '七八']);
    expect(wrapText('ABCDEFGHIJ', 4, chars)).toEqual(['ABCD', 'EFGH', 'IJ']);
    expect(wrapText('', 4, chars)).toEqual(['']);
    expect(paragraphs('第一段\n\n  第二段  \r\n')).toEqual(['第一段', '第二段']);
  });

  it('L9: wrapping never loses, reorders or overfills: lines joined give the text back', () => {
    const alphabet = [...'审核意见事实清楚证据确凿，。、；：（）《》“”〔〕0123456789,.ABCxyz-'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }).map((a) => a.join('')),
        fc.integer({ min: 1, max: 30 }),
        (text, width) => {
          const lines = wrapText(text, width, chars);
          expect(lines.join('')).toBe(text);
          for (const line of lines) expect(chars(line)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
