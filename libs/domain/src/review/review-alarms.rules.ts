/**
 * 超期预警 — which deadline alarms a review state needs (SPEC C2, L5, L6, L13): a warning before each running limit,
 * the report when it is missed, and the lapse of the supplement window (which ends the review as not accepted).
 * Pure, so the workflow only sleeps until the first alarm and the rule is tested without a Temporal server.
 */
import { warningAt } from './review-clock.rules';
import type { ReviewState } from './review.state';
import type { IsoInstant } from './review.types';
import { currentDeadline, reviewClockRunning, type ReviewEnv } from './review-steps.shared';

/** One time limit and its warning instant, as computed for the state's revision. */
export interface PlannedLimit {
  readonly deadline: IsoInstant;
  readonly warningAt: IsoInstant;
  /**
   * W7: the period from the limit's trigger to `deadline` touches a day of the calendar's provisional year, so the
   * deadline (and the warning counted back from it) may move when the official arrangement is published. Limits
   * kept in workflow histories from before W7 lack it: read absent as `false`.
   */
  readonly provisional: boolean;
}

/** The running limits of a state: the review limit (L6/L7) and the supplement window (L5). */
export interface RunningLimits {
  readonly review: PlannedLimit | null;
  readonly supplement: PlannedLimit | null;
}

/** A deadline notice or the supplement lapse, due at `at` (epoch ms). */
export interface ReviewAlarm {
  /** Identity of the notice; a key once sent is never planned again, even after a continue-as-new. */
  readonly key: string;
  readonly at: number;
  readonly kind: 'warning' | 'missed' | 'lapse';
  readonly limit: 'review-limit' | 'supplement-window';
  readonly deadline: IsoInstant;
  readonly warningAt: IsoInstant;
  /** W7: the limit is provisional (see `PlannedLimit.provisional`); the notice says so. */
  readonly provisional: boolean;
  /** Round the review limit belongs to; `null` before the first round. */
  readonly round: number | null;
}

/**
 * The limits running in `state` under `env`'s calendar: the review limit while the review clock runs — from the
 * complete materials, accepted or not (L6) — or is paused (then `null` until it resumes), the supplement window while the unit may supplement. The window keeps
 * the date the notice served, even if the calendar changes later. Throws the calendar's error for an uncovered year.
 */
export function runningLimits(state: ReviewState, env: ReviewEnv): RunningLimits {
  const planned = (deadline: Date, trigger: IsoInstant): PlannedLimit => ({
    deadline: deadline.toISOString(),
    warningAt: warningAt(deadline, env.calendar, env.policy.warningWorkdaysBefore).toISOString(),
    provisional: env.calendar.touchesProvisional?.(new Date(trigger), deadline) ?? false,
  });
  let review: PlannedLimit | null = null;
  if (reviewClockRunning(state)) {
    const deadline = currentDeadline(state, env);
    // The review clock runs from the complete materials (L6).
    const trigger = state.rounds[state.rounds.length - 1]?.completeMaterialsReceivedAt ?? state.submission.submittedAt;
    review = deadline === null ? null : planned(deadline, trigger);
  }
  const supplement =
    state.status === 'awaiting-supplement' && state.notice
      ? planned(new Date(state.notice.supplementDueBy), state.notice.noticeAt)
      : null;
  return { review, supplement };
}

/**
 * The alarms still to fire for `state`, earliest first, leaving out those in `sent`. The key names the deadline, so
 * a limit that moves (a pause, an extension, a new calendar) gets fresh alarms while a sent one is never repeated.
 */
export function plannedAlarms(state: ReviewState, limits: RunningLimits, sent: ReadonlySet<string>): ReviewAlarm[] {
  // Before acceptance a running review limit is round 1's, so its notices are not sent again once it is accepted.
  const round = state.rounds[state.rounds.length - 1]?.round ?? (reviewClockRunning(state) ? 1 : null);
  const list: ReviewAlarm[] = [];
  const add = (kind: ReviewAlarm['kind'], limit: ReviewAlarm['limit'], at: string, planned: PlannedLimit) => {
    const key = `${kind}:${limit}:${round ?? 0}:${planned.deadline}`;
    if (!sent.has(key)) {
      list.push({
        key,
        at: Date.parse(at),
        kind,
        limit,
        deadline: planned.deadline,
        warningAt: planned.warningAt,
        provisional: planned.provisional === true,
        round,
      });
    }
  };
  if (state.status === 'awaiting-supplement' && limits.supplement) {
    add('warning', 'supplement-window', limits.supplement.warningAt, limits.supplement);
    add('lapse', 'supplement-window', limits.supplement.deadline, limits.supplement);
  }
  if (reviewClockRunning(state) && limits.review) {
    add('warning', 'review-limit', limits.review.warningAt, limits.review);
    add('missed', 'review-limit', limits.review.deadline, limits.review);
  }
  return list.sort((a, b) => a.at - b.at);
}
