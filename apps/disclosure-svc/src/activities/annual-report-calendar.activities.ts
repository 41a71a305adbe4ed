import { annualReportDueDates, reportedYearOn, type PublicationLimit } from '@enforcement/domain';
import type { WorkdayCalendar } from '@enforcement/workdays';
import { endOfCivilDay, startOfCivilDay } from '@enforcement/workdays';

export interface AnnualReportLimits {
  year: number;
  submitBy: PublicationLimit;
  publicBy: PublicationLimit;
}

/**
 * A D10 limit on its fixed January date: it ends at 24:00 of that day, and is warned at the start of the last working
 * day on or before it — the day one working day is left, as every disclosure limit is warned (C2) — so a 15 January on
 * a Sunday is warned on Friday the 13th, not on the Sunday. Provisional when either day is (W7). The calendar throws
 * for an uncovered year (W3).
 */
export function annualReportLimitOn(date: string, calendar: WorkdayCalendar): PublicationLimit {
  let warnOn = date;
  while (!calendar.isWorkday(warnOn)) warnOn = calendar.civilDate(new Date(startOfCivilDay(warnOn).getTime() - 1));
  return {
    deadline: endOfCivilDay(date).toISOString(),
    warningAt: startOfCivilDay(warnOn).toISOString(),
    provisional: calendar.isProvisional(date) || calendar.isProvisional(warnOn),
    calendarFingerprint: calendar.fingerprint,
  };
}

/** D10 limits with the service's calendar (kept in workflow history, as every limit). */
export function createAnnualReportCalendarActivities({ calendar }: { calendar: () => WorkdayCalendar }) {
  return {
    async computeAnnualReportLimits(input: { at: string; year?: number }): Promise<AnnualReportLimits> {
      const current = calendar();
      const year = input.year ?? reportedYearOn(current.civilDate(new Date(input.at)));
      const due = annualReportDueDates(year);
      // Temporal retries while the calendar lacks the January (W3) until the arrangement is published.
      return {
        year,
        submitBy: annualReportLimitOn(due.justiceBureau, current),
        publicBy: annualReportLimitOn(due.public, current),
      };
    },
  };
}

export type AnnualReportCalendarActivities = ReturnType<typeof createAnnualReportCalendarActivities>;
