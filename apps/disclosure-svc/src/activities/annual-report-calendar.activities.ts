import { annualReportDueDates, reportedYearOn, type PublicationLimit } from '@enforcement/domain';
import type { WorkdayCalendar } from '@enforcement/workdays';
import { endOfCivilDay, startOfCivilDay } from '@enforcement/workdays';

export interface AnnualReportLimits {
  year: number;
  submitBy: PublicationLimit;
  publicBy: PublicationLimit;
}

/**
 * D10 limits with the service's calendar (kept in workflow history, as every limit): the fixed January dates, each
 * warned at the start of the last working day on or before it (C2), provisional when that January is (W7).
 */
export function createAnnualReportCalendarActivities({ calendar }: { calendar: () => WorkdayCalendar }) {
  return {
    async computeAnnualReportLimits(input: { at: string; year?: number }): Promise<AnnualReportLimits> {
      const current = calendar();
      const year = input.year ?? reportedYearOn(current.civilDate(new Date(input.at)));
      const due = annualReportDueDates(year);
      const limit = (date: string): PublicationLimit => {
        let warnOn = date;
        // The calendar throws for an uncovered year (W3): Temporal retries until the arrangement is published.
        while (!current.isWorkday(warnOn)) warnOn = current.civilDate(new Date(startOfCivilDay(warnOn).getTime() - 1));
        return {
          deadline: endOfCivilDay(date).toISOString(),
          warningAt: startOfCivilDay(warnOn).toISOString(),
          provisional: current.isProvisional(date) || current.isProvisional(warnOn),
          calendarFingerprint: current.fingerprint,
        };
      };
      return { year, submitBy: limit(due.justiceBureau), publicBy: limit(due.public) };
    },
  };
}

export type AnnualReportCalendarActivities = ReturnType<typeof createAnnualReportCalendarActivities>;
