import { DisclosureRuleError } from './disclosure.errors';
import {
  EX_ANTE_KINDS,
  applyExAnteCommand,
  checkExAnteKind,
  exAntePortalBody,
  initialExAnteState,
  type ExAnteContent,
} from './ex-ante.rules';
import { NEVER_PUBLISHED_KINDS } from './publication-mode.rules';
import type { DisclosureActor } from './publication.rules';

const AT = '2030-03-04T02:00:00.000Z';
const officer: DisclosureActor = { id: 'd1', roles: ['disclosure-officer'], unitId: 'unit-office' };
const reviewer: DisclosureActor = { id: 'l1', roles: ['legal-reviewer'], unitId: 'unit-legal' };
const identity = { itemId: 'i1', kind: 'officers' as const, unitId: 'unit-a', agencyId: 'a1', agencyName: '某局' };
const content: ExAnteContent = {
  title: '执法人员清单',
  body: '本局持证执法人员如下。',
  officers: [
    {
      name: '张三',
      unitName: '执法支队',
      post: '科员',
      certificateNumber: '43000012345',
      category: '民政',
      area: '全市',
      photoRef: 'photos/zhang-san.jpg',
    },
  ],
  attachments: [],
  secrecyReview: false,
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return e instanceof DisclosureRuleError ? e.code : String(e);
  }
}

describe('ex-ante rules (SPEC D1–D3)', () => {
  it('D1: the nine kinds are publishable; D2: internal records and unknown kinds never are', () => {
    for (const kind of EX_ANTE_KINDS) expect(checkExAnteKind(kind)).toBe(kind);
    for (const kind of [...NEVER_PUBLISHED_KINDS, 'minutes']) {
      expect(codeOf(() => checkExAnteKind(kind))).toBe('DISCLOSURE.NEVER_PUBLISHED');
    }
  });

  it('D1: the officers list shows certificate numbers and keeps a photo reference, never image bytes', () => {
    const state = initialExAnteState(identity, content, 'd1');
    expect(state.draft?.content.officers[0].photoRef).toBe('photos/zhang-san.jpg');
    expect(exAntePortalBody(content)).toContain('执法证号：43000012345');
    expect(exAntePortalBody(content)).not.toContain('photos/');
    expect(codeOf(() => initialExAnteState(identity, { ...content, officers: [] }, 'd1'))).toBe(
      'DISCLOSURE.EX_ANTE_CONTENT_REQUIRED',
    );
  });

  it('D2: publish only after approval; a return needs reasons; D3: publishing closes the flag', () => {
    let state = initialExAnteState(identity, content, 'd1');
    expect(codeOf(() => applyExAnteCommand(state, { type: 'publish', actor: officer }, AT))).toBe(
      'DISCLOSURE.EX_ANTE_WRONG_STEP',
    );
    state = applyExAnteCommand(state, { type: 'submit', actor: officer }, AT);
    expect(
      codeOf(() =>
        applyExAnteCommand(state, { type: 'legalReview', actor: reviewer, outcome: 'return', reasons: '' }, AT),
      ),
    ).toBe('DISCLOSURE.EX_ANTE_REASONS_REQUIRED');
    state = applyExAnteCommand(state, { type: 'legalReview', actor: reviewer, outcome: 'approve', reasons: '' }, AT);
    state = applyExAnteCommand(
      state,
      { type: 'flag', actor: officer, cause: 'law-changed', reference: '条例修订' },
      AT,
    );
    state = applyExAnteCommand(state, { type: 'publish', actor: officer }, AT);
    expect(state.published?.version).toBe(1);
    expect(state.flag).toBeNull();
  });
});
