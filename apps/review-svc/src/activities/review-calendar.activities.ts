import { ApplicationFailure } from '@temporalio/common';
import {
  reviewCalendarPort,
  runningLimits,
  type IsoInstant,
  type ReviewPolicy,
  type ReviewState,
} from '@enforcement/domain';
import type { WorkdayCalendar, YearArrangement } from '@enforcement/workdays';

/** The calendar as plain data, for the workflow to rebuild deterministically (SPEC W4: it can change at run time). */
export interface CalendarSnapshot {
  /** Content hash of the working-day pattern (`WorkdayCalendar.fingerprint`) of the whole service calendar. */
  readonly fingerprint: string;
  /** Arrangements of the years from `fromYear` on; older years cannot matter to a review still open. */
  readonly arrangements: readonly YearArrangement[];
}

/** One time limit and its warning instant (C2). */
export interface ComputedLimit {
  readonly deadline: IsoInstant;
  readonly warningAt: IsoInstant;
  /**
   * W7: the period from the limit's trigger (complete materials, or the one-time notice) to `deadline` touches a day
   * of the service calendar's provisional year, so both instants may move when the official year is published.
   * Results recorded in histories before W7 lack it: read absence as `false`.
   */
  readonly provisional: boolean;
}

/** The review's running limits, computed with the service's current calendar; kept in workflow history. */
export interface ComputedDeadlines {
  /** Revision of the state they were computed for. */
  readonly revision: number;
  /** Fingerprint of the calendar used; the workflow reloads its snapshot when it differs from its own. */
  readonly fingerprint: string;
  /** Review limit (L6/L7) of the current round; `null` outside the review or while a pause holds the clock. */
  readonly review: ComputedLimit | null;
  /** Supplement window (L5) while the unit may supplement; `null` otherwise. */
  readonly supplement: ComputedLimit | null;
  /** Set when the calendar cannot compute a limit (a year without data, W3); the workflow waits for a new calendar. */
  readonly uncoveredYear: number | null;
}

export interface ReviewCalendarActivityDeps {
  /** The service's current calendar (`currentCalendar` of @enforcement/workdays, kept current by CalendarSync). */
  calendar: () => WorkdayCalendar;
}

/**
 * Activities that read the calendar. Workflow code must not read the process's mutable calendar, so every answer
 * that depends on it is computed here and kept in history. Both are pure reads, so retries are harmless.
 */
export function createReviewCalendarActivities({ calendar }: ReviewCalendarActivityDeps) {
  return {
    /** The service's calendar, from `fromYear` on, as data the workflow rebuilds with `WorkdayCalendar.fromYears`. */
    async snapshotReviewCalendar(input: { fromYear: number }): Promise<CalendarSnapshot> {
      const current = calendar();
      const arrangements = current.years
        .filter((year) => year >= input.fromYear)
        .map((year) => current.arrangement(year))
        .filter((arrangement): arrangement is YearArrangement => arrangement !== undefined);
      return { fingerprint: current.fingerprint, arrangements };
    },

    /**
     * The review limit (3/1 working days, +2 if extended, moved by paused days — the reducer's `currentDeadline`),
     * the supplement window of the one-time notice, their warning instants, and whether each is provisional (W7).
     */
    async computeReviewDeadlines(input: { state: ReviewState; policy: ReviewPolicy }): Promise<ComputedDeadlines> {
      const { state, policy } = input;
      const current = calendar();
      const port = reviewCalendarPort(current);
      try {
        const { review, supplement } = runningLimits(state, { calendar: port, policy });
        return { revision: state.revision, fingerprint: current.fingerprint, review, supplement, uncoveredYear: null };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'WORKDAYS.CALENDAR_NOT_COVERED') {
          const year = Number((error as { year?: unknown }).year);
          return {
            revision: state.revision,
            fingerprint: current.fingerprint,
            review: null,
            supplement: null,
            uncoveredYear: Number.isFinite(year) ? year : null,
          };
        }
        // Anything else is a bug in the rules or the input: retrying would not help.
        throw ApplicationFailure.nonRetryable((error as Error).message, 'REVIEW.DEADLINE_COMPUTATION_FAILED');
      }
    },
  };
}

export type ReviewCalendarActivities = ReturnType<typeof createReviewCalendarActivities>;
