import { Lunar } from 'lunar-typescript';
import { daysFromCivil, formatCivilDate } from './civil-date';

/**
 * 全国年节及纪念日放假办法 — the national holiday regulation of the State Council. Its article 2 (第二条) names the
 * statutory holidays for all citizens (全体公民放假的节日); article 6 (第六条) says that such a holiday falling on a
 * Saturday or Sunday is made up with a day off on a working day (补假). SPEC W7 derives a provisional year from these
 * two articles until the year's own notice is published.
 *
 * Only the revisions in force for years this calendar can hold are modelled; they differ in article 2 items (二) and
 * (四) alone. Lunar dates and the Qingming solar term come from `lunar-typescript` (pure arithmetic, no clock, no
 * I/O, no Node built-ins, so it also runs inside Temporal's workflow sandbox).
 */
export interface HolidayRegulationRevision {
  readonly title: string;
  /** Which revision, e.g. 2024年修订. */
  readonly revision: string;
  /** 国务院令 promulgating the revision. */
  readonly decree: string;
  readonly promulgatedOn: string;
  /** First and last calendar year the revision governs (it takes effect on 1 January). */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Art. 2 item (二): days of 春节 as offsets from 正月初一 (-1 = 农历除夕). */
  readonly springFestivalOffsets: readonly number[];
  /** Art. 2 item (四): the May dates of 劳动节. */
  readonly labourDayDates: readonly number[];
}

export const HOLIDAY_REGULATION_REVISIONS: readonly HolidayRegulationRevision[] = Object.freeze([
  Object.freeze({
    title: '全国年节及纪念日放假办法',
    revision: '2013年修订',
    decree: '国务院令第644号',
    promulgatedOn: '2013-12-11',
    firstYear: 2014,
    lastYear: 2024,
    // 春节，放假3天（农历正月初一、初二、初三）; 劳动节，放假1天（5月1日）.
    springFestivalOffsets: Object.freeze([0, 1, 2]),
    labourDayDates: Object.freeze([1]),
  }),
  Object.freeze({
    title: '全国年节及纪念日放假办法',
    revision: '2024年修订',
    decree: '国务院令第795号',
    promulgatedOn: '2024-11-10',
    firstYear: 2025,
    lastYear: Number.POSITIVE_INFINITY,
    // 春节，放假4天（农历除夕、正月初一至初三）; 劳动节，放假2天（5月1日、2日）.
    springFestivalOffsets: Object.freeze([-1, 0, 1, 2]),
    labourDayDates: Object.freeze([1, 2]),
  }),
]);

/** The revision in force for `year`, or undefined for years before 2014 (not modelled). */
export function regulationFor(year: number): HolidayRegulationRevision | undefined {
  return HOLIDAY_REGULATION_REVISIONS.find((r) => year >= r.firstYear && year <= r.lastYear);
}

/** 法定节假日 — one statutory holiday for all citizens, as article 2 dates it in a given year. */
export interface StatutoryHoliday {
  readonly name: string;
  readonly nameEn: string;
  /** Item of article 2 (1 = 元旦 … 7 = 国庆节). */
  readonly item: number;
  /** Its civil dates, ascending ('YYYY-MM-DD'). */
  readonly days: readonly string[];
}

/**
 * The statutory holidays of `year` under the revision then in force (article 2), in the article's order. Throws a
 * RangeError for a year no modelled revision governs.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const regulation = regulationFor(year);
  if (!Number.isInteger(year) || regulation === undefined) {
    throw new RangeError(
      `${year} 年没有可依据的《全国年节及纪念日放假办法》版本 / no modelled revision of the national holiday regulation governs ${year}`,
    );
  }
  const newYear = lunarDay(year, 1, 1);
  const entry = (item: number, name: string, nameEn: string, days: number[]): StatutoryHoliday =>
    Object.freeze({ item, name, nameEn, days: Object.freeze(days.map(formatCivilDate)) });
  return Object.freeze([
    entry(1, '元旦', "New Year's Day", [daysFromCivil(year, 1, 1)]),
    entry(
      2,
      '春节',
      'Spring Festival',
      regulation.springFestivalOffsets.map((offset) => newYear + offset),
    ),
    entry(3, '清明节', 'Qingming Festival', [qingmingDay(year)]),
    entry(
      4,
      '劳动节',
      'Labour Day',
      regulation.labourDayDates.map((date) => daysFromCivil(year, 5, date)),
    ),
    entry(5, '端午节', 'Dragon Boat Festival', [lunarDay(year, 5, 5)]),
    entry(6, '中秋节', 'Mid-Autumn Festival', [lunarDay(year, 8, 15)]),
    entry(
      7,
      '国庆节',
      'National Day',
      [1, 2, 3].map((date) => daysFromCivil(year, 10, date)),
    ),
  ]);
}

/**
 * Day number of a date of the Chinese lunar calendar (non-leap month). 正月初一 of lunar year Y falls in late January or
 * February of Gregorian Y, so its 除夕 (the day before), 端午 and 中秋 all fall in Gregorian Y too.
 */
function lunarDay(lunarYear: number, month: number, day: number): number {
  const solar = Lunar.fromYmd(lunarYear, month, day).getSolar();
  return daysFromCivil(solar.getYear(), solar.getMonth(), solar.getDay());
}

/**
 * Day number of 清明 (the solar term) in `year`: the civil day, in Beijing time, on which the sun reaches 15°
 * ecliptic longitude — what "农历清明当日" means. The package computes term instants in UTC+8.
 */
function qingmingDay(year: number): number {
  const term = Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明'];
  if (term === undefined || term.getYear() !== year) {
    throw new RangeError(`无法确定 ${year} 年清明 / cannot place Qingming in ${year}`);
  }
  return daysFromCivil(term.getYear(), term.getMonth(), term.getDay());
}
