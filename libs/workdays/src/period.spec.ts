import fc from 'fast-check';
import { CalendarNotCoveredError } from './calendar.errors';
import { WorkdayCalendar } from './calendar';
import { civilDate, endOfCivilDay } from './civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import type { LegalPeriod } from './period';

const calendar = WorkdayCalendar.fromYears(BUNDLED_YEAR_ARRANGEMENTS);

/** An instant written as Beijing wall-clock time, so the examples read like the case file would. */
const beijing = (wallClock: string) => new Date(`${wallClock}+08:00`);
const ends = (date: string) => endOfCivilDay(date).toISOString();
const deadlineOf = (eventAt: Date, period: LegalPeriod) => calendar.deadline(eventAt, period).toISOString();

describe('deadline (SPEC W5)', () => {
  it('W5: 3 working days from the Monday before National Day 2025 end at 24:00 on Friday 10 Oct', () => {
    // 30 Sep is the 1st; 1–8 Oct are holidays; 9 Oct the 2nd; 10 Oct the 3rd.
    expect(deadlineOf(beijing('2025-09-29T10:00:00'), { workdays: 3 })).toBe(ends('2025-10-10'));
    expect(ends('2025-10-10')).toBe('2025-10-10T16:00:00.000Z');
  });

  it('W5: a make-up Saturday counts as a working day of the period', () => {
    // 9 Oct, 10 Oct, then Saturday 11 Oct (调休上班).
    expect(deadlineOf(beijing('2025-09-30T16:30:00'), { workdays: 3 })).toBe(ends('2025-10-11'));
  });

  it('W5: the event day never counts, whether it is a holiday or a working day', () => {
    expect(deadlineOf(beijing('2025-10-03T09:00:00'), { workdays: 1 })).toBe(ends('2025-10-09'));
    expect(deadlineOf(beijing('2025-09-28T08:00:00'), { workdays: 1 })).toBe(ends('2025-09-29')); // make-up Sunday
    expect(deadlineOf(beijing('2025-03-12T00:00:00'), { workdays: 1 })).toBe(ends('2025-03-13'));
  });

  it('W5: the event’s civil date is taken in Beijing, not in the server’s zone', () => {
    // 00:30 on 30 Sep in Beijing is still 29 Sep in UTC and Los Angeles.
    const eventAt = new Date('2025-09-29T16:30:00Z');
    expect(civilDate(eventAt)).toBe('2025-09-30');
    expect(deadlineOf(eventAt, { workdays: 1 })).toBe(ends('2025-10-09'));
    expect(deadlineOf(new Date('2025-09-29T15:59:59Z'), { workdays: 1 })).toBe(ends('2025-09-30'));
  });

  it('W5: working-day periods follow mid-year changes (2015 Victory Day, 2019 Labour Day, 2020 extension)', () => {
    expect(deadlineOf(beijing('2015-09-02T10:00:00'), { workdays: 1 })).toBe(ends('2015-09-06'));
    expect(deadlineOf(beijing('2019-04-30T10:00:00'), { workdays: 1 })).toBe(ends('2019-05-05'));
    expect(deadlineOf(beijing('2020-01-23T10:00:00'), { workdays: 1 })).toBe(ends('2020-02-03'));
    expect(deadlineOf(beijing('2018-12-28T10:00:00'), { workdays: 2 })).toBe(ends('2019-01-02'));
  });

  it('W5: N days ending on a holiday extend to the end of the next working day', () => {
    // 24 Sep + 10 days = Saturday 4 Oct, inside National Day; next working day is Thursday 9 Oct.
    expect(deadlineOf(beijing('2025-09-24T15:00:00'), { days: 10 })).toBe(ends('2025-10-09'));
  });

  it('W5: N days ending on an ordinary weekend extend to Monday', () => {
    expect(deadlineOf(beijing('2025-03-12T15:00:00'), { days: 3 })).toBe(ends('2025-03-17'));
  });

  it('W5: N days ending on a make-up Saturday are not extended', () => {
    expect(deadlineOf(beijing('2025-10-01T12:00:00'), { days: 10 })).toBe(ends('2025-10-11'));
  });

  it('W5: N days ending on a working day end that day; the first day is not counted', () => {
    expect(deadlineOf(beijing('2025-03-10T23:00:00'), { days: 3 })).toBe(ends('2025-03-13'));
    expect(deadlineOf(beijing('2025-03-10T00:00:00'), { days: 1 })).toBe(ends('2025-03-11'));
  });

  it('W5: N hours are exact elapsed time, holidays included', () => {
    expect(deadlineOf(beijing('2025-09-30T20:00:00'), { hours: 24 })).toBe(
      beijing('2025-10-01T20:00:00').toISOString(),
    );
    expect(deadlineOf(beijing('2025-09-30T20:00:00'), { hours: 1.5 })).toBe(
      beijing('2025-09-30T21:30:00').toISOString(),
    );
  });

  it('W5: months clamp to the month end — 31 Jan + 1 month is 28 Feb, or 29 Feb in a leap year', () => {
    expect(deadlineOf(beijing('2025-01-31T10:00:00'), { months: 1 })).toBe(ends('2025-02-28'));
    expect(deadlineOf(beijing('2024-01-31T10:00:00'), { months: 1 })).toBe(ends('2024-02-29'));
  });

  it('W5: a clamped month end on a make-up Saturday stands; on a holiday it extends', () => {
    // 28 Feb 2026 is a Saturday worked in lieu of the Spring Festival break.
    expect(deadlineOf(beijing('2026-01-31T10:00:00'), { months: 1 })).toBe(ends('2026-02-28'));
    // 1 Sep + 1 month = 1 Oct 2025, National Day; next working day 9 Oct.
    expect(deadlineOf(beijing('2025-09-01T10:00:00'), { months: 1 })).toBe(ends('2025-10-09'));
    // 30 Nov + 3 months clamps to 28 Feb 2026, that same make-up Saturday.
    expect(deadlineOf(beijing('2025-11-30T10:00:00'), { months: 3 })).toBe(ends('2026-02-28'));
    // 31 Dec + 2 months clamps to the same day.
    expect(deadlineOf(beijing('2025-12-31T10:00:00'), { months: 2 })).toBe(ends('2026-02-28'));
  });

  it('W5: years land on the same day, 29 Feb clamps to 28 Feb, and holidays extend', () => {
    expect(deadlineOf(beijing('2024-02-29T10:00:00'), { years: 1 })).toBe(ends('2025-02-28'));
    expect(deadlineOf(beijing('2023-10-01T10:00:00'), { years: 1 })).toBe(ends('2024-10-08'));
    expect(deadlineOf(beijing('2015-06-15T10:00:00'), { years: 2 })).toBe(ends('2017-06-15'));
  });

  it('W5: a deadline is never before the event and always ends at a Beijing midnight for day-based periods', () => {
    const FIRST = Date.parse('2015-01-01T00:00:00+08:00');
    const LAST = Date.parse('2025-06-30T00:00:00+08:00');
    const period = fc.oneof(
      fc.integer({ min: 1, max: 60 }).map((workdays) => ({ workdays })),
      fc.integer({ min: 1, max: 90 }).map((days) => ({ days })),
      fc.integer({ min: 1, max: 12 }).map((months) => ({ months })),
      fc.integer({ min: 1, max: 1 }).map((years) => ({ years })),
    );
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), period, (ms, p) => {
        const eventAt = new Date(ms);
        const end = calendar.deadline(eventAt, p);
        expect(end.getTime()).toBeGreaterThan(ms);
        expect((end.getTime() + 8 * 3_600_000) % 86_400_000).toBe(0);
        // The last day of the period is a working day (extended if needed).
        expect(calendar.isWorkday(civilDate(new Date(end.getTime() - 1)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('W5: malformed periods are rejected', () => {
    const eventAt = beijing('2025-03-12T10:00:00');
    const bad = [
      { workdays: 0 },
      { workdays: -1 },
      { workdays: 1.5 },
      { days: Number.NaN },
      { hours: -1 },
      { hours: Number.POSITIVE_INFINITY },
      { months: 0 },
      {},
      { days: 1, hours: 2 },
    ];
    for (const period of bad) expect(() => calendar.deadline(eventAt, period as LegalPeriod)).toThrow(RangeError);
    expect(() => calendar.deadline(new Date(Number.NaN), { workdays: 1 })).toThrow(RangeError);
    expect(() => calendar.deadline(new Date(Number.NaN), { hours: 1 })).toThrow(RangeError);
  });

  it('W3: a deadline that needs a year without data throws CalendarNotCoveredError', () => {
    // W7 covers 2027 provisionally, so the first year without data is 2028.
    expect(() => calendar.deadline(beijing('2027-12-20T10:00:00'), { workdays: 10 })).toThrow(CalendarNotCoveredError);
    expect(() => calendar.deadline(beijing('2027-12-20T10:00:00'), { days: 30 })).toThrow(
      expect.objectContaining({ year: 2028 }),
    );
    // Hours need no calendar at all.
    expect(calendar.deadline(beijing('2027-12-31T10:00:00'), { hours: 48 }).toISOString()).toBe(
      beijing('2028-01-02T10:00:00').toISOString(),
    );
  });

  it('W7: a deadline reaching into the provisional year is computed from the derived holidays', () => {
    // Sun 20 Dec 2026 + 10 working days: 21–31 Dec gives 9, 1 Jan 2027 (Fri) is 元旦, so Mon 4 Jan is the 10th.
    expect(deadlineOf(beijing('2026-12-20T10:00:00'), { workdays: 10 })).toBe(ends('2027-01-04'));
    // 20 Dec + 30 days = Tue 19 Jan 2027, a working day.
    expect(deadlineOf(beijing('2026-12-20T10:00:00'), { days: 30 })).toBe(ends('2027-01-19'));
  });
});

describe('working days between instants and left before a deadline (SPEC W6)', () => {
  it('W6: workdaysBetween counts working days after the first instant’s date up to the second’s', () => {
    expect(calendar.workdaysBetween(beijing('2025-09-30T09:00:00'), beijing('2025-10-10T09:00:00'))).toBe(2);
    expect(calendar.workdaysBetween(beijing('2025-10-10T09:00:00'), beijing('2025-09-30T09:00:00'))).toBe(-2);
    expect(calendar.workdaysBetween(beijing('2025-10-10T09:00:00'), beijing('2025-10-10T18:00:00'))).toBe(0);
  });

  it('W6: workdaysLeft counts today and every working day up to the deadline', () => {
    const end = calendar.deadline(beijing('2025-09-29T10:00:00'), { workdays: 3 }); // 24:00 on 10 Oct
    expect(calendar.workdaysLeft(beijing('2025-09-30T09:00:00'), end)).toBe(3);
    expect(calendar.workdaysLeft(beijing('2025-10-05T09:00:00'), end)).toBe(2); // holiday: 9 and 10 Oct remain
    expect(calendar.workdaysLeft(beijing('2025-10-09T09:00:00'), end)).toBe(2);
    expect(calendar.workdaysLeft(beijing('2025-10-10T23:59:59'), end)).toBe(1);
    expect(calendar.workdaysLeft(end, end)).toBe(0);
    expect(calendar.workdaysLeft(beijing('2025-10-13T09:00:00'), end)).toBe(0);
  });

  it('W6: on the weekend before a Monday deadline one working day is left', () => {
    const mondayEnd = endOfCivilDay('2025-03-17');
    expect(calendar.workdaysLeft(beijing('2025-03-15T10:00:00'), mondayEnd)).toBe(1);
  });

  it('W6: a deadline in the middle of a day still leaves that day', () => {
    expect(calendar.workdaysLeft(beijing('2025-10-09T08:00:00'), beijing('2025-10-09T20:00:00'))).toBe(1);
    expect(calendar.workdaysLeft(beijing('2025-10-08T08:00:00'), beijing('2025-10-09T20:00:00'))).toBe(1);
  });

  it('W6: a calendar also answers civilDate and endOfCivilDay, so one object serves all deadline arithmetic', () => {
    expect(calendar.civilDate(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(calendar.endOfCivilDay('2025-10-10')).toEqual(endOfCivilDay('2025-10-10'));
  });

  it('W6: workdaysLeft equals the period length at the moment of the event', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2015-01-01T00:00:00+08:00'), max: Date.parse('2026-06-30T00:00:00+08:00') }),
        fc.integer({ min: 1, max: 60 }),
        (ms, workdays) => {
          const eventAt = new Date(ms);
          const end = calendar.deadline(eventAt, { workdays });
          const today = civilDate(eventAt);
          // Today counts only if it is a working day; the period itself starts tomorrow.
          expect(calendar.workdaysLeft(eventAt, end)).toBe(workdays + (calendar.isWorkday(today) ? 1 : 0));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
