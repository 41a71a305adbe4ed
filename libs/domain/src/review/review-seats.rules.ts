/**
 * Separation of duties in one case (SPEC C1, L2, L9, L12; issue 12): the unit head who signs the preliminary review
 * (初审文书), the legal reviewer who drafts the opinion (法制审核初审), the person who re-reviews and signs it (复审) and
 * the person who records the decision are four different people. Roles alone cannot promise it — one person may hold
 * several roles — so the reducer checks the people who actually sat in each seat of the case, across its rounds.
 */
import { fail } from './review-steps.shared';
import type { PreliminaryReviewRecord, ReviewState } from './review.state';

/** The four seats of a case that must be held by four different people. */
export type ReviewSeat = 'preliminary-signer' | 'opinion-drafter' | 're-reviewer' | 'decider';

export const SEAT_LABELS: Readonly<Record<ReviewSeat, readonly [zh: string, en: string]>> = {
  'preliminary-signer': ['签署初审意见的承办机构负责人', 'unit head who signed the preliminary review'],
  'opinion-drafter': ['拟定审核意见的法制审核人员（初审）', 'legal reviewer who drafted the opinion'],
  're-reviewer': ['复审并签发审核意见的人员', 're-reviewer who signed the opinion'],
  decider: ['作出决定的人员', 'person who recorded the decision'],
};

/** Every seat each person has held in the case so far, in every round (a sent-back draft still counts). */
export function seatsHeld(state: ReviewState): ReadonlyMap<string, ReadonlySet<ReviewSeat>> {
  const held = new Map<string, Set<ReviewSeat>>();
  const sit = (personId: string | null | undefined, seat: ReviewSeat) => {
    if (!personId) return;
    const seats = held.get(personId) ?? new Set<ReviewSeat>();
    seats.add(seat);
    held.set(personId, seats);
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
