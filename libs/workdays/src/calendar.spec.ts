import fc from 'fast-check';
import { CalendarNotCoveredError, InvalidCivilDateError, InvalidYearArrangementError } from './calendar.errors';
import { WorkdayCalendar } from './calendar';
import { daysFromCivil, endOfCivilDay, formatCivilDate, isWeekend, parseCivilDate } from './civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import { hypotheticalYear } from './testing/year-arrangement.fixture';
import type { YearArrangement } from './year-arrangement';

const calendar = WorkdayCalendar.fromYears(BUNDLED_YEAR_ARRANGEMENTS);
/** The bundled data without W7's provisional year, as every calendar was before it. */
const publishedOnly = WorkdayCalendar.fromYears(BUNDLED_YEAR_ARRANGEMENTS, { provisionalYear: false });

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
    // W7 covers 2027 provisionally, so the first year without data is 2028 (2027 itself in a published-only calendar).
    const error = thrown(() => calendar.isWorkday('2028-01-04')) as CalendarNotCoveredError;
    expect(error).toBeInstanceOf(CalendarNotCoveredError);
    expect(error.code).toBe('WORKDAYS.CALENDAR_NOT_COVERED');
    expect(error.year).toBe(2028);
    expect(error.message).toContain('2028 年');
    expect(error.message).toContain('no holiday arrangement for 2028');
    expect((thrown(() => publishedOnly.isWorkday('2027-01-04')) as CalendarNotCoveredError).year).toBe(2027);
    expect((thrown(() => calendar.isWorkday('2014-12-31')) as CalendarNotCoveredError).year).toBe(2014);
    expect((thrown(() => calendar.countWorkdays('2014-12-31', '2015-01-05')) as CalendarNotCoveredError).year).toBe(
      2014,
    );
  });

  it('W3: an addWorkdays walk that runs past the last covered year throws instead of guessing weekends', () => {
    // W7 moved the end of coverage from 2026 to the provisional 2027; the same walk, one year on.
    expect(calendar.addWorkdays('2027-12-30', 1)).toBe('2027-12-31');
    expect(() => calendar.addWorkdays('2027-12-30', 2)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.addWorkdays('2027-12-31', 1)).toThrow(expect.objectContaining({ year: 2028 }));
    expect(publishedOnly.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
    expect(() => publishedOnly.addWorkdays('2026-12-31', 1)).toThrow(expect.objectContaining({ year: 2027 }));
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

describe('the provisional year (SPEC W7)', () => {
  /** An instant written as Beijing wall-clock time. */
  const beijing = (wallClock: string) => new Date(`${wallClock}+08:00`);

  it('W7: the calendar covers the year after the latest published one provisionally, and says which days those are', () => {
    expect(calendar.years).toEqual(BUNDLED_YEAR_ARRANGEMENTS.map((a) => a.year));
    expect(calendar.provisionalYear).toBe(2027);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(calendar.isProvisionalYear(2026)).toBe(false);
    expect(calendar.isProvisional('2027-01-01')).toBe(true);
    expect(calendar.isProvisional('2027-12-31')).toBe(true);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2028-01-01')).toBe(false); // not covered at all (W3), hence not provisional
    expect(() => calendar.isProvisional('2027-02-30')).toThrow(InvalidCivilDateError);
    expect(calendar.arrangement(2027)).toMatchObject({ year: 2027, provisional: true, makeupWorkdays: [] });
    expect(calendar.arrangement(2026)?.provisional).toBeUndefined();
  });

  it('W7: a holiday falling on a Sunday is made up on the next working day', () => {
    // Spring Festival 2027: 除夕 Fri 5 Feb to 初三 Mon 8 Feb; Sat 6 and Sun 7 are made up on Tue 9 and Wed 10.
    for (const date of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'])
      expect(calendar.isWorkday(date)).toBe(false);
    expect(calendar.isWorkday('2027-02-11')).toBe(true);
    expect(calendar.addWorkdays('2027-02-04', 1)).toBe('2027-02-11');
    // No make-up working days: the Saturday after National Day stays a rest day.
    expect(calendar.isWorkday('2027-10-09')).toBe(false);
    expect(calendar.addWorkdays('2027-09-30', 1)).toBe('2027-10-06');
  });

  it('W7: two years out is still not covered (W3)', () => {
    expect(() => calendar.isWorkday('2028-01-03')).toThrow(expect.objectContaining({ year: 2028 }));
    expect(() => calendar.addWorkdays('2027-12-31', 1)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.countWorkdays('2027-06-01', '2028-06-01')).toThrow(expect.objectContaining({ year: 2028 }));
    expect(() => calendar.deadline(beijing('2027-12-30T10:00:00'), { days: 5 })).toThrow(CalendarNotCoveredError);
  });

  it('W7: a period touches the provisional year only if one of its days lies in it; a deadline at 24:00 on 31 Dec does not', () => {
    const endOf2026 = endOfCivilDay('2026-12-31');
    expect(calendar.touchesProvisional(beijing('2026-12-20T10:00:00'), endOf2026)).toBe(false);
    expect(calendar.touchesProvisional(beijing('2026-12-20T10:00:00'), new Date(endOf2026.getTime() + 1))).toBe(true);
    expect(calendar.touchesProvisional(beijing('2026-12-31T23:59:59'), beijing('2026-12-31T23:59:59'))).toBe(false);
    expect(calendar.touchesProvisional(beijing('2027-01-01T00:00:00'), beijing('2027-01-01T00:00:00'))).toBe(true);
    expect(calendar.touchesProvisional(beijing('2027-03-01T09:00:00'), endOfCivilDay('2027-03-04'))).toBe(true);
    expect(calendar.touchesProvisional(endOfCivilDay('2027-03-04'), beijing('2026-12-01T09:00:00'))).toBe(true);
    expect(calendar.touchesProvisional(beijing('2025-01-01T09:00:00'), beijing('2026-06-01T09:00:00'))).toBe(false);
    // Beijing days, whatever the process zone: 16:00 UTC on 31 Dec 2026 is already 1 Jan 2027 in China.
    expect(calendar.touchesProvisional(new Date('2026-12-31T15:00:00Z'), new Date('2026-12-31T16:00:00Z'))).toBe(false);
    expect(calendar.touchesProvisional(new Date('2026-12-31T15:00:00Z'), new Date('2026-12-31T16:00:01Z'))).toBe(true);
    expect(() => calendar.touchesProvisional(new Date(Number.NaN), endOf2026)).toThrow(RangeError);
    // A deadline computed across New Year touches it, and says so.
    const eventAt = beijing('2026-12-28T10:00:00');
    expect(calendar.touchesProvisional(eventAt, calendar.deadline(eventAt, { workdays: 3 }))).toBe(false);
    expect(calendar.touchesProvisional(eventAt, calendar.deadline(eventAt, { workdays: 4 }))).toBe(true);
  });

  it('W7: publishing the official year replaces the provisional one and the next year becomes provisional', () => {
    const published = calendar.withYear(hypotheticalYear(2027));
    expect(published.years).toContain(2027);
    expect(published.provisionalYear).toBe(2028);
    expect(published.isProvisional('2027-10-09')).toBe(false);
    expect(published.isWorkday('2027-10-09')).toBe(true); // the notice's make-up Saturday
    expect(published.isWorkday('2027-02-11')).toBe(false); // its Spring Festival, 10–16 Feb
    expect(published.arrangement(2027)?.provisional).toBeUndefined();
    expect(published.isProvisional('2028-05-01')).toBe(true);
    expect(published.isWorkday('2028-01-03')).toBe(false); // 1 Jan 2028 is a Saturday: made up on Monday 3 Jan
    expect(() => published.isWorkday('2029-01-02')).toThrow(expect.objectContaining({ year: 2029 }));
    expect(published.fingerprint).not.toBe(calendar.fingerprint);
    // The calendar it was built from is untouched.
    expect(calendar.provisionalYear).toBe(2027);
    expect(calendar.isWorkday('2027-10-09')).toBe(false);
  });

  it('W7: the fingerprint tells a provisional year from an official one with exactly the same days', () => {
    const derived2027 = calendar.arrangement(2027)!;
    const sameDaysOfficial = {
      ...derived2027,
      provisional: undefined,
      sources: [{ title: '与推算结果相同的正式安排（测试）', issuedOn: '2026-11-20' }],
    };
    const official = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, sameDaysOfficial], {
      provisionalYear: false,
    });
    for (const date of ['2027-02-09', '2027-10-04', '2027-10-09', '2027-11-15']) {
      expect(official.isWorkday(date)).toBe(calendar.isWorkday(date));
    }
    expect(official.countWorkdays('2026-12-31', '2027-12-31')).toBe(calendar.countWorkdays('2026-12-31', '2027-12-31'));
    expect(official.fingerprint).not.toBe(calendar.fingerprint);
    // Built from the same published years, a calendar has the same fingerprint in every process.
    expect(WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS].reverse()).fingerprint).toBe(calendar.fingerprint);
  });

  it('W7: a derived arrangement cannot be published back (an agency publishes official data only)', () => {
    const error = thrown(() => calendar.withYear(calendar.arrangement(2027))) as InvalidYearArrangementError;
    expect(error).toBeInstanceOf(InvalidYearArrangementError);
    expect(error.issues.map((issue) => issue.code)).toContain('WORKDAYS.PROVISIONAL_NOT_ACCEPTED');
    expect(() => WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, calendar.arrangement(2027)])).toThrow(
      InvalidYearArrangementError,
    );
  });

  it('W7: provisionalYear: false gives published data only; the option survives withYear', () => {
    expect(publishedOnly.provisionalYear).toBeUndefined();
    expect(publishedOnly.isProvisional('2027-03-01')).toBe(false);
    expect(() => publishedOnly.isWorkday('2027-03-01')).toThrow(expect.objectContaining({ year: 2027 }));
    const next = publishedOnly.withYear(hypotheticalYear(2027));
    expect(next.provisionalYear).toBeUndefined();
    expect(() => next.isWorkday('2028-03-01')).toThrow(expect.objectContaining({ year: 2028 }));
    // Outside 2027 both calendars answer alike.
    expect(publishedOnly.countWorkdays('2015-01-01', '2026-12-31')).toBe(
      calendar.countWorkdays('2015-01-01', '2026-12-31'),
    );
  });

  it('W7: only the year after the latest published one is provisional; a gap before it stays uncovered, and an empty calendar has none', () => {
    const gapped = WorkdayCalendar.fromYears(
      BUNDLED_YEAR_ARRANGEMENTS.filter((a) => a.year === 2023 || a.year === 2025),
    );
    expect(gapped.provisionalYear).toBe(2026);
    expect(() => gapped.isWorkday('2024-03-12')).toThrow(expect.objectContaining({ year: 2024 }));
    expect(gapped.isWorkday('2026-10-05')).toBe(false); // National Day 2026 (Sat 3 Oct made up on Mon 5 Oct)
    expect(gapped.isWorkday('2026-10-10')).toBe(false); // the notice's make-up Saturday is unknown to the regulation
    expect(WorkdayCalendar.fromYears([]).provisionalYear).toBeUndefined();
    // Loading a year further out moves the provisional year and leaves the skipped year uncovered.
    const skipped = calendar.withYear(hypotheticalYear(2028));
    expect(skipped.provisionalYear).toBe(2029);
    expect(() => skipped.isWorkday('2027-03-01')).toThrow(expect.objectContaining({ year: 2027 }));
  });

  it('W7: queries in the provisional year agree with a naive day-by-day walk over its derived arrangement', () => {
    const derived2027 = calendar.arrangement(2027)!;
    const off = new Set(derived2027.holidays.flatMap((h) => h.days));
    const naiveIsWorkday = (day: number) => !isWeekend(day) && !off.has(formatCivilDate(day));
    let expected = 0;
    for (let day = daysFromCivil(2027, 1, 1); day <= daysFromCivil(2027, 12, 31); day++) {
      const date = formatCivilDate(day);
      expect(calendar.isWorkday(date)).toBe(naiveIsWorkday(day));
      if (naiveIsWorkday(day)) expected++;
      expect(calendar.countWorkdays('2026-12-31', date)).toBe(expected);
    }
    // 2027 has 261 weekdays; 13 statutory days are lost and none is made up with a working weekend day.
    expect(expected).toBe(261 - 13);
  });
});
