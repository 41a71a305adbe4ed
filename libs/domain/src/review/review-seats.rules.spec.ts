import { decide } from './review.machine';
import type { ReviewCommand } from './review.commands';
import type { ReviewActor } from './review.types';
import { seatsHeld } from './review-seats.rules';
import {
  Flow,
  LEGAL_UNIT_ID,
  UNIT_ID,
  bj,
  cleanFindings,
  minuteTaker,
  preliminaryReview,
  reviewer,
  sectionHead,
  unitHead,
} from './testing/review.fixtures';

// One person, two roles: the rules must look at who sat in each seat of the case, not at the role of the step.
const as = (person: ReviewActor, role: ReviewActor['role'], unitId = person.unitId): ReviewActor => ({
  id: person.id,
  role,
  unitId,
});

const draft = (actor: ReviewActor): ReviewCommand => ({
  type: 'draftOpinion',
  actor,
  opinion: 'approve',
  documentNo: '某民法审〔2025〕3号',
  summary: '同意',
});
const decideBy = (actor: ReviewActor): ReviewCommand => ({
  type: 'decide',
  actor,
  mode: 'collective-discussion',
  minutesRef: 'sha256:minutes',
  decisionRef: '决定书-1',
});

function refusal(flow: Flow, command: ReviewCommand, at: Date) {
  const result = decide(flow.current, command, at, flow.environment);
  if (result.ok) throw new Error(`${command.type} was accepted`);
  return result.error;
}

describe('separation of duties in one case (SPEC C1, L2, L9, L12)', () => {
  it('C1, L2, L9: the unit head who signed the preliminary review may not draft the opinion, even holding the reviewer role', () => {
    const flow = Flow.accepted(undefined, {
      preliminaryReview: preliminaryReview(bj('2025-03-02 17:00'), unitHead),
    }).do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'));
    const error = refusal(flow, draft(as(unitHead, 'legal-reviewer', LEGAL_UNIT_ID)), bj('2025-03-04 10:00'));
    expect([error.code, error.category]).toEqual(['REVIEW.SEATS_SEPARATED', 'forbidden']);
    expect(error.message_zh).toContain('签署初审意见的承办机构负责人');
    expect(error.message_en).toContain('unit head who signed the preliminary review');
    // Another reviewer drafts it.
    expect(() => flow.do(draft(reviewer), bj('2025-03-04 10:00'))).not.toThrow();
  });

  it('C1, L9, L12: neither the drafter nor the re-reviewer may record the decision; a third person may', () => {
    const flow = Flow.withOpinion('approve');
    for (const [person, seat] of [
      [reviewer, 'legal reviewer who drafted the opinion'],
      [sectionHead, 're-reviewer who signed the opinion'],
    ] as const) {
      const error = refusal(flow, decideBy(as(person, 'leadership-meeting')), bj('2025-03-05 10:00'));
      expect([error.code, error.category]).toEqual(['REVIEW.SEATS_SEPARATED', 'forbidden']);
      expect(error.message_en).toContain(seat);
      expect(error.message_zh).toMatch(/不得再担任作出决定的人员/);
    }
    flow.do(decideBy(minuteTaker), bj('2025-03-05 10:00'));
    expect(flow.current.status).toBe('decided');
  });

  it('C1, L9: whoever sent a draft back has sat as re-reviewer and may not draft the opinion themselves', () => {
    const flow = Flow.accepted()
      .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
      .do(draft(reviewer), bj('2025-03-04 10:00'))
      .do(
        { type: 'reReviewOpinion', actor: sectionHead, decision: 'send-back', reasons: '事实部分须补充' },
        bj('2025-03-04 11:00'),
      );
    const error = refusal(flow, draft(sectionHead), bj('2025-03-04 12:00'));
    expect(error.code).toBe('REVIEW.SEATS_SEPARATED');
    expect(error.message_en).toContain('re-reviewer who signed the opinion');
    expect(seatsHeld(flow.current).get(sectionHead.id)).toEqual(new Set(['re-reviewer']));
    expect(seatsHeld(flow.current).get(unitHead.id)).toEqual(new Set(['preliminary-signer']));
  });

  it('C1, L2: a resubmission is refused when its new preliminary review is signed by the case’s drafter', () => {
    const flow = Flow.withOpinion('amend');
    const dual = as(reviewer, 'unit-head', UNIT_ID);
    const error = refusal(
      flow,
      {
        type: 'resubmit',
        actor: { id: 'u-officer-li', role: 'officer', unitId: UNIT_ID },
        note: '已按意见变更',
        caseFacts: flow.current.caseFacts,
        materials: [],
        preliminaryReview: preliminaryReview(bj('2025-03-05 09:00'), dual),
      },
      bj('2025-03-05 10:00'),
    );
    expect(error.code).toBe('REVIEW.SEATS_SEPARATED');
    expect(error.message_en).toContain('may not also be its unit head who signed the preliminary review');
  });
});
