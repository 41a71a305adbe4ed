import { isResidentIdNumber, isUnifiedCreditCode, partyProblems } from './party.rules';

// Check characters computed by hand from the standards' weights; the ids belong to no one.
const PERSON_ID = '11010519491231002X';
const CREDIT_CODE = '91350100M000100Y43';

describe('party rules', () => {
  it('R1: a resident ID is checked by its mod-11 check character', () => {
    expect(isResidentIdNumber(PERSON_ID)).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('11010519491231002')).toBe(false);
  });

  it('R1: a unified social credit code is checked by its mod-31 check character', () => {
    expect(isUnifiedCreditCode(CREDIT_CODE)).toBe(true);
    expect(isUnifiedCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedCreditCode('91350100M000100YI3')).toBe(false);
  });

  it('R1: a complete party has no problems; a business may be identified either way', () => {
    const base = { name: '张三', address: '衡阳市某路1号', contact: '0734-0000000' };
    expect(partyProblems({ ...base, kind: 'natural-person', idNumber: PERSON_ID.toLowerCase() })).toEqual([]);
    expect(partyProblems({ ...base, kind: 'organisation', idNumber: CREDIT_CODE })).toEqual([]);
    expect(partyProblems({ ...base, kind: 'individual-business', idNumber: PERSON_ID })).toEqual([]);
    expect(partyProblems({ ...base, kind: 'individual-business', idNumber: CREDIT_CODE })).toEqual([]);
  });

  it('R1: each missing or wrong party field is named in both languages', () => {
    const problems = partyProblems({ name: ' ', kind: 'organisation', idNumber: PERSON_ID });
    expect(problems.map((p) => p.field)).toEqual(['party.name', 'party.idNumber', 'party.address', 'party.contact']);
    expect(problems[1].zh).toContain('统一社会信用代码');
    expect(problems[1].en).toContain('check character');
    expect(partyProblems(undefined).map((p) => p.field)).toContain('party.kind');
  });
});
