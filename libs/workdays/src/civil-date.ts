import { InvalidCivilDateError } from './calendar.errors';

/**
 * Civil dates in Asia/Shanghai as plain day numbers (days since 1970-01-01).
 *
 * Everything here is integer arithmetic on purpose: `Date` getters follow the process time zone, and a server in
 * UTC or America/Los_Angeles would otherwise shift a Beijing evening into the wrong civil day. Mainland China has
 * used a fixed +08:00 offset with no daylight saving since 1991, so a constant offset is exact for every date this
 * calendar can hold.
 */

export const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+08:00 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const CHAR_0 = 48;
const CHAR_DASH = 45;

/**
 * Day number of a proleptic-Gregorian date. Shifting the year to start in March puts the leap day last, so the
 * day-of-year needs no leap-year branch (the well-known days-from-civil construction).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Inverse of `daysFromCivil`. */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Days before the first of each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Leap days in years 1..1969, so day numbers count from 1970-01-01. */
const LEAP_DAYS_BEFORE_1970 = 477;

/**
 * Day number of a strict 'YYYY-MM-DD' string, or `NOT_A_DATE` when it is not a real date. Hand-rolled because this
 * sits on the hot path of every calendar query: no regex, no allocation, no `Date`, and integer-only arithmetic
 * (years 0001–9999 keep every intermediate value positive, so `| 0` can stand in for `Math.floor`).
 */
export function tryParseCivilDate(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== CHAR_DASH || text.charCodeAt(7) !== CHAR_DASH) return NOT_A_DATE;
  const y0 = text.charCodeAt(0) - CHAR_0;
  const y1 = text.charCodeAt(1) - CHAR_0;
  const y2 = text.charCodeAt(2) - CHAR_0;
  const y3 = text.charCodeAt(3) - CHAR_0;
  const m0 = text.charCodeAt(5) - CHAR_0;
  const m1 = text.charCodeAt(6) - CHAR_0;
  const d0 = text.charCodeAt(8) - CHAR_0;
  const d1 = text.charCodeAt(9) - CHAR_0;
  // An unsigned compare folds "below '0'" and "above '9'" into one test per digit.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return NOT_A_DATE;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return NOT_A_DATE;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NOT_A_DATE;
  if (year === 0) return daysFromCivil(year, month, day);
  const priorYear = year - 1;
  const leapDaysBefore = (priorYear >> 2) - ((priorYear / 100) | 0) + ((priorYear / 400) | 0) - LEAP_DAYS_BEFORE_1970;
  const leapDayThisYear = month > 2 && isLeapYear(year) ? 1 : 0;
  return 365 * (year - 1970) + leapDaysBefore + DAYS_BEFORE_MONTH[month - 1] + leapDayThisYear + day - 1;
}

/** Sentinel below any day number a four-digit year can produce. */
export const NOT_A_DATE = -1e9;

/** Day number of a 'YYYY-MM-DD' civil date; throws `InvalidCivilDateError` for anything else. */
export function parseCivilDate(text: string): number {
  const dayNumber = typeof text === 'string' ? tryParseCivilDate(text) : NOT_A_DATE;
  if (dayNumber === NOT_A_DATE) throw new InvalidCivilDateError(text);
  return dayNumber;
}

export function isCivilDate(text: unknown): text is string {
  return typeof text === 'string' && tryParseCivilDate(text) !== NOT_A_DATE;
}

export function formatCivilDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Year of a day number, without building the month and day. */
export function yearOfDay(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

/** Day number of the Asia/Shanghai civil date containing `instant`. */
export function civilDayOf(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`无效的时间点 / Invalid instant: ${String(instant)}`);
  }
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The Asia/Shanghai civil date ('YYYY-MM-DD') of an instant, independent of the process time zone. */
export function civilDate(instant: Date): string {
  return formatCivilDate(civilDayOf(instant));
}

/** Instant at which a civil day number ends: 24:00 Asia/Shanghai, i.e. the next day's 00:00 +08:00. */
export function endOfCivilDayNumber(dayNumber: number): Date {
  return new Date((dayNumber + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** The instant a civil date ends in Asia/Shanghai (24:00, i.e. 00:00 +08:00 of the following day). */
export function endOfCivilDay(date: string): Date {
  return endOfCivilDayNumber(parseCivilDate(date));
}

/** The instant a civil date begins in Asia/Shanghai (00:00 +08:00). */
export function startOfCivilDay(date: string): Date {
  return new Date(parseCivilDate(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/**
 * The same-numbered day `months` months later, clamped to the last day of a shorter month (31 Jan + 1 month →
 * 28/29 Feb), as SPEC W5 requires for "N months" periods.
 */
export function addMonthsClamped(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Every civil date from `from` through `to`, both included; used to write holiday breaks the way notices state them. */
export function dateRange(from: string, to: string): string[] {
  const first = parseCivilDate(from);
  const last = parseCivilDate(to);
  const dates: string[] = [];
  for (let day = first; day <= last; day++) dates.push(formatCivilDate(day));
  return dates;
}
