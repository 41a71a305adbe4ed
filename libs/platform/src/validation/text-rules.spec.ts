import { CaseNumberPipe } from './text.decorators';
import { CASE_NUMBER_RULES, identifierProblems, textProblems } from './text-rules';

describe('what the store accepts, checked at the edge', () => {
  it('C3: text with NUL, a lone surrogate or over its bound is refused; CJK, emoji and newlines in long text pass', () => {
    expect(textProblems('某社会组织未按规定接受年度检查案', { max: 200 })).toEqual([]);
    expect(textProblems('理由😀\n第二行\t缩进', { max: 2000, multiline: true })).toEqual([]);
    expect(textProblems('a\u0000b', { max: 200 })).toHaveLength(1);
    expect(textProblems('a\u0000b', { max: 2000, multiline: true })).toHaveLength(1);
    expect(textProblems('line\nbreak', { max: 200 })).toHaveLength(1);
    expect(textProblems('bad \ud800 half', { max: 200 })).toHaveLength(1);
    expect(textProblems('bad \udc00 half', { max: 200 })).toHaveLength(1);
    expect(textProblems('x'.repeat(200), { max: 200 })).toEqual([]);
    expect(textProblems('x'.repeat(201), { max: 200 })).toHaveLength(1);
    expect(textProblems('', { max: 200 })).toHaveLength(1);
    expect(textProblems(42, { max: 200 })).toHaveLength(1);
  });

  it('C3: a case number must be canonical — １２３, 1\\u200b23 and 123 cannot be three cases', () => {
    expect(identifierProblems('衡民罚〔2026〕12号', CASE_NUMBER_RULES)).toEqual([]);
    expect(identifierProblems('123', CASE_NUMBER_RULES)).toEqual([]);
    const wide = identifierProblems('１２３', CASE_NUMBER_RULES);
    expect(wide).toHaveLength(1);
    expect(wide[0]).toContain('send "123"');
    expect(identifierProblems('1\u200b23', CASE_NUMBER_RULES)).toHaveLength(1);
    expect(identifierProblems('1\u000023', CASE_NUMBER_RULES).length).toBeGreaterThan(0);
    expect(identifierProblems('A 1', CASE_NUMBER_RULES)).toHaveLength(1);
    expect(identifierProblems('A/1', CASE_NUMBER_RULES)).toHaveLength(1);
    expect(identifierProblems('x'.repeat(64), CASE_NUMBER_RULES)).toEqual([]);
    expect(identifierProblems('x'.repeat(65), CASE_NUMBER_RULES)).toHaveLength(1);
  });

  it('L12, C3: the :caseNo pipe answers 400 REQUEST.VALIDATION_FAILED naming the field, for a 1,500-character number too', () => {
    const pipe = new CaseNumberPipe();
    expect(pipe.transform('CASE-1', { data: 'caseNo' })).toBe('CASE-1');
    expect(() => pipe.transform('9'.repeat(1500), { data: 'caseNo' })).toThrow(
      expect.objectContaining({ code: 'REQUEST.VALIDATION_FAILED', status: 400 }),
    );
    try {
      pipe.transform('C\u0000', { data: 'caseNo' });
    } catch (err) {
      expect((err as { details: unknown }).details).toEqual([{ field: 'caseNo', problems: expect.any(Array) }]);
    }
  });
});
