/**
 * Decision phase of the review (SPEC L12): the agency head approves or the collective discussion decides after a
 * passed review, and the gate that refuses any major decision without one.
 */
import { ReviewRuleError, type ReviewErrorCode } from './review.errors';
import { ROLE_LABELS, STATUS_LABELS, categoryLabels, commandLabels } from './review.labels';
import type { ReviewPolicy } from './review.policy';
import type { ReviewState, ReviewStatus } from './review.state';
import type { IsoInstant, ReviewActor } from './review.types';
import { checkSeparateSeat } from './review-seats.rules';
import { concluded, fail, requireMinutes, requireText, type StepHandlers } from './review-steps.shared';

export const DECISION_STEPS: StepHandlers<'decide'> = {
  decide(state, command, ctx) {
    const { at, by, env } = ctx;
    checkSeparateSeat(state, by, 'decider');
    const decisionRef = requireText(command.decisionRef, 'decisionRef');
    let minutesRef: string | null = null;
    if (command.mode === 'collective-discussion') {
      minutesRef = requireMinutes(command.minutesRef, '集体讨论会议纪要', 'collective discussion minutes');
    } else if (command.mode === 'agency-head-approval') {
      if (command.actor.role !== 'agency-head') {
        fail('REVIEW.FORBIDDEN_ROLE', {
          ...commandLabels('decide'),
          rolesZh: [ROLE_LABELS['agency-head'][0]],
          rolesEn: [ROLE_LABELS['agency-head'][1]],
        });
      }
      if (collectiveDiscussionRequired(state, env.policy)) {
        fail('REVIEW.COLLECTIVE_DISCUSSION_REQUIRED', categoryLabels(state));
      }
    } else {
      fail('REVIEW.INVALID_INPUT', {
        field: 'mode',
        problemZh: '须为机关负责人批准或集体讨论决定',
        problemEn: 'must be agency-head-approval or collective-discussion',
      });
    }
    const next: ReviewState = {
      ...state,
      status: 'decided',
      decision: { decidedAt: at, decidedBy: by, mode: command.mode, minutesRef, decisionRef },
    };
    return { state: next, events: [concluded(next, 'decided')] };
  },
};

/** SPEC L12 gate: true only once the review has passed and the decision has been recorded. */
export function mayIssueDecision(state: ReviewState | null): boolean {
  return state !== null && state.status === 'decided' && state.decision !== null;
}

/** An attempt to issue a major decision while the gate was shut, kept for accountability (SPEC L12, L13). */
export interface BlockedDecisionAttempt {
  readonly caseNo: string;
  /** `null` when the case was never submitted for review. */
  readonly reviewId: string | null;
  readonly unitId: string | null;
  readonly reviewStatus: ReviewStatus | null;
  readonly attemptedBy: ReviewActor;
  readonly attemptedAt: IsoInstant;
  readonly code: ReviewErrorCode;
}

/**
 * SPEC L12: called by whoever is about to issue a major decision. Refusals come with the record the caller must
 * store, because the regulation holds people accountable for trying (擅自批准).
 */
export function decisionGate(
  state: ReviewState | null,
  attempt: { readonly caseNo: string; readonly actor: ReviewActor; readonly at: Date },
):
  | { readonly allowed: true }
  | { readonly allowed: false; readonly error: ReviewRuleError; readonly attempt: BlockedDecisionAttempt } {
  if (mayIssueDecision(state)) return { allowed: true };
  const status = state?.status ?? null;
  const labels = status === null ? { zh: '未报送法制审核', en: 'never submitted for review' } : STATUS_LABELS[status];
  const error = new ReviewRuleError('REVIEW.REVIEW_NOT_PASSED', { statusZh: labels.zh, statusEn: labels.en });
  return {
    allowed: false,
    error,
    attempt: {
      caseNo: attempt.caseNo,
      reviewId: state?.reviewId ?? null,
      unitId: state?.unitId ?? null,
      reviewStatus: status,
      attemptedBy: attempt.actor,
      attemptedAt: attempt.at.toISOString(),
      code: error.code,
    },
  };
}

/**
 * 对重大处罚案件…集体讨论决定 (seed 000 Annex 2 第二十七条): collective discussion is forced for the categories the
 * policy names — by default penalties — when the case is major by the catalogue. A case reviewed only because the
 * agency reviews everything outside the simplified procedure (widened scope, no catalogue entry) is not a major
 * case in that sense, so the agency head may approve it.
 */
export function collectiveDiscussionRequired(state: ReviewState, policy: ReviewPolicy): boolean {
  if (!policy.collectiveDiscussionRequiredFor.includes(state.category)) return false;
  const { widenedScope, entryIds } = state.submission.majorDecision;
  return !(widenedScope && entryIds.length === 0);
}
