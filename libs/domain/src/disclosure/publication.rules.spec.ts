import type { CaseDecisionIssuedV1 } from '../events/case-decision-issued.v1';
import { applyPublicationCommand, initialPublicationState, type DisclosureActor } from './publication.rules';
import { draftFromFindings } from './redaction-draft.rules';

const decision: CaseDecisionIssuedV1 = {
  caseNumber: 'C-1',
  decisionNumber: '罚〔2030〕1号',
  category: 'permit',
  permitGranted: true,
  party: { name: '某某公司', kind: 'organisation', idCode: null },
  conclusion: '准予许可',
  text: '准予许可。',
  decidedAt: '2030-03-04T10:00:00+08:00',
  unitId: 'unit-a',
  agency: { id: 'agency', name: '某局' },
  officers: [],
};
const officer: DisclosureActor = { id: 'd1', roles: ['disclosure-officer'], unitId: 'unit-a' };
const state = initialPublicationState('publication:罚〔2030〕1号', decision, draftFromFindings(5, []));
const NOW = '2030-03-05T10:00:00+08:00';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('publication commands (SPEC D2, D5, D6, C1)', () => {
  it('D6: a granted permit is published in full text, never as an abstract', () => {
    expect(
      codeOf(() => applyPublicationCommand(state, { type: 'publish', actor: officer, mode: 'abstract' }, NOW)),
    ).toBe('DISCLOSURE.FULL_TEXT_REQUIRED');
    const published = applyPublicationCommand(state, { type: 'publish', actor: officer, mode: 'full-text' }, NOW);
    expect([published.status, published.publishedAt, published.publishedBy]).toEqual(['published', NOW, 'd1']);
  });

  it('C1: only a disclosure officer of the handling unit reviews; D2: after publication the review is over', () => {
    const publish = { type: 'publish', mode: 'full-text' } as const;
    expect(
      codeOf(() => applyPublicationCommand(state, { ...publish, actor: { ...officer, roles: ['officer'] } }, NOW)),
    ).toBe('DISCLOSURE.ROLE_NOT_ALLOWED');
    // The agency office's disclosure officer publishes for every unit (000 附件1 第四条).
    const office = { ...officer, unitId: 'unit-office' };
    expect(applyPublicationCommand(state, { ...publish, actor: office }, NOW).status).toBe('published');
    const published = applyPublicationCommand(state, { ...publish, actor: officer }, NOW);
    expect(codeOf(() => applyPublicationCommand(published, { ...publish, actor: officer }, NOW))).toBe(
      'DISCLOSURE.NOT_IN_REVIEW',
    );
  });

  it('D5: an exemption with reason and filing ends the review without publication', () => {
    const exempted = applyPublicationCommand(
      state,
      {
        type: 'exempt',
        actor: officer,
        exemption: {
          ground: 'state-secret',
          reason: '决定书主要事实涉及国家秘密，不予公开。',
          filing: { filedWith: '市司法局', reference: '备1号', filedAt: NOW },
          override: null,
        },
      },
      NOW,
    );
    expect([exempted.status, exempted.exemption?.ground, exempted.publishedAt]).toEqual([
      'exempted',
      'state-secret',
      null,
    ]);
  });
});
