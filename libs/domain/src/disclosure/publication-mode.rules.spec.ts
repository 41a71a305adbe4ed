import { DisclosureRuleError } from './disclosure.errors';
import {
  abstractText,
  checkMode,
  checkPublishableKind,
  fullTextRequired,
  NEVER_PUBLISHED_KINDS,
} from './publication-mode.rules';

describe('publication mode and what is never published (SPEC D2, D6)', () => {
  it('D6: granted permits and expropriations are published in full; a refused permit or a penalty may be abstracted', () => {
    expect(fullTextRequired('permit', true)).toBe(true);
    expect(fullTextRequired('expropriation', null)).toBe(true);
    expect(fullTextRequired('permit', false)).toBe(false);
    expect(fullTextRequired('penalty', null)).toBe(false);
    expect(checkMode('abstract', 'penalty', null)).toBe('abstract');
    expect(() => checkMode('abstract', 'permit', true)).toThrow(DisclosureRuleError);
    expect(checkMode('full-text', 'expropriation', null)).toBe('full-text');
  });

  it('D6: an abstract carries decision number, agency, target, category, date and conclusion', () => {
    const text = abstractText({
      decisionNumber: '衡民罚〔2026〕3号',
      agencyName: '衡阳市民政局',
      target: '某某养老服务有限公司',
      category: 'penalty',
      decidedOn: '2026-03-02',
      conclusion: '警告，罚款人民币五千元',
    });
    expect(text.split('\n')).toEqual([
      '决定书文号：衡民罚〔2026〕3号',
      '执法主体：衡阳市民政局',
      '执法对象：某某养老服务有限公司',
      '执法类别：行政处罚',
      '执法日期：2026-03-02',
      '执法结论：警告，罚款人民币五千元',
    ]);
  });

  it('D2: internal discussion records, approval flows, consultations and requests can never be published', () => {
    for (const kind of NEVER_PUBLISHED_KINDS) {
      expect(() => checkPublishableKind(kind)).toThrow(
        expect.objectContaining({ code: 'DISCLOSURE.NEVER_PUBLISHED' }) as Error,
      );
    }
    expect(() => checkPublishableKind('something-else')).toThrow(DisclosureRuleError);
    expect(checkPublishableKind('decision')).toBe('decision');
  });
});
