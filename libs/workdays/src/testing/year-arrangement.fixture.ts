import { daysFromCivil, formatCivilDate, weekdayOf } from '../civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from '../holidays.data';
import type { YearArrangement } from '../year-arrangement';

const HYPOTHETICAL_TITLE = '测试用虚构安排（非官方）/ hypothetical test arrangement';

/**
 * A made-up arrangement for ANY year, so tests never depend on today's date or on which years are bundled. It is NOT
 * an official arrangement and must never be bundled or published outside tests; the validator accepts it (W4).
 * Every year has the same layout, chosen so tests can compute the days:
 *
 * - 元旦 New Year's Day: 1 January;
 * - 春节 Spring Festival: 10–16 February (seven days, so always five weekdays);
 * - 劳动节 Labour Day: 1–3 May;
 * - 国庆节 National Day: 1–7 October (always five weekdays);
 * - 调休上班 one make-up working day: the first Saturday after 7 October (between 8 and 14 October);
 * - nothing else: no holiday and no make-up day in March, June–September, November or December.
 */
export function hypotheticalYear(year: number): YearArrangement {
  if (!Number.isInteger(year)) throw new RangeError(`hypotheticalYear needs a whole year, got ${year}`);
  const run = (month: number, first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => formatCivilDate(daysFromCivil(year, month, first + i)));
  const eighthOfOctober = daysFromCivil(year, 10, 8);
  const makeupSaturday = eighthOfOctober + ((6 - weekdayOf(eighthOfOctober) + 7) % 7);
  return {
    year,
    sources: [{ title: HYPOTHETICAL_TITLE, issuedOn: `${year - 1}-11-20` }],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: run(1, 1, 1) },
      { name: '春节', nameEn: 'Spring Festival', days: run(2, 10, 16) },
      { name: '劳动节', nameEn: 'Labour Day', days: run(5, 1, 3) },
      { name: '国庆节', nameEn: 'National Day', days: run(10, 1, 7) },
    ],
    makeupWorkdays: [formatCivilDate(makeupSaturday)],
  };
}

/**
 * `hypotheticalYear` for every year after the last bundled one through `lastYear`, without gaps (empty when
 * `lastYear` is bundled already): load them with the bundled data to cover any year a clock-driven test reaches.
 */
export function hypotheticalYearsThrough(lastYear: number): YearArrangement[] {
  const lastBundled = Math.max(...BUNDLED_YEAR_ARRANGEMENTS.map((arrangement) => arrangement.year));
  const years: YearArrangement[] = [];
  for (let year = lastBundled + 1; year <= lastYear; year++) years.push(hypotheticalYear(year));
  return years;
}

/**
 * A made-up 2027 arrangement for tests of runtime loading (SPEC W4). It is shaped like a real notice so the
 * validator accepts it, but it is NOT the official 2027 arrangement and must never be bundled. Kept apart from
 * `hypotheticalYear(2027)` because the validator tests break it item by item (its Dragon Boat and Mid-Autumn days,
 * its four make-up days); among other days, 1–3 January, 5–12 February and 1–7 October are off and Sunday
 * 14 February and Saturday 9 October are worked.
 */
export function hypothetical2027(): YearArrangement {
  return {
    year: 2027,
    sources: [{ title: HYPOTHETICAL_TITLE, issuedOn: '2026-11-20' }],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01', '2027-01-02', '2027-01-03'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        days: [
          '2027-02-05',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
        ],
      },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2027-04-03', '2027-04-04', '2027-04-05'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        days: ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2027-06-09'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2027-09-15'] },
      {
        name: '国庆节',
        nameEn: 'National Day',
        days: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      },
    ],
    makeupWorkdays: ['2027-02-14', '2027-04-25', '2027-09-26', '2027-10-09'],
  };
}
