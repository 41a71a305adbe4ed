import type { Role } from '../access/roles';

/**
 * Vocabulary shared by the legal-review rules (SPEC L1–L13). Everything here is plain data so a review state can
 * live in Temporal workflow state and history: instants are ISO-8601 strings, never `Date` objects, because a
 * `Date` does not survive a JSON round trip as a `Date`.
 */

/** ISO-8601 instant in UTC as produced by `Date.prototype.toISOString()`, e.g. `2025-03-03T02:00:00.000Z`. */
export type IsoInstant = string;

/** Civil date in Asia/Shanghai, `YYYY-MM-DD`. */
export type CivilDate = string;

/** 当事人类型 — party type: natural person or organisation (legal person or other organisation). */
export type PartyType = 'person' | 'organisation';

/**
 * Role an actor acts in on a review: one of the shared roles of SPEC C1 (`Role`), or `system` for the workflow
 * itself acting on a timer (e.g. the supplement window running out), which no person holds.
 */
export type ReviewRole = Role | 'system';

/** The person (or the workflow, for `system`) issuing a command. */
export interface ReviewActor {
  /** Stable user id from the identity provider; `system:<workflowId>` for timer-driven commands. */
  readonly id: string;
  /**
   * Role the actor acts in for this command. A token may carry several roles (`Actor.roles`); the gateway picks
   * the one the person acts in, so each step of the record names one responsibility.
   */
  readonly role: ReviewRole;
  /** Unit (科室/大队) the actor belongs to; compared with the review's handling unit for ownership checks. */
  readonly unitId: string;
}

/**
 * The slice of `@enforcement/workdays` the review rules need. Callers pass the calendar in because it can change
 * at run time (SPEC W4); inside a workflow it must be a snapshot so replays compute the same deadlines.
 */
export interface WorkdayCalendarPort {
  /** Whether the civil date is a working day (W1). Throws for years the calendar does not cover (W3). */
  isWorkday(date: CivilDate): boolean;
  /** The `n`-th working day after `date`; `date` itself never counts. */
  addWorkdays(date: CivilDate, n: number): CivilDate;
  /** Number of working days `d` with `from < d <= to`. */
  countWorkdays(from: CivilDate, to: CivilDate): number;
  /** Asia/Shanghai civil date of an instant. */
  civilDate(instant: Date): CivilDate;
  /** The instant a civil date ends: 24:00 Asia/Shanghai (= 00:00 of the next day). */
  endOfCivilDay(date: CivilDate): Date;
  /**
   * W7: whether a day of the period `from`..`to` lies in the calendar's provisional year, i.e. whether a limit over
   * that period may still move when the official arrangement is published. Ports without it know no such year.
   */
  touchesProvisional?(from: Date, to: Date): boolean;
}
