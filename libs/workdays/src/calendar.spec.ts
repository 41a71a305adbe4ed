import fc from 'fast-check';
import { CalendarNotCoveredError, InvalidCivilDateError, InvalidYearArrangementError } from './calendar.errors';
import { WorkdayCalendar } from './calendar';
import { daysFromCivil, formatCivilDate, isWeekend, parseCivilDate } from './civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import type { YearArrangement } from './year-arrangement';

const calendar = WorkdayCalendar.fromYears(BUNDLED_YEAR_ARRANGEMENTS);

/**
 * Reference implementation read straight off the data, one day at a time: slow and obviously right, so the indexed
 * calendar has something independent to be compared with.
 */
const naive = (() => {
  const off = new Set<string>();
  const worked = new Set<string>();
  for (const arrangement of BUNDLED_YEAR_ARRANGEMENTS) {
    for (const holiday of arrangement.holidays) for (const date of holiday.days) off.add(date);
    for (const date of arrangement.makeupWorkdays) worked.add(date);
  }
  const isWorkday = (day: number) => {
    const date = formatCivilDate(day);
    return worked.has(date) || (!off.has(date) && !isWeekend(day));
  };
  return {
    isWorkday,
    addWorkdays(date: string, n: number): string {
      let day = parseCivilDate(date);
      for (let left = n; left > 0;) if (isWorkday(++day)) left--;
      return formatCivilDate(day);
    },
  };
})();

const FIRST = daysFromCivil(2015, 1, 1);
const LAST = daysFromCivil(2026, 12, 31);
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const coveredDate = fc.integer({ min: FIRST, max: LAST }).map(formatCivilDate);

describe('WorkdayCalendar', () => {
  it('W1: Monday–Friday work, weekends rest, holidays on weekdays rest, make-up weekend days work', () => {
    expect(calendar.isWorkday('2025-03-12')).toBe(true); // ordinary Wednesday
    expect(calendar.isWorkday('2025-03-15')).toBe(false); // ordinary Saturday
    expect(calendar.isWorkday('2025-10-08')).toBe(false); // Wednesday inside National Day
    expect(calendar.isWorkday('2025-10-11')).toBe(true); // make-up Saturday
    expect(calendar.isWorkday('2025-09-28')).toBe(true); // make-up Sunday
    expect(calendar.isWorkday('2024-02-09')).toBe(true); // New Year's Eve 2024 was not a holiday
  });

  it('W1: the full 2015–2026 sweep agrees day by day with the naive reference built from the data', () => {
    let mismatches = 0;
    let workdays = 0;
    for (let day = FIRST; day <= LAST; day++) {
      const date = formatCivilDate(day);
      const expected = naive.isWorkday(day);
      if (calendar.isWorkday(date) !== expected) mismatches++;
      if (expected) workdays++;
      // The running naive count must equal the indexed count from the first covered day.
      if (calendar.countWorkdays('2015-01-01', date) !== workdays - (naive.isWorkday(FIRST) ? 1 : 0)) mismatches++;
      if (day < LAST - 20 && calendar.addWorkdays(date, 1) !== naive.addWorkdays(date, 1)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('W1: addWorkdays agrees with the naive walk for random dates and distances', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 400 }), (date, n) => {
        fc.pre(parseCivilDate(date) + n * 2 + 30 < LAST);
        expect(calendar.addWorkdays(date, n)).toBe(n === 0 ? date : naive.addWorkdays(date, n));
      }),
      { numRuns: 500 },
    );
  });

  /** A distance that keeps the walk inside the covered years, drawn as a fraction of what is left. */
  const dateAndReachableN = fc
    .tuple(coveredDate, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }))
    .map(([date, fraction]) => [date, Math.floor(fraction * calendar.countWorkdays(date, '2026-12-31'))] as const);

  it('W1: countWorkdays(d, addWorkdays(d, n)) === n', () => {
    fc.assert(
      fc.property(dateAndReachableN, ([date, n]) => {
        expect(calendar.countWorkdays(date, calendar.addWorkdays(date, n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('W1: addWorkdays is strictly increasing in n', () => {
    fc.assert(
      fc.property(dateAndReachableN, fc.nat(), ([date, m], k) => {
        fc.pre(m > 0);
        const n = k % m;
        expect(calendar.addWorkdays(date, n) < calendar.addWorkdays(date, m)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('W1: addWorkdays(d, n) is a working day for every n >= 1', () => {
    fc.assert(
      fc.property(dateAndReachableN, ([date, n]) => {
        fc.pre(n >= 1);
        expect(calendar.isWorkday(calendar.addWorkdays(date, n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('W1: addWorkdays never counts the start date and returns it unchanged for n = 0', () => {
    expect(calendar.addWorkdays('2025-03-12', 0)).toBe('2025-03-12');
    expect(calendar.addWorkdays('2025-10-04', 0)).toBe('2025-10-04');
    expect(calendar.addWorkdays('2025-03-12', 1)).toBe('2025-03-13');
    expect(calendar.addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkdays('2025-10-03', 1)).toBe('2025-10-09');
    expect(calendar.addWorkdays('2025-10-10', 1)).toBe('2025-10-11'); // make-up Saturday counts
    expect(calendar.addWorkdays('2018-12-28', 2)).toBe('2019-01-02'); // across the 2019 New Year break
  });

  it('W1: addWorkdays rejects negative, fractional and non-numeric n with a RangeError', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number]) {
      expect(() => calendar.addWorkdays('2025-03-12', n)).toThrow(RangeError);
    }
  });

  it('W1: countWorkdays counts from < d <= to and is antisymmetric', () => {
    expect(calendar.countWorkdays('2025-09-30', '2025-10-10')).toBe(2);
    expect(calendar.countWorkdays('2025-10-10', '2025-09-30')).toBe(-2);
    expect(calendar.countWorkdays('2025-03-12', '2025-03-12')).toBe(0);
    expect(calendar.countWorkdays('2025-03-14', '2025-03-17')).toBe(1);
    fc.assert(
      fc.property(coveredDate, coveredDate, (a, b) => {
        expect(calendar.countWorkdays(a, b) + calendar.countWorkdays(b, a)).toBe(0);
      }),
    );
  });

  it('W1: malformed dates are rejected, never guessed', () => {
    expect(() => calendar.isWorkday('2025-02-30')).toThrow(InvalidCivilDateError);
    expect(() => calendar.addWorkdays('2025/03/12', 1)).toThrow(InvalidCivilDateError);
    expect(() => calendar.countWorkdays('2025-03-12', 'tomorrow')).toThrow(InvalidCivilDateError);
  });

  it('W3: a year without data throws CalendarNotCoveredError naming the year', () => {
    const error = thrown(() => calendar.isWorkday('2027-01-04')) as CalendarNotCoveredError;
    expect(error).toBeInstanceOf(CalendarNotCoveredError);
    expect(error.code).toBe('WORKDAYS.CALENDAR_NOT_COVERED');
    expect(error.year).toBe(2027);
    expect(error.message).toContain('2027 年');
    expect(error.message).toContain('no holiday arrangement for 2027');
    expect((thrown(() => calendar.isWorkday('2014-12-31')) as CalendarNotCoveredError).year).toBe(2014);
    expect((thrown(() => calendar.countWorkdays('2014-12-31', '2015-01-05')) as CalendarNotCoveredError).year).toBe(
      2014,
    );
  });

  it('W3: an addWorkdays walk that runs past the last covered year throws instead of guessing weekends', () => {
    const lastWorkday = calendar.addWorkdays('2026-12-30', 1);
    expect(lastWorkday).toBe('2026-12-31');
    expect(() => calendar.addWorkdays('2026-12-30', 2)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.addWorkdays('2026-12-31', 1)).toThrow(expect.objectContaining({ year: 2027 }));
  });

  it('W3: an empty calendar covers nothing', () => {
    const empty = WorkdayCalendar.fromYears([]);
    expect(empty.years).toEqual([]);
    expect(() => empty.isWorkday('2025-03-12')).toThrow(expect.objectContaining({ year: 2025 }));
    expect(() => empty.addWorkdays('2025-03-12', 1)).toThrow(CalendarNotCoveredError);
  });

  it('W3: a gap between loaded years is an error, not a year of holidays', () => {
    const gapped = WorkdayCalendar.fromYears(
      BUNDLED_YEAR_ARRANGEMENTS.filter((arrangement) => arrangement.year === 2023 || arrangement.year === 2025),
    );
    expect(gapped.years).toEqual([2023, 2025]);
    expect(gapped.isWorkday('2025-10-11')).toBe(true);
    expect(() => gapped.isWorkday('2024-03-12')).toThrow(expect.objectContaining({ year: 2024 }));
    expect(() => gapped.addWorkdays('2023-12-29', 1)).toThrow(expect.objectContaining({ year: 2024 }));
    expect(() => gapped.countWorkdays('2023-06-01', '2025-06-01')).toThrow(expect.objectContaining({ year: 2024 }));
    expect(gapped.countWorkdays('2025-01-01', '2025-12-31')).toBe(calendar.countWorkdays('2025-01-01', '2025-12-31'));
  });

  it('W4: withYear returns a new calendar and leaves the original untouched', () => {
    const original2025 = calendar.arrangement(2025)!;
    const corrected: YearArrangement = {
      ...original2025,
      sources: [...original2025.sources, { title: '本地更正（测试）', issuedOn: '2025-03-01' }],
      makeupWorkdays: original2025.makeupWorkdays.filter((date) => date !== '2025-10-11'),
    };
    const next = calendar.withYear(corrected);
    expect(next).not.toBe(calendar);
    expect(next.isWorkday('2025-10-11')).toBe(false);
    expect(calendar.isWorkday('2025-10-11')).toBe(true);
    expect(next.fingerprint).not.toBe(calendar.fingerprint);
    expect(next.years).toEqual(calendar.years);
  });

  it('W4: withYear and fromYears validate their input and reject a repeated year', () => {
    expect(() => calendar.withYear({ year: 2027 })).toThrow(InvalidYearArrangementError);
    const twice = () => WorkdayCalendar.fromYears([BUNDLED_YEAR_ARRANGEMENTS[0], BUNDLED_YEAR_ARRANGEMENTS[0]]);
    const error = thrown(twice) as InvalidYearArrangementError;
    expect(error.code).toBe('WORKDAYS.INVALID_YEAR_ARRANGEMENT');
    expect(error.issues[0]).toMatchObject({ path: '[1].year', code: 'WORKDAYS.YEAR_DUPLICATE' });
  });

  it('W4: equal calendars have equal fingerprints, whatever order the years are given in', () => {
    const reversed = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS].reverse());
    expect(reversed.fingerprint).toBe(calendar.fingerprint);
    expect(calendar.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});
