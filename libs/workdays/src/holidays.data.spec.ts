import { dateRange, daysFromCivil, formatCivilDate, isWeekend } from './civil-date';
import { WorkdayCalendar } from './calendar';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import { validateYearArrangement } from './year-arrangement.validator';

/**
 * The effect of each year's notices, written the other way round from holidays.data.ts: weekdays that are off and
 * weekend days that are worked. Cross-checked date by date against the chinese-days 1.5.7 dataset (see DATA.md), so
 * a typo in the data file has to be made twice, in two different shapes, to go unnoticed.
 */
const EXPECTED: Record<number, { off: string; work: string }> = {
  2015: {
    off: '01-01 01-02 02-18 02-19 02-20 02-23 02-24 04-06 05-01 06-22 09-03 09-04 10-01 10-02 10-05 10-06 10-07',
    work: '01-04 02-15 02-28 09-06 10-10',
  },
  2016: {
    off: '01-01 02-08 02-09 02-10 02-11 02-12 04-04 05-02 06-09 06-10 09-15 09-16 10-03 10-04 10-05 10-06 10-07',
    work: '02-06 02-14 06-12 09-18 10-08 10-09',
  },
  2017: {
    off: '01-02 01-27 01-30 01-31 02-01 02-02 04-03 04-04 05-01 05-29 05-30 10-02 10-03 10-04 10-05 10-06',
    work: '01-22 02-04 04-01 05-27 09-30',
  },
  2018: {
    off: '01-01 02-15 02-16 02-19 02-20 02-21 04-05 04-06 04-30 05-01 06-18 09-24 10-01 10-02 10-03 10-04 10-05 12-31',
    work: '02-11 02-24 04-08 04-28 09-29 09-30 12-29',
  },
  2019: {
    off: '01-01 02-04 02-05 02-06 02-07 02-08 04-05 05-01 05-02 05-03 06-07 09-13 10-01 10-02 10-03 10-04 10-07',
    work: '02-02 02-03 04-28 05-05 09-29 10-12',
  },
  2020: {
    off: '01-01 01-24 01-27 01-28 01-29 01-30 01-31 04-06 05-01 05-04 05-05 06-25 06-26 10-01 10-02 10-05 10-06 10-07 10-08',
    work: '01-19 04-26 05-09 06-28 09-27 10-10',
  },
  2021: {
    off: '01-01 02-11 02-12 02-15 02-16 02-17 04-05 05-03 05-04 05-05 06-14 09-20 09-21 10-01 10-04 10-05 10-06 10-07',
    work: '02-07 02-20 04-25 05-08 09-18 09-26 10-09',
  },
  2022: {
    off: '01-03 01-31 02-01 02-02 02-03 02-04 04-04 04-05 05-02 05-03 05-04 06-03 09-12 10-03 10-04 10-05 10-06 10-07',
    work: '01-29 01-30 04-02 04-24 05-07 10-08 10-09',
  },
  2023: {
    off: '01-02 01-23 01-24 01-25 01-26 01-27 04-05 05-01 05-02 05-03 06-22 06-23 09-29 10-02 10-03 10-04 10-05 10-06',
    work: '01-28 01-29 04-23 05-06 06-25 10-07 10-08',
  },
  2024: {
    off: '01-01 02-12 02-13 02-14 02-15 02-16 04-04 04-05 05-01 05-02 05-03 06-10 09-16 09-17 10-01 10-02 10-03 10-04 10-07',
    work: '02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12',
  },
  2025: {
    off: '01-01 01-28 01-29 01-30 01-31 02-03 02-04 04-04 05-01 05-02 05-05 06-02 10-01 10-02 10-03 10-06 10-07 10-08',
    work: '01-26 02-08 04-27 09-28 10-11',
  },
  2026: {
    off: '01-01 01-02 02-16 02-17 02-18 02-19 02-20 02-23 04-06 05-01 05-04 05-05 06-19 09-25 10-01 10-02 10-05 10-06 10-07',
    work: '01-04 02-14 02-28 05-09 09-20 10-10',
  },
};

const calendar = WorkdayCalendar.fromYears(BUNDLED_YEAR_ARRANGEMENTS);

describe('bundled holiday data', () => {
  it('W2: ships every year from 2015 through 2026, each once and in order', () => {
    expect(BUNDLED_YEAR_ARRANGEMENTS.map((arrangement) => arrangement.year)).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
  });

  it.each(BUNDLED_YEAR_ARRANGEMENTS.map((arrangement) => [arrangement.year, arrangement] as const))(
    'W2: %i cites its State Council General Office notice and passes the validator',
    (year, arrangement) => {
      const annual = arrangement.sources[0];
      expect(annual.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(annual.docNo).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
      expect(annual.issuedOn < `${year}-01-01`).toBe(true);
      const result = validateYearArrangement(arrangement);
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  it.each(Object.entries(EXPECTED))(
    'W2: %s has exactly the off weekdays and worked weekend days the notices announce',
    (yearText, expected) => {
      const year = Number(yearText);
      const off: string[] = [];
      const work: string[] = [];
      for (let day = daysFromCivil(year, 1, 1); day < daysFromCivil(year + 1, 1, 1); day++) {
        const date = formatCivilDate(day);
        const working = calendar.isWorkday(date);
        if (!isWeekend(day) && !working) off.push(date.slice(5));
        if (isWeekend(day) && working) work.push(date.slice(5));
      }
      expect(off.join(' ')).toBe(expected.off);
      expect(work.join(' ')).toBe(expected.work);
    },
  );

  it('W2: mid-year changes are in force — Victory Day 2015, Labour Day 2019, the 2020 Spring Festival extension', () => {
    expect(calendar.isWorkday('2015-09-03')).toBe(false);
    expect(calendar.isWorkday('2015-09-04')).toBe(false);
    expect(calendar.isWorkday('2015-09-06')).toBe(true);
    expect(['2019-05-01', '2019-05-02', '2019-05-03'].map((d) => calendar.isWorkday(d))).toEqual([false, false, false]);
    expect(calendar.isWorkday('2019-04-28')).toBe(true);
    expect(calendar.isWorkday('2019-05-05')).toBe(true);
    // The extension to 2 Feb cancelled the make-up Saturday 1 Feb 2020.
    expect(calendar.isWorkday('2020-01-31')).toBe(false);
    expect(calendar.isWorkday('2020-02-01')).toBe(false);
    expect(calendar.isWorkday('2020-02-03')).toBe(true);
    expect(calendar.arrangement(2020)!.sources.map((s) => s.docNo)).toContain('国办发明电〔2020〕1号');
  });

  it('W2: a New Year break announced in the following year’s notice is in the earlier year (29–31 Dec 2018)', () => {
    expect(calendar.isWorkday('2018-12-29')).toBe(true);
    expect(calendar.isWorkday('2018-12-31')).toBe(false);
    expect(calendar.isWorkday('2019-01-01')).toBe(false);
    expect(calendar.isWorkday('2019-01-02')).toBe(true);
  });

  it('W2: 2025 and 2026 match the notices published in November of the year before', () => {
    const offIn = (from: string, to: string) => dateRange(from, to).filter((date) => !calendar.isWorkday(date));
    expect(offIn('2025-01-27', '2025-02-08')).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(offIn('2026-02-13', '2026-03-01')).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-03-01',
    ]);
    expect(
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].every((d) =>
        calendar.isWorkday(d),
      ),
    ).toBe(true);
    expect(
      ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].every((d) => calendar.isWorkday(d)),
    ).toBe(true);
  });

  it('W2: the bundled data cannot be changed at run time by accident', () => {
    expect(Object.isFrozen(BUNDLED_YEAR_ARRANGEMENTS)).toBe(true);
    expect(Object.isFrozen(BUNDLED_YEAR_ARRANGEMENTS[10].holidays[1].days)).toBe(true);
    expect(() => (BUNDLED_YEAR_ARRANGEMENTS[10].makeupWorkdays as string[]).push('2025-03-15')).toThrow(TypeError);
    const arrangement = calendar.arrangement(2025)!;
    expect(Object.isFrozen(arrangement)).toBe(true);
    expect(Object.isFrozen(arrangement.makeupWorkdays)).toBe(true);
    expect(Object.isFrozen(arrangement.holidays[0].days)).toBe(true);
  });
});
