/**
 * The one adapter from a `@enforcement/workdays` calendar to the port the review rules take. The workflow (on its
 * snapshot), the deadline activity (on the service calendar) and the tests all build their port here, so the three
 * cannot drift apart on what a civil day or its end is.
 */
import { civilDate, endOfCivilDay, type WorkdayCalendar } from '@enforcement/workdays';
import type { WorkdayCalendarPort } from './review.types';

/** The working-day questions the review asks; a `WorkdayCalendar` answers all of them (W7's one included). */
export type ReviewCalendarSource = Pick<WorkdayCalendar, 'isWorkday' | 'addWorkdays' | 'countWorkdays'> &
  Partial<Pick<WorkdayCalendar, 'touchesProvisional'>>;

/** Adapts a calendar (the live one or a snapshot rebuilt with `WorkdayCalendar.fromYears`) to the review's port. */
export function reviewCalendarPort(calendar: ReviewCalendarSource): WorkdayCalendarPort {
  return {
    isWorkday: (date) => calendar.isWorkday(date),
    addWorkdays: (date, n) => calendar.addWorkdays(date, n),
    countWorkdays: (from, to) => calendar.countWorkdays(from, to),
    civilDate,
    endOfCivilDay,
    // A source without W7's answer (a test stub) has no provisional year.
    touchesProvisional: (from, to) => calendar.touchesProvisional?.(from, to) ?? false,
  };
}
