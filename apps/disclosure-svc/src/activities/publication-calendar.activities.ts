import type { PublicationLimit } from '@enforcement/domain';
import type { LegalPeriod, WorkdayCalendar } from '@enforcement/workdays';
import { startOfCivilDay } from '@enforcement/workdays';

export interface PublicationCalendarDeps {
  /** The service's current calendar (`currentCalendar`, kept current by CalendarSync, W4). */
  calendar: () => WorkdayCalendar;
}

/**
 * Limits are computed here, with the service's calendar, and kept in workflow history: workflow code never reads
 * the mutable calendar. A year without data (W3) throws CalendarNotCoveredError, which Temporal retries with
 * backoff until agency IT publishes the year — the limit is never guessed from weekends.
 */
export function createPublicationCalendarActivities({ calendar }: PublicationCalendarDeps) {
  return {
    /**
     * The instant `period` ends after an event at `from` (SPEC W5), the warning instant one working day before
     * (C2: the start of the limit's last day, when one working day is left), and whether it is provisional (W7).
     */
    async computePublicationLimit(input: { from: string; period: LegalPeriod }): Promise<PublicationLimit> {
      const current = calendar();
      const from = new Date(input.from);
      const deadline = current.deadline(from, input.period);
      const lastDay = current.civilDate(new Date(deadline.getTime() - 1));
      return {
        deadline: deadline.toISOString(),
        warningAt: startOfCivilDay(lastDay).toISOString(),
        provisional: current.touchesProvisional(from, deadline),
        calendarFingerprint: current.fingerprint,
      };
    },
  };
}

export type PublicationCalendarActivities = ReturnType<typeof createPublicationCalendarActivities>;
