import { decide } from './review.machine';
import { Flow, agencyHead, bj, env } from './testing/review.fixtures';

const approve = {
  type: 'decide',
  actor: agencyHead,
  mode: 'agency-head-approval',
  decisionRef: '某民罚决〔2025〕7号',
} as const;

describe('decision (SPEC L12)', () => {
  it('L12: 对重大处罚案件…集体讨论决定 — a penalty that is major by the catalogue still needs collective discussion', () => {
    const flow = Flow.withOpinion('approve');
    const result = decide(flow.current, approve, bj('2025-03-05 09:00'), env());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('REVIEW.COLLECTIVE_DISCUSSION_REQUIRED');
  });

  it('L12: 对重大处罚案件…集体讨论决定 — a penalty reviewed only because the agency widened the scope may be approved by the agency head', () => {
    const flow = Flow.withOpinion('approve', env(), {
      majorDecision: { catalogueVersion: 1, entryIds: [], widenedScope: true },
    });
    flow.do(approve, bj('2025-03-05 09:00'));
    expect(flow.current.status).toBe('decided');
    expect(flow.current.decision?.mode).toBe('agency-head-approval');
  });

  it('L12: 对重大处罚案件…集体讨论决定 — a widened-scope penalty that also matches a catalogue entry is a major penalty case', () => {
    const flow = Flow.withOpinion('approve', env(), {
      majorDecision: { catalogueVersion: 1, entryIds: ['penalty-large-fine'], widenedScope: true },
    });
    const result = decide(flow.current, approve, bj('2025-03-05 09:00'), env());
    expect(!result.ok && result.error.code).toBe('REVIEW.COLLECTIVE_DISCUSSION_REQUIRED');
  });
});
