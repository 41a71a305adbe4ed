/**
 * Separation of duties in one case (SPEC C1, L2, L9, L12; issue 12): the unit head who signs the preliminary review
 * (初审文书), the legal reviewer who drafts the opinion (法制审核初审), the person who re-reviews and signs it (复审) and
 * the person who records the decision are four different people. Roles alone cannot promise it — one person may hold
 * several roles — so the reducer checks the people who actually sat in each seat of the case: across the rounds of
 * this review, and across the case's earlier reviews (a withdrawn or not-accepted submission, after which the case is
 * submitted again as a new review), which the submission brings in as data (`priorSeats`).
 */
import { fail } from './review-steps.shared';
import type { HeldSeat, PreliminaryReviewRecord, ReviewSeat, ReviewState } from './review.state';

export type { HeldSeat, ReviewSeat } from './review.state';

/** Every seat, in the order a case fills them. */
export const REVIEW_SEATS: readonly ReviewSeat[] = ['preliminary-signer', 'opinion-drafter', 're-reviewer', 'decider'];

export const SEAT_LABELS: Readonly<Record<ReviewSeat, readonly [zh: string, en: string]>> = {
  'preliminary-signer': ['签署初审意见的承办机构负责人', 'unit head who signed the preliminary review'],
  'opinion-drafter': ['拟定审核意见的法制审核人员（初审）', 'legal reviewer who drafted the opinion'],
  're-reviewer': ['复审并签发审核意见的人员', 're-reviewer who signed the opinion'],
  decider: ['作出决定的人员', 'person who recorded the decision'],
};

/**
 * The seats held in this review alone, in every round (a sent-back draft still counts), each person and seat once —
 * what its records keep so a later review of the case can bring them in. Reading, accepting materials or recording
 * findings is no seat.
 */
export function ownSeats(state: ReviewState): HeldSeat[] {
  const seen = new Set<string>();
  const own: HeldSeat[] = [];
  const sit = (personId: string | null | undefined, seat: ReviewSeat) => {
    if (!personId) return;
    const key = JSON.stringify([personId, seat]);
    if (seen.has(key)) return;
    seen.add(key);
    own.push({ personId, seat, reviewId: state.reviewId });
  };
  const signers: (PreliminaryReviewRecord | null | undefined)[] = [
    state.submission.preliminaryReview,
    ...state.rounds.map((round) => round.preliminaryReview),
  ];
  for (const signOff of signers) sit(signOff?.signedBy.id, 'preliminary-signer');
  for (const round of state.rounds) {
    sit(round.draft?.draftedBy, 'opinion-drafter');
    sit(round.opinion?.draftedBy, 'opinion-drafter');
    sit(round.opinion?.reReviewedBy, 're-reviewer');
    for (const sendBack of round.sendBacks ?? []) {
      sit(sendBack.draft.draftedBy, 'opinion-drafter');
      sit(sendBack.sentBackBy, 're-reviewer');
    }
  }
  sit(state.decision?.decidedBy, 'decider');
  return own;
}

/** Every seat each person has held in the case so far: in this review and in the case's earlier ones. */
export function seatsHeld(state: ReviewState): ReadonlyMap<string, ReadonlySet<ReviewSeat>> {
  const held = new Map<string, Set<ReviewSeat>>();
  for (const { personId, seat } of [...(state.priorSeats ?? []), ...ownSeats(state)]) {
    const seats = held.get(personId) ?? new Set<ReviewSeat>();
    seats.add(seat);
    held.set(personId, seats);
  }
  return held;
}

/** Refuses (403 REVIEW.SEATS_SEPARATED, naming the seat already held) a person taking a second seat in the case. */
export function checkSeparateSeat(state: ReviewState, personId: string, seat: ReviewSeat): void {
  const other = [...(seatsHeld(state).get(personId) ?? [])].find((held) => held !== seat);
  if (other === undefined) return;
  fail('REVIEW.SEATS_SEPARATED', {
    personId,
    heldZh: SEAT_LABELS[other][0],
    heldEn: SEAT_LABELS[other][1],
    seatZh: SEAT_LABELS[seat][0],
    seatEn: SEAT_LABELS[seat][1],
  });
}

/**
 * The earlier reviews' seats a submission brings in, checked for shape (the starting service builds them from
 * records, but the reducer trusts no input): each a person id, a known seat and the review it was held in.
 */
export function checkPriorSeats(value: unknown): HeldSeat[] {
  if (value === undefined) return [];
  const invalid = (problemZh: string, problemEn: string): never =>
    fail('REVIEW.INVALID_INPUT', { field: 'priorSeats', problemZh, problemEn });
  if (!Array.isArray(value)) return invalid('须为列表', 'must be a list');
  return value.map((entry: Partial<HeldSeat> | null) => {
    const { personId, seat, reviewId } = entry ?? {};
    if (typeof personId !== 'string' || personId.trim() === '' || typeof reviewId !== 'string' || reviewId === '') {
      return invalid('每项须有人员编号和审核编号', 'each entry needs a person id and a review id');
    }
    if (!REVIEW_SEATS.includes(seat as ReviewSeat)) {
      return invalid(`未知的岗位“${String(seat)}”`, `unknown seat "${String(seat)}"`);
    }
    return { personId, seat: seat as ReviewSeat, reviewId };
  });
}
