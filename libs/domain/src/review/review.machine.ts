/**
 * The legal review (法制审核, SPEC L2–L12) as a pure reducer: `decide(state, command, now, env)` either refuses the
 * command with a `ReviewRuleError` — leaving everything untouched — or returns the next state and the events to
 * publish. A Temporal update validator calls `validate`, which runs the same checks and changes nothing.
 *
 * The calendar is an argument rather than an import because the agency can change it at run time (SPEC W4); inside
 * a workflow pass a snapshot loaded by an activity so a replay computes the same deadlines.
 *
 * The steps live in one module per phase — acceptance, clock, opinion, disagreement, decision — and this file only
 * checks who may act and when (`review.permissions.ts`) and dispatches.
 */
import type { ReviewCommand, ReviewCommandType } from './review.commands';
import { ReviewRuleError } from './review.errors';
import type { ReviewEvent } from './review.events';
import { commandLabels } from './review.labels';
import { checkActor, checkStatus } from './review.permissions';
import type { ReviewState } from './review.state';
import type { ReviewActor } from './review.types';
import { ACCEPTANCE_STEPS, submit } from './review-acceptance.steps';
import { CLOCK_STEPS } from './review-clock.steps';
import { DECISION_STEPS } from './review-decision.steps';
import { DISAGREEMENT_STEPS } from './review-disagreement.steps';
import { OPINION_STEPS } from './review-opinion.steps';
import {
  fail,
  type PendingEvent,
  type ReviewEnv,
  type Step,
  type StepContext,
  type StepHandlers,
} from './review-steps.shared';

export { STATUS_LABELS } from './review.labels';
export { decisionGate, mayIssueDecision, type BlockedDecisionAttempt } from './review-decision.steps';
export {
  currentDeadline,
  currentRound,
  openPauses,
  reviewClockOrigin,
  reviewClockRunning,
  roundClockInput,
  type ReviewEnv,
} from './review-steps.shared';

/** Outcome of `decide`. */
export type DecideResult =
  | { readonly ok: true; readonly state: ReviewState; readonly events: readonly ReviewEvent[] }
  | { readonly ok: false; readonly error: ReviewRuleError };

const STEPS: StepHandlers<Exclude<ReviewCommandType, 'submit'>> = {
  ...ACCEPTANCE_STEPS,
  ...CLOCK_STEPS,
  ...OPINION_STEPS,
  ...DISAGREEMENT_STEPS,
  ...DECISION_STEPS,
};

/**
 * Applies one command. Never mutates `state` or `command`; on refusal returns the error and no state, so the
 * caller's state is by construction the unchanged one.
 */
export function decide(state: ReviewState | null, command: ReviewCommand, now: Date, env: ReviewEnv): DecideResult {
  try {
    const step = handle(state, command, now, env);
    const revision = (state?.revision ?? 0) + 1;
    const next: ReviewState = { ...step.state, revision };
    return {
      ok: true,
      state: next,
      events: step.events.map((pending, index) => envelope(next, command.actor, now, pending, index)),
    };
  } catch (error) {
    if (error instanceof ReviewRuleError) return { ok: false, error };
    throw error;
  }
}

/** The validation half of `decide`, for Temporal update validators: the refusal, or `undefined` when allowed. */
export function validate(
  state: ReviewState | null,
  command: ReviewCommand,
  now: Date,
  env: ReviewEnv,
): ReviewRuleError | undefined {
  const result = decide(state, command, now, env);
  return result.ok ? undefined : result.error;
}

function envelope(
  state: ReviewState,
  actor: ReviewActor,
  now: Date,
  pending: PendingEvent,
  index: number,
): ReviewEvent {
  return {
    type: pending.type,
    payload: pending.payload,
    eventId: `${state.reviewId}/${state.revision}/${index}`,
    reviewId: state.reviewId,
    caseNo: state.caseNo,
    unitId: state.unitId,
    occurredAt: now.toISOString(),
    actorId: actor.id,
  } as ReviewEvent;
}

function handle(state: ReviewState | null, command: ReviewCommand, now: Date, env: ReviewEnv): Step {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    fail('REVIEW.INVALID_INPUT', { field: 'now', problemZh: '无效的时间', problemEn: 'invalid instant' });
  }
  if (command.type === 'submit') {
    if (state !== null) fail('REVIEW.ALREADY_STARTED');
    return submit(command, now, env);
  }
  if (state === null) {
    return fail('REVIEW.WRONG_STATUS', {
      ...commandLabels(command.type),
      statusZh: '未报送',
      statusEn: 'not submitted yet',
    });
  }
  checkActor(command, state.unitId);
  checkStatus(state, command, env);
  // The handler table is complete by type; indexing it by a union loses the command's narrowing, hence the cast.
  const step = STEPS[command.type] as (state: ReviewState, command: ReviewCommand, ctx: StepContext) => Step;
  return step(state, command, { now, at: now.toISOString(), by: command.actor.id, env });
}
