import { ActivityFailure, ApplicationFailure, sleep } from '@temporalio/workflow';
import {
  isPermanent,
  reasonOf,
  type ReviewBlockedOn,
  type ReviewBlockedStep,
  type ReviewFailureDetails,
} from '@enforcement/domain';

/*
 * What the review has durably recorded decides what it answers (issue 8 §3c): a command's new state is the review's
 * only once its persistence activities succeeded. Until then the view, the decision gate (L12) and every answer
 * show the last committed state. A step that cannot complete (blob store unwritable, database down) does not spin
 * unseen: after its retries are spent the review says what it waits on (`blockedOn`, with the last error), reports
 * it once, and tries again with a growing pause. Data the store refuses for good fails the command instead.
 */

/** Retries of a committing activity before the review shows it is blocked (then it keeps trying, visibly). */
export const COMMIT_ATTEMPTS = 5;
const FIRST_PAUSE_MS = 60_000;
const LONGEST_PAUSE_MS = 3_600_000;

/**
 * A failure of a committing step: an activity's, or a local activity's, which reaches the workflow as the activity's
 * own ApplicationFailure, unwrapped (issue 8 §7: the command's commit is a local activity).
 */
function isStepFailure(error: unknown): error is ActivityFailure | ApplicationFailure {
  return error instanceof ActivityFailure || error instanceof ApplicationFailure;
}

// Shared with the other services' workflows (issue 12): what retrying will not cure, and the innermost reason.
export { isPermanent, reasonOf };

export interface BlockedHooks {
  /** The step could not complete after its retries: show it (first time of an episode: `attempt` 1) and report it. */
  readonly blocked: (blockedOn: ReviewBlockedOn) => Promise<void> | void;
  /** The step completed after having been blocked. */
  readonly unblocked: () => void;
  /** Workflow time now, ISO-8601. */
  readonly now: () => string;
}

/**
 * Runs one committing step until it succeeds. A permanent failure is thrown at once; any other, after the
 * activity's own retries, marks the review blocked on `step` and is tried again after a pause (1 min, doubling to
 * 1 h) — never a silent endless retry.
 */
export async function untilDone<T>(step: ReviewBlockedStep, run: () => Promise<T>, hooks: BlockedHooks): Promise<T> {
  let since: string | null = null;
  let pause = FIRST_PAUSE_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await run();
      if (since !== null) hooks.unblocked();
      return result;
    } catch (error) {
      if (isPermanent(error) || !isStepFailure(error)) throw error;
      since ??= hooks.now();
      await hooks.blocked({ step, since, lastError: reasonOf(error), attempts: attempt * COMMIT_ATTEMPTS });
      await sleep(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}

/**
 * The refusal an update answers with when the store refused a command's data for good: the command did not happen
 * (category `invalid`, so 400 at the gateway); the review stays as it was.
 */
export function storeRefusedFailure(error: unknown): ApplicationFailure {
  const reason = reasonOf(error);
  const details: ReviewFailureDetails = {
    code: 'STORE.REFUSED' as ReviewFailureDetails['code'],
    category: 'invalid',
    message_zh: `数据无法保存，本次操作未生效：${reason}`,
    message_en: `The data could not be stored, so nothing was changed: ${reason}`,
  };
  return ApplicationFailure.create({
    type: details.code,
    message: `${details.code}: ${details.message_en}`,
    nonRetryable: true,
    details: [details],
  });
}

/** A command decided against a state that was never committed (an earlier command's write was refused). */
export function supersededFailure(): ApplicationFailure {
  const details: ReviewFailureDetails = {
    code: 'REVIEW.SUPERSEDED' as ReviewFailureDetails['code'],
    category: 'conflict',
    message_zh: '此前的操作未能保存，本次操作所依据的审核状态已失效，未生效；请查看审核后重试',
    message_en:
      'An earlier change could not be stored, so the state this command relied on never took effect; check the review and try again',
  };
  return ApplicationFailure.create({
    type: details.code,
    message: `${details.code}: ${details.message_en}`,
    nonRetryable: true,
    details: [details],
  });
}
