import { bundledCalendar, CalendarNotCoveredError, WorkdayCalendar } from '@enforcement/workdays';
import { hypotheticalYear } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import { annualReportLimitOn, createAnnualReportCalendarActivities } from './annual-report-calendar.activities';

/** 00:00 Beijing time of a civil date, as an instant. */
const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

describe('D10 limits and their warnings (C2: one working day left, by the working-day calendar)', () => {
  const official = bundledCalendar();

  it('D10, C2, W1: a 15 January on a weekend is warned from the Friday before; a 31 January in the Spring Festival from the last working day before it — a make-up Sunday when that is the one (official 2017 and 2022 arrangements)', () => {
    // 2022: 15 January a Saturday; 31 January to 6 February off, Saturday 29 and Sunday 30 January worked (调休).
    expect(annualReportLimitOn('2022-01-15', official)).toMatchObject({
      deadline: startOf('2022-01-16'),
      warningAt: startOf('2022-01-14'),
      provisional: false,
    });
    expect(annualReportLimitOn('2022-01-31', official).warningAt).toBe(startOf('2022-01-30'));
    // 2017: 15 January a Sunday; 27 January to 2 February off.
    expect(annualReportLimitOn('2017-01-15', official).warningAt).toBe(startOf('2017-01-13'));
    expect(annualReportLimitOn('2017-01-31', official).warningAt).toBe(startOf('2017-01-26'));
    // A due date that is a working day is warned from its own start (2026: 15 January a Thursday).
    expect(annualReportLimitOn('2026-01-15', official).warningAt).toBe(startOf('2026-01-15'));
  });

  it('D10, W7, W3: on test calendars — a limit in the provisional year after the last arrangement says so; a year with no data is an error, never a guess', async () => {
    const calendar = WorkdayCalendar.fromYears([hypotheticalYear(2040)]);
    // 2041 is the provisional year, its holidays from the regulation: Thursday 31 January 2041 is 农历除夕, off with
    // the Spring Festival (正月初一 is 1 February), so the public limit is warned from Wednesday the 30th.
    const limits = await createAnnualReportCalendarActivities({ calendar: () => calendar }).computeAnnualReportLimits({
      at: '2041-01-01T00:05:00+08:00',
    });
    expect(limits.year).toBe(2040);
    expect(limits.publicBy).toMatchObject({ warningAt: startOf('2041-01-30'), provisional: true });
    // 15 January 2040 is a Sunday: warned from Friday the 13th (the hypothetical year has nothing off around it).
    expect(annualReportLimitOn('2040-01-15', calendar)).toMatchObject({
      warningAt: startOf('2040-01-13'),
      provisional: false,
    });
    expect(() => annualReportLimitOn('2043-01-15', calendar)).toThrow(CalendarNotCoveredError);
  });
});
