import type { PublicationLimit } from '@enforcement/domain';
import type { LegalPeriod, WorkdayCalendar } from '@enforcement/workdays';
import { CalendarNotCoveredError, civilDate, endOfCivilDay, startOfCivilDay } from '@enforcement/workdays';

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
  /**
   * The instant `period` ends after an event at `from` (SPEC W5), the warning instant one working day before
   * (C2: the start of the limit's last day, when one working day is left), and whether it is provisional (W7).
   */
  async function computePublicationLimit(input: { from: string; period: LegalPeriod }): Promise<PublicationLimit> {
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
  }

  return {
    computePublicationLimit,

    /**
     * D7: the end of an "N years" period (W5). Years ahead are rarely covered by the calendar (arrangements are
     * published one year at a time), so when the last year is not covered the answer is the end of the
     * same-numbered day with `exact: false`: the workflow waits until then and asks again, when that year's
     * arrangement is known and a non-working last day can be extended.
     */
    async computePeriodEnd(input: { from: string; years: number }): Promise<PublicationLimit & { exact: boolean }> {
      const current = calendar();
      try {
        const limit = await computePublicationLimit({ from: input.from, period: { years: input.years } });
        // A provisional year (W7) may still move: exact only once the official arrangement is known.
        return { ...limit, exact: !limit.provisional };
      } catch (error) {
        if (!(error instanceof CalendarNotCoveredError)) throw error;
        const deadline = endOfCivilDay(sameDayYearsLater(civilDate(new Date(input.from)), input.years));
        return {
          deadline: deadline.toISOString(),
          warningAt: startOfCivilDay(current.civilDate(new Date(deadline.getTime() - 1))).toISOString(),
          provisional: true,
          calendarFingerprint: current.fingerprint,
          exact: false,
        };
      }
    },
  };
}

/** 'YYYY-MM-DD' plus `years`, the same-numbered day, 29 February clamped to the 28th (W5). */
export function sameDayYearsLater(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type PublicationCalendarActivities = ReturnType<typeof createPublicationCalendarActivities>;
