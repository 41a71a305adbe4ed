import { WorkdayCalendar } from './calendar';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import type { LegalPeriod } from './period';

/**
 * The process-wide calendar behind the module-level functions: the bundled data plus whatever arrangements the
 * running service has loaded since (SPEC W4 — a new year or a local correction takes effect without a release),
 * plus the provisional year after the latest of them (SPEC W7). Loading the official arrangement of the provisional
 * year replaces the derived one and makes the following year provisional; years beyond that stay uncovered (W3).
 *
 * Built lazily so that importing the library costs nothing and runs no code that Temporal's workflow sandbox
 * would object to. Workflow code should not rely on this mutable state for decisions that must replay identically:
 * record `calendarVersion().fingerprint` with a computed deadline, or pass arrangements in and use
 * `WorkdayCalendar.fromYears` explicitly.
 */

let bundled: WorkdayCalendar | undefined;
let active: WorkdayCalendar | undefined;
let revision = 0;

/** The calendar built from the data shipped with this release: 2015–2026, and 2027 provisionally (W7). */
export function bundledCalendar(): WorkdayCalendar {
  bundled ??= WorkdayCalendar.fromYears(BUNDLED_YEAR_ARRANGEMENTS);
  return bundled;
}

/** The calendar every module-level function uses right now. */
export function currentCalendar(): WorkdayCalendar {
  active ??= bundledCalendar();
  return active;
}

/**
 * Validates `arrangement` and makes it part of the active calendar, adding a year or replacing one. Throws
 * `InvalidYearArrangementError` (with every issue) and leaves the active calendar unchanged when it is invalid.
 * Services call this when a calendar update arrives, and at start-up for each stored arrangement.
 */
export function loadYearArrangement(arrangement: unknown): WorkdayCalendar {
  const next = currentCalendar().withYear(arrangement);
  active = next;
  revision++;
  return next;
}

/** Replaces the active calendar wholesale, e.g. with one rebuilt from the arrangements a service has stored. */
export function useCalendar(calendar: WorkdayCalendar): void {
  if (!(calendar instanceof WorkdayCalendar)) throw new TypeError('useCalendar expects a WorkdayCalendar');
  active = calendar;
  revision++;
}

/** Back to the bundled data only; for tests and for an operator undoing runtime loads. */
export function resetCalendar(): void {
  active = undefined;
  revision++;
}

/** Identifies the active calendar, so a caller holding a computed deadline can tell whether the calendar changed. */
export interface CalendarVersion {
  /** Increases on every load, replace or reset in this process; meaningful only within the process. */
  readonly revision: number;
  /** Content hash of the working-day pattern; equal across processes for equal calendars. */
  readonly fingerprint: string;
  /** Years with a published arrangement (bundled or loaded), ascending. */
  readonly years: readonly number[];
  /** SPEC W7: the year covered provisionally, derived from the national holiday regulation; null if none. */
  readonly provisionalYear: number | null;
}

export function calendarVersion(): CalendarVersion {
  const calendar = currentCalendar();
  return {
    revision,
    fingerprint: calendar.fingerprint,
    years: calendar.years,
    provisionalYear: calendar.provisionalYear ?? null,
  };
}

/** SPEC W7 — whether a civil date lies in the provisional year; see `WorkdayCalendar.isProvisional`. */
export function isProvisional(date: string): boolean {
  return currentCalendar().isProvisional(date);
}

/**
 * SPEC W7 — whether the period between two instants (trigger to deadline) touches a provisional day, so the deadline
 * must be shown as provisional; see `WorkdayCalendar.touchesProvisional`.
 */
export function touchesProvisional(from: Date, to: Date): boolean {
  return currentCalendar().touchesProvisional(from, to);
}

/** SPEC W1 — see `WorkdayCalendar.isWorkday`. */
export function isWorkday(date: string): boolean {
  return currentCalendar().isWorkday(date);
}

/** The n-th working day after `date` (`date` never counts; n = 0 returns `date`) — see `WorkdayCalendar.addWorkdays`. */
export function addWorkdays(date: string, n: number): string {
  return currentCalendar().addWorkdays(date, n);
}

/** Working days d with from < d <= to; negative when `to` < `from` — see `WorkdayCalendar.countWorkdays`. */
export function countWorkdays(from: string, to: string): number {
  return currentCalendar().countWorkdays(from, to);
}

/** SPEC W5 — see `WorkdayCalendar.deadline`. */
export function deadline(eventAt: Date, period: LegalPeriod): Date {
  return currentCalendar().deadline(eventAt, period);
}

/** SPEC W6 — see `WorkdayCalendar.workdaysBetween`. */
export function workdaysBetween(a: Date, b: Date): number {
  return currentCalendar().workdaysBetween(a, b);
}

/** SPEC W6 — see `WorkdayCalendar.workdaysLeft`. */
export function workdaysLeft(now: Date, deadlineAt: Date): number {
  return currentCalendar().workdaysLeft(now, deadlineAt);
}
