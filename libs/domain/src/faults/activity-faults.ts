import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { patched, proxyActivities } from '@temporalio/workflow';

/*
 * Issue 12 (faults), the workflow side of libs/platform's store-refusals: an activity that failed for good (typed
 * STORE.REFUSED or RULE.REFUSED, non-retryable) reaches the workflow once. The workflow then records it — in the
 * state its queries answer — and, where a person's command caused it, refuses the command with both languages, instead
 * of hanging on a retry that cannot succeed or dying without saying why. Workflow-safe: no I/O, no Node modules.
 */

/** Workflows check this patch before the audit row's activity, so histories from before it replay unchanged. */
export const STEP_FAILURES_PATCH = 'step-failures-recorded';

/** A step a workflow could not carry out, kept in its state for the page and the supervision that read it. */
export interface StepFailure {
  /** What the workflow was doing (`recordCaseChanges`, `deadline-notice`, …). */
  readonly step: string;
  /** Workflow time of the failure, ISO-8601. */
  readonly at: string;
  /** Typed code: STORE.REFUSED (the database refused the data), RULE.REFUSED's own code, or the failure's type. */
  readonly code: string;
  readonly reason: string;
}

/**
 * A failure of an activity or a local activity (whose own ApplicationFailure reaches the workflow unwrapped) that
 * retrying will not cure.
 */
export function isPermanent(error: unknown): boolean {
  if (error instanceof ApplicationFailure) return error.nonRetryable === true;
  if (!(error instanceof ActivityFailure)) return false;
  if (error.retryState === 'NON_RETRYABLE_FAILURE') return true;
  return error.cause instanceof ApplicationFailure && error.cause.nonRetryable === true;
}

/** The innermost message of a failure. */
export function reasonOf(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** The activity's own ApplicationFailure inside an ActivityFailure (or the failure itself). */
function applicationFailureOf(error: unknown): ApplicationFailure | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof ApplicationFailure) return current;
    current = current.cause;
  }
  return undefined;
}

/** The typed code of a permanent failure: a rule refusal's own code, else the failure's type. */
export function failureCodeOf(error: unknown): string {
  const failure = applicationFailureOf(error);
  const detail = failure?.details?.[0] as { code?: unknown } | undefined;
  if (failure?.type === 'RULE.REFUSED' && typeof detail?.code === 'string') return detail.code;
  return failure?.type ?? 'ACTIVITY.FAILED';
}

/** The record of a step that failed for good. */
export function stepFailure(step: string, error: unknown, at: string): StepFailure {
  return { step, at, code: failureCodeOf(error), reason: reasonOf(error) };
}

/** What a person is told when their command could not be stored for good: nothing changed, in both languages. */
export function notStoredMessage(error: unknown): { code: string; zh: string; en: string } {
  const failure = applicationFailureOf(error);
  const detail = failure?.details?.[0] as { code?: unknown; zh?: unknown; en?: unknown } | undefined;
  if (failure?.type === 'RULE.REFUSED' && typeof detail?.zh === 'string' && typeof detail.en === 'string') {
    return { code: String(detail.code), zh: `${detail.zh}；本次操作未生效`, en: `${detail.en}; nothing was changed` };
  }
  const reason = reasonOf(error);
  return {
    code: 'STORE.REFUSED',
    zh: `数据无法保存，本次操作未生效：${reason}`,
    en: `The data could not be stored, so nothing was changed: ${reason}`,
  };
}

/**
 * A command's refusal when its effect could not be stored for good: non-retryable, details `{code, zh, en}` as the
 * gateway's clients read them (a 4xx at the edge, never a 500).
 */
export function notStoredFailure(error: unknown): ApplicationFailure {
  const message = notStoredMessage(error);
  return ApplicationFailure.create({
    type: message.code,
    message: `${message.code}: ${message.en}`,
    nonRetryable: true,
    details: [message],
  });
}

/** A step failure as its audit row keeps it: with the workflow and the case or item it is about. */
export interface StepFailureRecord extends StepFailure {
  readonly workflowId: string;
  /** The case number or item id: the audit trail's subject (C3). */
  readonly subject: string;
  readonly unitId: string | null;
}

/** The activity every worker registers (libs/platform's step-failures.activities). */
export interface StepFailureActivities {
  recordStepFailure(input: StepFailureRecord): Promise<void>;
}

/** A workflow's list of steps that failed for good, and the ways it records one. */
export interface StepFailureLog {
  /** Newest last; the workflow's queries show it. */
  readonly failures: StepFailure[];
  /** Records a permanent failure: in the list, then through `keep` (an audit-row activity; its own failure ignored). */
  note(step: string, error: unknown): Promise<void>;
  /**
   * Runs a step that must not stop the workflow when it fails for good (an announcement, a retimed limit's record):
   * a permanent failure is noted and `undefined` returned; any other failure is the activity's retry policy's.
   */
  orNote<T>(step: string, run: () => Promise<T>): Promise<T | undefined>;
  /** Runs a step the workflow cannot go on without: a permanent failure is noted, then thrown (the run fails). */
  essential<T>(step: string, run: () => Promise<T>): Promise<T>;
  /**
   * Runs a person's command's effects: a permanent failure is noted and the command refused with `notStoredFailure`
   * (both languages, a 4xx at the edge); the caller keeps its state as it was.
   */
  command<T>(step: string, run: () => Promise<T>): Promise<T>;
}

/**
 * The log of a workflow's failed steps (issue 12). `keep` stores one durably (`recordStepFailure`, an audit row on the
 * case or item); `now` is the workflow's clock.
 */
export function stepFailureLog(keep: (failure: StepFailure) => Promise<void>, now: () => string): StepFailureLog {
  const failures: StepFailure[] = [];
  async function note(step: string, error: unknown): Promise<void> {
    const failure = stepFailure(step, error, now());
    failures.push(failure);
    try {
      await keep(failure);
    } catch {
      // Kept in the workflow's state already; the audit row is the second place it is recorded.
    }
  }
  return {
    failures,
    note,
    async orNote<T>(step: string, run: () => Promise<T>): Promise<T | undefined> {
      try {
        return await run();
      } catch (error) {
        if (!isPermanent(error)) throw error;
        await note(step, error);
        return undefined;
      }
    },
    async essential<T>(step: string, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (error) {
        if (isPermanent(error)) await note(step, error);
        throw error;
      }
    },
    async command<T>(step: string, run: () => Promise<T>): Promise<T> {
      try {
        return await run();
      } catch (error) {
        if (!isPermanent(error)) throw error;
        await note(step, error);
        throw notStoredFailure(error);
      }
    },
  };
}

/**
 * Inside a workflow: its failure log, each failure also kept as a `workflow.step-failed` audit row on `subject` by the
 * `recordStepFailure` activity (a few tries; the workflow's state keeps the failure regardless). Histories from before
 * step failures were recorded replay without that activity (`STEP_FAILURES_PATCH`).
 */
export function workflowStepFailures(where: {
  workflowId: string;
  subject: string;
  unitId: string | null;
}): StepFailureLog {
  const { recordStepFailure } = proxyActivities<StepFailureActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 10 },
  });
  return stepFailureLog(
    (failure) => (patched(STEP_FAILURES_PATCH) ? recordStepFailure({ ...where, ...failure }) : Promise.resolve()),
    () => new Date(Date.now()).toISOString(),
  );
}
