import { reviewStepOf, STATUS_LABELS, type ReviewState, type ReviewView } from '@enforcement/domain';

/** A view of a review state with no clock-derived fields, for tests of what review-svc stores and serves. */
export function plainViewOf(state: ReviewState, overrides: Partial<ReviewView> = {}): ReviewView {
  const { step, nextActorRoles } = reviewStepOf(state);
  return {
    reviewId: state.reviewId,
    caseNo: state.caseNo,
    unitId: state.unitId,
    agencyId: state.agencyId,
    category: state.category,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    round: state.rounds.length,
    step,
    nextActorRoles,
    deadline: null,
    deadlineKind: null,
    warningAt: null,
    deadlineProvisional: false,
    workdaysLeft: null,
    asOf: new Date().toISOString(),
    lateSubmission: state.submission.late,
    overdue: false,
    openPauseIds: [],
    opinion: null,
    mayIssueDecision: false,
    decision: null,
    calendarFingerprint: null,
    revision: state.revision,
    history: [],
    ...overrides,
  };
}
