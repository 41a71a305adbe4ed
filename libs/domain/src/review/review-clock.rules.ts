/**
 * Time rules of the legal review (SPEC L3, L5, L6, L7, L13/C2) as pure functions of instants and a calendar.
 *
 * Periods follow SPEC W5: "N working days" are the first N working days after the civil date of the triggering
 * event, and the period ends at 24:00 Asia/Shanghai of the N-th. A deadline is therefore an instant at midnight;
 * the civil day it closes is the day before that midnight, which is why `lastCivilDay` steps back one millisecond.
 */
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './review.policy';
import type { CivilDate, WorkdayCalendarPort } from './review.types';

/**
 * A span during which the review clock stood still: 专家论证 (expert consultation) or 核实情况 (verification with
 * officers or parties). Half-open `[start, end)`; `end: null` while it is still running.
 */
export interface PauseInterval {
  readonly start: Date;
  readonly end: Date | null;
}

/** Inputs of the review time limit (SPEC L6, L7). */
export interface ReviewClockInput {
  /** When the complete materials reached the legal-affairs section (提交完备的送审材料之日): the clock's origin. */
  readonly completeMaterialsReceivedAt: Date;
  /** 情况紧急 — 1 working day instead of 3. */
  readonly urgent: boolean;
  /** The supervising leader approved the one extension (案件复杂的，经分管领导批准可以延长). */
  readonly extensionApproved: boolean;
  /** Every pause of this review round, open or closed, in any order; they may overlap. */
  readonly pauses: readonly PauseInterval[];
  /**
   * 法律、法规和规章另有规定的，从其规定: a time limit set by a law for this kind of case replaces the 3/1 working
   * days. The extension, when approved, still adds to it.
   */
  readonly statutoryReviewWorkdays?: number;
}

/**
 * The smallest value the clock accepts for each setting it consumes (all whole working days). A catalogue version
 * is checked against these when it is published, so a setting the clock would refuse never reaches a review.
 */
export const CLOCK_SETTING_MINIMUMS = {
  standardReviewWorkdays: 1,
  urgentReviewWorkdays: 1,
  extensionWorkdays: 0,
  supplementWindowWorkdays: 1,
  submissionLeadWorkdays: 0,
  // A warning at the deadline itself would be the miss, not a warning (C2: before it runs out).
  warningWorkdaysBefore: 1,
} as const satisfies Partial<Record<keyof ReviewPolicy, number>>;

type ClockPolicy = Pick<ReviewPolicy, 'standardReviewWorkdays' | 'urgentReviewWorkdays' | 'extensionWorkdays'>;

/** Working days the review may take before pauses: 3, or 1 if urgent, or the statutory limit; plus 2 if extended. */
export function reviewPeriodWorkdays(input: ReviewClockInput, policy: ClockPolicy = DEFAULT_REVIEW_POLICY): number {
  const base =
    input.statutoryReviewWorkdays ?? (input.urgent ? policy.urgentReviewWorkdays : policy.standardReviewWorkdays);
  const total = base + (input.extensionApproved ? policy.extensionWorkdays : 0);
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new RangeError(`review period must be a positive whole number of working days, got ${String(total)}`);
  }
  return total;
}

/**
 * SPEC L6/L7: the instant the review time limit runs out, or `null` while an open pause has stopped the clock
 * before the limit was reached.
 *
 * The period's days are the first N working days after the receipt day that no pause touched for any part of the
 * day; a day touched by several pauses is skipped once. For pauses inside the period this is exactly "the deadline
 * moves later by the number of distinct paused working days". Two consequences follow from the regulation's wording
 * (the consultation time 不计算在内 — is not counted *in the period*) and are deliberate:
 * - a pause on the receipt day itself shifts nothing, because that day never counted;
 * - a pause begun after the limit had already run out does not revive it: an overdue review stays overdue (L13).
 */
export function reviewDeadline(
  input: ReviewClockInput,
  calendar: WorkdayCalendarPort,
  policy: ClockPolicy = DEFAULT_REVIEW_POLICY,
): Date | null {
  const needed = reviewPeriodWorkdays(input, policy);
  const receiptDay = calendar.civilDate(input.completeMaterialsReceivedAt);
  const paused = new Set<CivilDate>();
  let openSince: CivilDate | null = null;
  for (const pause of input.pauses) {
    if (pause.end === null) {
      const day = calendar.civilDate(pause.start);
      if (openSince === null || day < openSince) openSince = day;
    } else {
      for (const day of civilDaysTouched(pause.start, pause.end, calendar)) paused.add(day);
    }
  }
  let day = receiptDay;
  let counted = 0;
  // Terminates: closed pauses touch finitely many days, and an open pause returns as soon as it is reached.
  for (;;) {
    day = calendar.addWorkdays(day, 1);
    if (openSince !== null && day >= openSince) return null;
    if (paused.has(day)) continue;
    counted += 1;
    if (counted === needed) return calendar.endOfCivilDay(day);
  }
}

/**
 * Distinct working days touched by the pauses, ascending; an open pause counts up to `asOf`. For statistics and
 * for showing officers why a deadline moved.
 */
export function pausedWorkdays(
  pauses: readonly PauseInterval[],
  calendar: WorkdayCalendarPort,
  asOf?: Date,
): CivilDate[] {
  const days = new Set<CivilDate>();
  for (const pause of pauses) {
    const end = pause.end ?? asOf;
    if (end === undefined) throw new RangeError('an open pause needs `asOf` to be counted');
    for (const day of civilDaysTouched(pause.start, end, calendar)) {
      if (calendar.isWorkday(day)) days.add(day);
    }
  }
  return [...days].sort();
}

/** Civil days that `[start, end)` overlaps; none when the span is empty. */
function civilDaysTouched(start: Date, end: Date, calendar: WorkdayCalendarPort): CivilDate[] {
  if (!(end.getTime() > start.getTime())) return [];
  const last = lastCivilDay(end, calendar);
  const days: CivilDate[] = [];
  for (let day = calendar.civilDate(start); day <= last; day = nextCivilDay(day, calendar)) days.push(day);
  return days;
}

/** The civil day an instant closes: a deadline at 24:00 belongs to the day that just ended. */
export function lastCivilDay(instant: Date, calendar: WorkdayCalendarPort): CivilDate {
  return calendar.civilDate(new Date(instant.getTime() - 1));
}

function nextCivilDay(day: CivilDate, calendar: WorkdayCalendarPort): CivilDate {
  return calendar.civilDate(calendar.endOfCivilDay(day));
}

const MS_PER_DAY = 86_400_000;

function previousCivilDay(day: CivilDate, calendar: WorkdayCalendarPort): CivilDate {
  // Asia/Shanghai has no daylight saving, so every civil day is exactly 24 hours long.
  return calendar.civilDate(new Date(calendar.endOfCivilDay(day).getTime() - MS_PER_DAY - 1));
}

/**
 * Working days on which time remains before `deadline`, counting today when it is a working day; 0 once the
 * deadline has passed. Same convention as `workdaysLeft` of `@enforcement/workdays`, so the task inbox and the
 * deadline service never show two numbers for one limit.
 */
export function workdaysLeft(now: Date, deadline: Date, calendar: WorkdayCalendarPort): number {
  if (deadline.getTime() <= now.getTime()) return 0;
  const today = calendar.civilDate(now);
  const last = lastCivilDay(deadline, calendar);
  return calendar.countWorkdays(today, last) + (calendar.isWorkday(today) ? 1 : 0);
}

/**
 * SPEC L13/C2 超期预警: the instant to warn, `workdaysBefore` working days before the deadline — the end of the
 * working day that many working days before the deadline's last day. For a deadline at the end of Monday and the
 * default of 1 that is the end of the preceding Friday (or of the last working day before a holiday).
 */
export function warningAt(
  deadline: Date,
  calendar: WorkdayCalendarPort,
  workdaysBefore: number = DEFAULT_REVIEW_POLICY.warningWorkdaysBefore,
): Date {
  if (!Number.isSafeInteger(workdaysBefore) || workdaysBefore < CLOCK_SETTING_MINIMUMS.warningWorkdaysBefore) {
    throw new RangeError(`workdaysBefore must be a positive whole number, got ${String(workdaysBefore)}`);
  }
  let day = lastCivilDay(deadline, calendar);
  for (let found = 0; found < workdaysBefore;) {
    day = previousCivilDay(day, calendar);
    if (calendar.isWorkday(day)) found += 1;
  }
  return calendar.endOfCivilDay(day);
}

/**
 * SPEC L3: a submission is late unless at least `leadWorkdays` working days of the case's handling period remain
 * after the submission day (执法期限届满10个工作日前报送). Submitting on the last day that still leaves 10 working
 * days is on time; a submission on a rest day counts from the working days after it.
 *
 * Lateness is a flag, never a refusal, so a handling deadline in a year the calendar does not cover yet (W3) must
 * not stop the submission: the rule looks for the `leadWorkdays`-th working day after the submission day, and only
 * when the covered years prove it falls after the deadline's last day is the submission late. A deadline beyond the
 * covered years with that day out of reach is far away, so not late.
 */
export function isLateSubmission(
  submittedAt: Date,
  caseHandlingDeadline: Date,
  calendar: WorkdayCalendarPort,
  leadWorkdays: number = DEFAULT_REVIEW_POLICY.submissionLeadWorkdays,
): boolean {
  if (submittedAt.getTime() >= caseHandlingDeadline.getTime()) return true;
  const submissionDay = calendar.civilDate(submittedAt);
  const lastDay = lastCivilDay(caseHandlingDeadline, calendar);
  try {
    return calendar.addWorkdays(submissionDay, leadWorkdays) > lastDay;
  } catch (error) {
    if (!isNotCovered(error)) throw error;
  }
  // The lead ran past the covered years: late only if the deadline's own day is covered and too close.
  try {
    return calendar.countWorkdays(submissionDay, lastDay) < leadWorkdays;
  } catch (error) {
    if (!isNotCovered(error)) throw error;
    return false;
  }
}

/** The calendar's W3 refusal for a year it has no data for (`CalendarNotCoveredError` of @enforcement/workdays). */
function isNotCovered(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'WORKDAYS.CALENDAR_NOT_COVERED';
}

/** SPEC L5: end of the window for the one supplement after the one-time notice (default 5 working days). */
export function supplementDeadline(
  noticeAt: Date,
  calendar: WorkdayCalendarPort,
  windowWorkdays: number = DEFAULT_REVIEW_POLICY.supplementWindowWorkdays,
): Date {
  return calendar.endOfCivilDay(calendar.addWorkdays(calendar.civilDate(noticeAt), windowWorkdays));
}
