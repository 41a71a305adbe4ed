/**
 * Acceptance phase of the review (SPEC L2–L5): submission, acceptance, the one-time notice of missing materials
 * (一次性告知), the one supplement (补正), not accepted (不予受理), and withdrawal at any stage.
 */
import { MATERIAL_CHECKLIST, missingMaterials, requiredMaterials } from './materials.rules';
import { reviewLimitIssues } from './catalogue.rules';
import { isLateSubmission, supplementDeadline } from './review-clock.rules';
import { checkPriorSeats, checkSeparateSeat } from './review-seats.rules';
import type { SubmitCommand } from './review.commands';
import type { ReviewRound, ReviewState } from './review.state';
import { checkActor } from './review.permissions';
import {
  accepted,
  checkPreliminaryReview,
  concluded,
  fail,
  itemLabels,
  mergeMaterials,
  notAccepted,
  outstanding,
  requireInstant,
  requireKnownItems,
  requireText,
  type ReviewEnv,
  type Step,
  type StepHandlers,
} from './review-steps.shared';

export const ACCEPTANCE_STEPS: StepHandlers<
  | 'acceptMaterials'
  | 'notifyMissingMaterials'
  | 'supplement'
  | 'supplementWindowLapsed'
  | 'refuseAcceptance'
  | 'withdraw'
> = {
  acceptMaterials(state, _command, ctx) {
    const { at, by, env } = ctx;
    const missing = outstanding(state);
    if (missing.length > 0) fail('REVIEW.MATERIALS_INCOMPLETE', itemLabels(missing));
    const round: ReviewRound = {
      round: 1,
      // The clock runs from the day complete materials arrived, not from the day the section got round to
      // accepting them (Annex 3 第十一条: 自提交完备的送审材料之日起计算).
      completeMaterialsReceivedAt: state.supplement?.at ?? state.submission.submittedAt,
      openedBy: 'acceptMaterials',
      openedAt: at,
      openedByActor: by,
      resubmissionNote: null,
      pauses: [],
      extension: null,
      findings: null,
      advisorOpinions: [],
      opinion: null,
    };
    const next: ReviewState = { ...state, status: 'under-review', rounds: [round] };
    return { state: next, events: [accepted(next, round, env)] };
  },
  notifyMissingMaterials(state, command, ctx) {
    const { now, at, by, env } = ctx;
    const listed = requireKnownItems(command.missing, 'missing');
    if (listed.length === 0) fail('REVIEW.NOTICE_EMPTY');
    const omitted = outstanding(state).filter((item) => !listed.includes(item));
    if (omitted.length > 0) fail('REVIEW.NOTICE_INCOMPLETE', itemLabels(omitted));
    const ordered = MATERIAL_CHECKLIST.map((r) => r.item).filter((item) => listed.includes(item));
    const dueBy = supplementDeadline(now, env.calendar, env.policy.supplementWindowWorkdays).toISOString();
    const next: ReviewState = {
      ...state,
      status: 'awaiting-supplement',
      notice: { noticeAt: at, noticeBy: by, missing: ordered, supplementDueBy: dueBy },
    };
    return {
      state: next,
      events: [{ type: 'review.materials-requested.v1', payload: { missing: ordered, supplementDueBy: dueBy } }],
    };
  },
  supplement(state, command, ctx) {
    const { now, at, by } = ctx;
    const notice = state.notice!;
    if (now.getTime() >= Date.parse(notice.supplementDueBy)) {
      fail('REVIEW.SUPPLEMENT_WINDOW_LAPSED', { dueBy: notice.supplementDueBy });
    }
    requireKnownItems(
      command.materials.map((m) => m.item),
      'materials',
    );
    const materials = mergeMaterials(state.materials, command.materials);
    const supplemented: ReviewState = {
      ...state,
      materials,
      supplement: { at, by, materials: command.materials },
    };
    const missing = outstanding(supplemented);
    if (missing.length === 0) return { state: { ...supplemented, status: 'submitted' }, events: [] };
    // 补充材料后仍不齐备的，不予受理: there is no second notice.
    return notAccepted(supplemented, at, 'still-incomplete', missing);
  },
  supplementWindowLapsed(state, _command, ctx) {
    const { now, at } = ctx;
    const notice = state.notice!;
    if (now.getTime() < Date.parse(notice.supplementDueBy)) {
      fail('REVIEW.SUPPLEMENT_WINDOW_OPEN', { dueBy: notice.supplementDueBy });
    }
    const missing = [...notice.missing];
    return notAccepted(state, at, 'window-lapsed', missing);
  },
  refuseAcceptance(state, command, ctx) {
    const { at } = ctx;
    if (state.supplement === null) fail('REVIEW.REFUSAL_NEEDS_SUPPLEMENT_FIRST');
    const missing = requireKnownItems(command.missing, 'missing');
    if (missing.length === 0) fail('REVIEW.NOTICE_EMPTY');
    return notAccepted(state, at, 'still-incomplete', missing);
  },
  withdraw(state, command, ctx) {
    const { at, by } = ctx;
    const reason = requireText(command.reason, 'reason');
    const next: ReviewState = { ...state, status: 'withdrawn', withdrawal: { at, by, reason } };
    return { state: next, events: [concluded(next, 'withdrawn')] };
  },
};

/** Builds the state of a new submission after its checks have passed. */
export function submit(command: SubmitCommand, now: Date, env: ReviewEnv): Step {
  const reviewId = requireText(command.reviewId, 'reviewId');
  const caseNo = requireText(command.caseNo, 'caseNo');
  const agencyId = requireText(command.agencyId, 'agencyId');
  const unitId = requireText(command.unitId, 'unitId');
  checkActor(command, unitId);
  const preliminary = checkPreliminaryReview(command.preliminaryReview, unitId);
  const priorSeats = checkPriorSeats(command.priorSeats);
  const handlingDeadline = requireInstant(command.caseHandlingDeadline, 'caseHandlingDeadline');
  // L6: another limit only where a law provides one, as the catalogue entry's legal basis says.
  const reviewLimit = command.majorDecision.reviewLimit ?? null;
  if (reviewLimit !== null) {
    const problem = reviewLimitIssues(reviewLimit)[0];
    if (problem) {
      fail('REVIEW.INVALID_INPUT', {
        field: `majorDecision.reviewLimit${problem.path}`,
        problemZh: problem.zh,
        problemEn: problem.en,
      });
    }
  }
  requireKnownItems(
    command.materials.map((m) => m.item),
    'materials',
  );
  const late = isLateSubmission(now, handlingDeadline, env.calendar, env.policy.submissionLeadWorkdays);
  const materials = mergeMaterials([], command.materials);
  const missing = missingMaterials(requiredMaterials(command.caseFacts), materials).map((r) => r.item);
  const state: ReviewState = {
    schemaVersion: 1,
    reviewId,
    caseNo,
    agencyId,
    unitId,
    category: command.category,
    status: 'submitted',
    revision: 0,
    submission: {
      submittedAt: now.toISOString(),
      submittedBy: command.actor,
      preliminaryReview: preliminary,
      urgent: command.urgent === true,
      caseHandlingDeadline: handlingDeadline.toISOString(),
      late,
      statutoryReviewWorkdays: reviewLimit?.workdays ?? null,
      majorDecision: command.majorDecision,
    },
    caseFacts: command.caseFacts,
    materials,
    notice: null,
    supplement: null,
    notAccepted: null,
    rounds: [],
    disagreements: [],
    decision: null,
    withdrawal: null,
    // Only when brought in, so a review submitted before issue 12 replays to the very same state.
    ...(command.priorSeats === undefined ? {} : { priorSeats }),
  };
  // C1 (issue 12): a signer who held another seat in an earlier review of the case may not sign this one.
  checkSeparateSeat(state, preliminary.signedBy.id, 'preliminary-signer');
  return {
    state,
    events: [
      {
        type: 'review.submitted.v1',
        payload: {
          category: command.category,
          urgent: state.submission.urgent,
          late,
          caseHandlingDeadline: state.submission.caseHandlingDeadline,
          catalogueVersion: command.majorDecision.catalogueVersion,
          catalogueEntryIds: command.majorDecision.entryIds,
          widenedScope: command.majorDecision.widenedScope,
          missingMaterials: missing,
        },
      },
    ],
  };
}
