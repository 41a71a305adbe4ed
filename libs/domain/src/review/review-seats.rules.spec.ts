import { decide } from './review.machine';
import type { ReviewCommand } from './review.commands';
import type { ReviewActor } from './review.types';
import { ownSeats, seatsHeld } from './review-seats.rules';
import type { HeldSeat } from './review.state';
import {
  Flow,
  LEGAL_UNIT_ID,
  UNIT_ID,
  bj,
  cleanFindings,
  env,
  minuteTaker,
  preliminaryReview,
  reviewer,
  sectionHead,
  submitCommand,
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

// A second legal reviewer, so the first review's drafter can be someone the second review does not need.
const drafterZhang: ReviewActor = { id: 'u-reviewer-zhang', role: 'legal-reviewer', unitId: LEGAL_UNIT_ID };

/** The case's first review: drafted by Zhang, sent back by the section head, then withdrawn by the unit. */
function withdrawnFirstReview(): Flow {
  return Flow.accepted()
    .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
    .do(draft(drafterZhang), bj('2025-03-04 10:00'))
    .do(
      { type: 'reReviewOpinion', actor: sectionHead, decision: 'send-back', reasons: '事实部分须补充' },
      bj('2025-03-04 11:00'),
    )
    .do({ type: 'withdraw', actor: unitHead, reason: '补充调查后重新报送' }, bj('2025-03-04 14:00'));
}

/** The same case submitted again as its next review, carrying the first review's seats; accepted the same day. */
function nextReview(priorSeats: readonly HeldSeat[], signer: ReviewActor = unitHead): Flow {
  return new Flow()
    .do(
      submitCommand({
        reviewId: 'review-2025-002',
        preliminaryReview: preliminaryReview(bj('2025-03-05 08:00'), signer),
        priorSeats,
      }),
      bj('2025-03-05 09:00'),
    )
    .do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-05 10:00'))
    .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-05 11:00'));
}

describe('separation of duties across the reviews of one case (SPEC C1, L2, L9, L12; issue 12)', () => {
  it('C1: a review keeps the seats held in it, each person and seat once; accepting or recording findings is no seat', () => {
    const first = withdrawnFirstReview();
    expect(ownSeats(first.current)).toEqual([
      { personId: unitHead.id, seat: 'preliminary-signer', reviewId: 'review-2025-001' },
      { personId: drafterZhang.id, seat: 'opinion-drafter', reviewId: 'review-2025-001' },
      { personId: sectionHead.id, seat: 're-reviewer', reviewId: 'review-2025-001' },
    ]);
    // The reviewer accepted the materials and recorded the findings only.
    expect(seatsHeld(first.current).has(reviewer.id)).toBe(false);
  });

  it('C1, L9, L12: the earlier review’s drafter may not re-review or decide in the next review; others may', () => {
    const second = nextReview(ownSeats(withdrawnFirstReview().current)).do(draft(reviewer), bj('2025-03-05 14:00'));
    const reReview: ReviewCommand = {
      type: 'reReviewOpinion',
      actor: as(drafterZhang, 'legal-section-head'),
      decision: 'approve',
    };
    const asReReviewer = refusal(second, reReview, bj('2025-03-05 15:00'));
    expect([asReReviewer.code, asReReviewer.category]).toEqual(['REVIEW.SEATS_SEPARATED', 'forbidden']);
    expect(asReReviewer.message_zh).toContain(
      '已担任拟定审核意见的法制审核人员（初审），不得再担任复审并签发审核意见的人员',
    );
    expect(asReReviewer.message_en).toContain('legal reviewer who drafted the opinion');

    // The section head re-reviewed in the first review too: the same seat again is no second seat.
    second.do({ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }, bj('2025-03-05 15:00'));
    const asDecider = refusal(second, decideBy(as(drafterZhang, 'leadership-meeting')), bj('2025-03-06 10:00'));
    expect(asDecider.code).toBe('REVIEW.SEATS_SEPARATED');
    expect(asDecider.message_en).toContain('may not also be its person who recorded the decision');
    second.do(decideBy(minuteTaker), bj('2025-03-06 10:00'));
    expect(second.current.status).toBe('decided');
  });

  it('C1, L2: the earlier review’s drafter may not sign the preliminary review the next submission rests on', () => {
    const prior = ownSeats(withdrawnFirstReview().current);
    const dual = as(drafterZhang, 'unit-head', UNIT_ID);
    const result = decide(
      null,
      submitCommand({
        reviewId: 'review-2025-002',
        preliminaryReview: preliminaryReview(bj('2025-03-05 08:00'), dual),
        priorSeats: prior,
      }),
      bj('2025-03-05 09:00'),
      env(),
    );
    if (result.ok) throw new Error('the submission was accepted');
    expect([result.error.code, result.error.category]).toEqual(['REVIEW.SEATS_SEPARATED', 'forbidden']);
    expect(result.error.message_en).toContain(
      'already holds the seat of legal reviewer who drafted the opinion in this case and may not also be its unit head who signed the preliminary review',
    );
    // The earlier review's own signer signs again: the same seat.
    expect(() => nextReview(prior, unitHead)).not.toThrow();
  });

  it('C1, L9: the earlier review’s re-reviewer may not draft the next review’s opinion', () => {
    const second = nextReview(ownSeats(withdrawnFirstReview().current));
    const error = refusal(second, draft(as(sectionHead, 'legal-reviewer')), bj('2025-03-05 14:00'));
    expect(error.code).toBe('REVIEW.SEATS_SEPARATED');
    expect(error.message_en).toContain('re-reviewer who signed the opinion');
  });

  it('C1: the earlier seats are data the submission brings: a review without them checks only its own', () => {
    // Reviews submitted before issue 12 carry none and replay to the same state (no `priorSeats` key at all).
    const unaware = nextReview([]).do(draft(reviewer), bj('2025-03-05 14:00'));
    unaware.do(
      { type: 'reReviewOpinion', actor: as(drafterZhang, 'legal-section-head'), decision: 'approve' },
      bj('2025-03-05 15:00'),
    );
    expect(unaware.current.status).toBe('opinion-issued');
    expect('priorSeats' in new Flow().do(submitCommand(), bj('2025-03-03 09:00')).current).toBe(false);
  });

  it('C1: malformed earlier seats are refused as invalid input naming the field, before any review exists', () => {
    for (const priorSeats of [
      [{ personId: '', seat: 'opinion-drafter', reviewId: 'review-2025-001' }],
      [{ personId: drafterZhang.id, seat: 'reader', reviewId: 'review-2025-001' }],
      'u-reviewer-zhang',
    ]) {
      const result = decide(
        null,
        submitCommand({ priorSeats: priorSeats as unknown as HeldSeat[] }),
        bj('2025-03-05 09:00'),
        env(),
      );
      if (result.ok) throw new Error(`accepted ${JSON.stringify(priorSeats)}`);
      expect([result.error.code, result.error.category]).toEqual(['REVIEW.INVALID_INPUT', 'invalid']);
      expect(result.error.message_en).toContain('"priorSeats"');
      expect(result.error.message_zh).toContain('priorSeats');
    }
  });
});
