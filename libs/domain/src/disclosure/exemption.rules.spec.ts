import { DisclosureRuleError } from './disclosure.errors';
import { checkExemption, exemptionGrounds, type ExemptionDecision } from './exemption.rules';

const filing = { filedWith: '市司法局', reference: '备〔2026〕12号', filedAt: '2026-03-02T09:00:00+08:00' };
const base: ExemptionDecision = {
  ground: 'minor-party',
  reason: '行政相对人系未成年人，依法不予公开该处罚决定。',
  filing,
  override: null,
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DisclosureRuleError ? e.code : 'not-a-rule-error';
  }
  return undefined;
}

describe('exemptions (SPEC D5)', () => {
  it('D5: every ground of the regulations is known, each with a stated reason and the 备案 filing', () => {
    expect(exemptionGrounds).toEqual([
      'minor-party',
      'state-secret',
      'commercial-secret',
      'personal-privacy',
      'security-stability',
      'hinders-enforcement',
      'deemed-unsuitable',
      'legal-bar',
    ]);
    for (const ground of exemptionGrounds) expect(checkExemption({ ...base, ground }).ground).toBe(ground);
  });

  it('D5: a non-disclosure without a reason is refused', () => {
    expect(codeOf(() => checkExemption({ ...base, reason: '  未成年  ' }))).toBe(
      'DISCLOSURE.EXEMPTION_REASON_REQUIRED',
    );
  });

  it('D5: a non-disclosure not filed with the justice bureau is refused', () => {
    expect(codeOf(() => checkExemption({ ...base, filing: { ...filing, reference: ' ' } }))).toBe(
      'DISCLOSURE.EXEMPTION_FILING_REQUIRED',
    );
  });

  it('D5: written consent or the public interest overrides commercial secrets and privacy, not state secrets', () => {
    expect(codeOf(() => checkExemption({ ...base, ground: 'commercial-secret', override: 'written-consent' }))).toBe(
      'DISCLOSURE.EXEMPTION_OVERRIDDEN',
    );
    expect(codeOf(() => checkExemption({ ...base, ground: 'personal-privacy', override: 'public-interest' }))).toBe(
      'DISCLOSURE.EXEMPTION_OVERRIDDEN',
    );
    expect(checkExemption({ ...base, ground: 'state-secret', override: 'public-interest' }).ground).toBe(
      'state-secret',
    );
  });
});
