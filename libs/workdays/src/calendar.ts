import { CalendarNotCoveredError, InvalidYearArrangementError } from './calendar.errors';
import {
  MS_PER_DAY,
  NOT_A_DATE,
  SHANGHAI_OFFSET_MS,
  addMonthsClamped,
  civilDate,
  civilDayOf,
  daysFromCivil,
  endOfCivilDay,
  endOfCivilDayNumber,
  formatCivilDate,
  parseCivilDate,
  tryParseCivilDate,
  weekdayOf,
  yearOfDay,
} from './civil-date';
import { type LegalPeriod, checkPeriod } from './period';
import { provisionalYearArrangement } from './provisional-year.rules';
import type { YearArrangement } from './year-arrangement';
import { validateYearArrangement } from './year-arrangement.validator';

/** How a calendar is built; see `WorkdayCalendar.fromYears`. */
export interface CalendarOptions {
  /**
   * SPEC W7: add the provisional year — the year after the latest published one, derived from the national holiday
   * regulation. Default `true`. `false` gives published data only, where that year is not covered (W3).
   */
  readonly provisionalYear?: boolean;
}

const OFF = 0;
const WORKING = 1;
/** A day inside the indexed span whose year has no data (a gap between loaded years). */
const UNCOVERED = 2;

/**
 * 工作日历 — an immutable working-day calendar (SPEC W1) built from year arrangements.
 *
 * Queries never loop over days: construction precomputes, for every day of the covered span, whether it is a working
 * day and how many working days precede it, plus the position of every working day. `addWorkdays` is then one
 * lookup into the working-day positions and `countWorkdays` a difference of two prefix counts, so a 10-year walk
 * costs the same as a 1-day one.
 *
 * SPEC W7: by default the calendar also covers one provisional year (暂定), the year after the latest published
 * arrangement, derived from the national holiday regulation. It is indexed like any other year, so queries cost the
 * same; `isProvisional`/`touchesProvisional` tell callers which answers may move once the official notice arrives.
 */
export class WorkdayCalendar {
  /** Content hash of the working-day pattern: equal fingerprints give equal answers to every query. */
  readonly fingerprint: string;
  /** SPEC W7: the year derived from the national holiday regulation, if this calendar has one. */
  readonly provisionalYear: number | undefined;

  /** Published (bundled or loaded) arrangements only; the provisional one is kept apart. */
  private readonly published: ReadonlyMap<number, YearArrangement>;
  private readonly provisional: YearArrangement | undefined;
  private readonly withProvisional: boolean;
  /** Day numbers of the provisional year's first and last day; an empty range when there is none. */
  private readonly provisionalFirstDay: number;
  private readonly provisionalLastDay: number;
  private readonly firstDay: number;
  private readonly dayCount: number;
  private readonly kind: Uint8Array;
  /** prefix[i] = working days among span days [0, i). Length dayCount + 1. */
  private readonly prefix: Int32Array;
  /** Span offsets of the working days, in order. */
  private readonly workdayOffsets: Int32Array;
  private readonly labels: readonly string[];
  private readonly gapYears: readonly number[];
  private readonly lastYearCovered: number;

  private constructor(published: ReadonlyMap<number, YearArrangement>, withProvisional: boolean) {
    this.published = published;
    this.withProvisional = withProvisional;
    const publishedYears = [...published.keys()].sort((a, b) => a - b);
    const lastPublished = publishedYears[publishedYears.length - 1];
    // W7: exactly one year, right after the latest published one, whatever gaps lie before it.
    this.provisional =
      withProvisional && lastPublished !== undefined ? provisionalYearArrangement(lastPublished + 1) : undefined;
    this.provisionalYear = this.provisional?.year;
    this.provisionalFirstDay = this.provisional ? daysFromCivil(this.provisional.year, 1, 1) : 0;
    this.provisionalLastDay = this.provisional ? daysFromCivil(this.provisional.year, 12, 31) : -1;
    const arrangements = new Map(published);
    if (this.provisional) arrangements.set(this.provisional.year, this.provisional);

    const years = [...arrangements.keys()].sort((a, b) => a - b);
    const first = years[0];
    const last = years[years.length - 1];
    this.lastYearCovered = last ?? Number.NaN;
    if (first === undefined || last === undefined) {
      this.firstDay = 0;
      this.dayCount = 0;
      this.kind = new Uint8Array(0);
      this.prefix = new Int32Array(1);
      this.workdayOffsets = new Int32Array(0);
      this.labels = [];
      this.gapYears = [];
      this.fingerprint = fingerprintOf(0, this.kind, undefined);
      return;
    }

    this.firstDay = daysFromCivil(first, 1, 1);
    this.dayCount = daysFromCivil(last + 1, 1, 1) - this.firstDay;
    const kind = new Uint8Array(this.dayCount);
    const gapYears: number[] = [];
    for (let year = first; year <= last; year++) {
      const start = daysFromCivil(year, 1, 1) - this.firstDay;
      const end = daysFromCivil(year + 1, 1, 1) - this.firstDay;
      const arrangement = arrangements.get(year);
      if (!arrangement) {
        gapYears.push(year);
        kind.fill(UNCOVERED, start, end);
        continue;
      }
      for (let offset = start; offset < end; offset++) {
        const weekday = weekdayOf(this.firstDay + offset);
        kind[offset] = weekday === 0 || weekday === 6 ? OFF : WORKING;
      }
      for (const holiday of arrangement.holidays) {
        for (const date of holiday.days) kind[parseCivilDate(date) - this.firstDay] = OFF;
      }
      for (const date of arrangement.makeupWorkdays) kind[parseCivilDate(date) - this.firstDay] = WORKING;
    }

    const prefix = new Int32Array(this.dayCount + 1);
    let working = 0;
    for (let offset = 0; offset < this.dayCount; offset++) {
      prefix[offset] = working;
      if (kind[offset] === WORKING) working++;
    }
    prefix[this.dayCount] = working;
    const workdayOffsets = new Int32Array(working);
    for (let offset = 0, next = 0; offset < this.dayCount; offset++) {
      if (kind[offset] === WORKING) workdayOffsets[next++] = offset;
    }
    const labels: string[] = new Array<string>(this.dayCount);
    for (let offset = 0; offset < this.dayCount; offset++) labels[offset] = formatCivilDate(this.firstDay + offset);

    this.kind = kind;
    this.prefix = prefix;
    this.workdayOffsets = workdayOffsets;
    this.labels = labels;
    this.gapYears = gapYears;
    this.fingerprint = fingerprintOf(first, kind, this.provisionalYear);
  }

  /**
   * Builds a calendar from published year arrangements. Each one is validated (`validateYearArrangement`, which also
   * refuses provisional ones); a year given twice is rejected rather than silently picking one.
   *
   * SPEC W7: unless `options.provisionalYear` is `false`, the calendar also covers the year after the latest one
   * given, derived from the national holiday regulation and marked provisional (`provisionalYear`, `isProvisional`).
   * An empty list has no latest year, hence no provisional year.
   */
  static fromYears(arrangements: readonly unknown[], options: CalendarOptions = {}): WorkdayCalendar {
    const byYear = new Map<number, YearArrangement>();
    arrangements.forEach((input, index) => {
      const arrangement = validated(input, `[${index}]`);
      if (byYear.has(arrangement.year)) {
        throw new InvalidYearArrangementError([
          {
            path: `[${index}].year`,
            code: 'WORKDAYS.YEAR_DUPLICATE',
            message_zh: `${arrangement.year} 年的节假日安排重复提供，请只保留一份。`,
            message_en: `The arrangement for ${arrangement.year} is given more than once; keep only one.`,
          },
        ]);
      }
      byYear.set(arrangement.year, arrangement);
    });
    return new WorkdayCalendar(byYear, options.provisionalYear !== false);
  }

  /**
   * A new calendar with `arrangement` added, or replacing the same year (a local correction). This calendar is left
   * untouched, so computations already running on it stay consistent. Publishing the provisional year's official
   * arrangement replaces the derived one, and the year after it becomes provisional (W7), with the same
   * `provisionalYear` option this calendar was built with.
   */
  withYear(arrangement: unknown): WorkdayCalendar {
    const value = validated(arrangement, '');
    const next = new Map(this.published);
    next.set(value.year, value);
    return new WorkdayCalendar(next, this.withProvisional);
  }

  /** Years with a published arrangement (bundled or loaded at run time), ascending; never the provisional year. */
  get years(): readonly number[] {
    return [...this.published.keys()].sort((a, b) => a - b);
  }

  /**
   * The arrangement in force for `year`: the published one, or for the provisional year the derived one (marked
   * `provisional: true`; it cannot be fed back to `withYear`/`fromYears`).
   */
  arrangement(year: number): YearArrangement | undefined {
    return this.published.get(year) ?? (year === this.provisionalYear ? this.provisional : undefined);
  }

  /** SPEC W7: whether `year` is this calendar's provisional year. */
  isProvisionalYear(year: number): boolean {
    return year === this.provisionalYear;
  }

  /**
   * SPEC W7: whether the civil date `date` ('YYYY-MM-DD') lies in the provisional year. Throws InvalidCivilDateError
   * for a malformed date; any other date, covered or not, is simply not provisional.
   */
  isProvisional(date: string): boolean {
    const day = parseCivilDate(date);
    return day >= this.provisionalFirstDay && day <= this.provisionalLastDay;
  }

  /**
   * SPEC W7: whether the period from instant `from` to instant `to` (e.g. trigger to deadline) touches a provisional
   * day, i.e. whether its result may move when the official arrangement is published. The days touched run from
   * `from`'s civil date to the civil date holding the period's last moment: a deadline at 24:00 belongs to the day
   * that just ended, so a period ending at 24:00 on 31 December does not touch the next year. Order-insensitive.
   */
  touchesProvisional(from: Date, to: Date): boolean {
    const fromMs = from instanceof Date ? from.getTime() : Number.NaN;
    const toMs = to instanceof Date ? to.getTime() : Number.NaN;
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
      throw new RangeError(`无效的时间点 / Invalid instant: ${String(from)}, ${String(to)}`);
    }
    const startMs = Math.min(fromMs, toMs);
    const endMs = Math.max(fromMs, toMs);
    const firstDay = Math.floor((startMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
    const lastDay = endMs > startMs ? Math.floor((endMs - 1 + SHANGHAI_OFFSET_MS) / MS_PER_DAY) : firstDay;
    return firstDay <= this.provisionalLastDay && lastDay >= this.provisionalFirstDay;
  }

  /** SPEC W1: whether `date` ('YYYY-MM-DD', Asia/Shanghai) is a working day. */
  isWorkday(date: string): boolean {
    return this.kind[this.offsetOf(date)] === WORKING;
  }

  /**
   * The `n`-th working day after `date`; `date` itself never counts, and `n = 0` returns `date`. Throws a RangeError
   * for a negative or fractional `n`, and `CalendarNotCoveredError` when the walk needs a year without data.
   */
  addWorkdays(date: string, n: number): string {
    checkCount(n, 'n');
    const offset = this.offsetOf(date);
    return n === 0 ? this.labels[offset] : this.labels[this.nthWorkdayAfter(offset, n)];
  }

  /**
   * Working days d with from < d <= to. When `to` is before `from` the result is negative:
   * `countWorkdays(a, b) === -countWorkdays(b, a)`, so it always equals the signed distance in working days.
   */
  countWorkdays(from: string, to: string): number {
    const fromOffset = this.offsetOf(from);
    const toOffset = this.offsetOf(to);
    this.assertNoGapBetween(fromOffset, toOffset);
    return this.prefix[toOffset + 1] - this.prefix[fromOffset + 1];
  }

  /**
   * SPEC W5: the instant a legal period that starts with an event at `eventAt` ends.
   * - `{ workdays: N }` (N个工作日): end (24:00 Asia/Shanghai) of the N-th working day after the event's civil date.
   * - `{ days: N }` (N日): end of event date + N; if that day is not a working day, end of the next working day.
   * - `{ hours: N }`: exactly N hours after `eventAt`.
   * - `{ months: N }` / `{ years: N }`: the same-numbered day N months/years later (clamped to month end), then
   *   extended like `days`.
   */
  deadline(eventAt: Date, period: LegalPeriod): Date {
    checkPeriod(period);
    if ('hours' in period) {
      const start = eventAt instanceof Date ? eventAt.getTime() : Number.NaN;
      if (!Number.isFinite(start)) throw new RangeError(`无效的时间点 / Invalid instant: ${String(eventAt)}`);
      return new Date(start + period.hours * 3_600_000);
    }
    const eventDay = civilDayOf(eventAt);
    if ('workdays' in period) {
      const eventOffset = this.offsetOfDay(eventDay);
      return endOfCivilDayNumber(this.firstDay + this.nthWorkdayAfter(eventOffset, period.workdays));
    }
    let lastDay: number;
    if ('days' in period) lastDay = eventDay + period.days;
    else if ('months' in period) lastDay = addMonthsClamped(eventDay, period.months);
    else lastDay = addMonthsClamped(eventDay, period.years * 12);
    return endOfCivilDayNumber(this.firstDay + this.workdayOnOrAfter(this.offsetOfDay(lastDay)));
  }

  /**
   * SPEC W6: signed working days between two instants — those whose civil date is after `a`'s and up to and
   * including `b`'s (same convention as `countWorkdays`).
   */
  workdaysBetween(a: Date, b: Date): number {
    const fromOffset = this.offsetOfDay(civilDayOf(a));
    const toOffset = this.offsetOfDay(civilDayOf(b));
    this.assertNoGapBetween(fromOffset, toOffset);
    return this.prefix[toOffset + 1] - this.prefix[fromOffset + 1];
  }

  /**
   * SPEC W6 / C2: working days on which time remains before `deadline`, counting today when today is a working day.
   * On the last working day of a period this is 1; on a Sunday before a Monday deadline it is 1 too. Returns 0 once
   * the deadline has passed, so "missed" is `now >= deadline`, not a negative count.
   */
  workdaysLeft(now: Date, deadline: Date): number {
    const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
    const deadlineMs = deadline instanceof Date ? deadline.getTime() : Number.NaN;
    if (!Number.isFinite(nowMs) || !Number.isFinite(deadlineMs)) {
      throw new RangeError(`无效的时间点 / Invalid instant: ${String(now)}, ${String(deadline)}`);
    }
    if (deadlineMs <= nowMs) return 0;
    // The civil day holding the deadline's last moment: a deadline at 24:00 belongs to the day that just ended.
    const lastDay = Math.floor((deadlineMs - 1 + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
    const todayOffset = this.offsetOfDay(Math.floor((nowMs + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
    const lastOffset = this.offsetOfDay(lastDay);
    this.assertNoGapBetween(todayOffset, lastOffset);
    return this.prefix[lastOffset + 1] - this.prefix[todayOffset];
  }

  /**
   * The Asia/Shanghai civil date of an instant. Calendar-independent; here so that a calendar alone satisfies
   * consumers that take one object for all date arithmetic (e.g. the review rules' calendar port).
   */
  civilDate(instant: Date): string {
    return civilDate(instant);
  }

  /** The instant a civil date ends (24:00 Asia/Shanghai); see `civilDate` for why it lives here too. */
  endOfCivilDay(date: string): Date {
    return endOfCivilDay(date);
  }

  private offsetOf(date: string): number {
    const dayNumber = typeof date === 'string' ? tryParseCivilDate(date) : NOT_A_DATE;
    if (dayNumber === NOT_A_DATE) parseCivilDate(date); // throws the descriptive error
    return this.offsetOfDay(dayNumber);
  }

  private offsetOfDay(dayNumber: number): number {
    const offset = dayNumber - this.firstDay;
    if (offset < 0 || offset >= this.dayCount || this.kind[offset] === UNCOVERED) {
      throw new CalendarNotCoveredError(yearOfDay(dayNumber));
    }
    return offset;
  }

  /** Span offset of the n-th (n >= 1) working day strictly after `offset`. */
  private nthWorkdayAfter(offset: number, n: number): number {
    const ordinal = this.prefix[offset + 1] + n - 1;
    if (ordinal >= this.workdayOffsets.length) throw new CalendarNotCoveredError(this.lastYearCovered + 1);
    const target = this.workdayOffsets[ordinal];
    this.assertNoGapBetween(offset, target);
    return target;
  }

  /** Span offset of `offset` itself when it is a working day, else of the next working day. */
  private workdayOnOrAfter(offset: number): number {
    if (this.kind[offset] === WORKING) return offset;
    return this.nthWorkdayAfter(offset, 1);
  }

  /**
   * Gap years are marked non-working in the index, so a walk across one would silently treat a whole year as a
   * holiday; this turns that into the W3 error instead.
   */
  private assertNoGapBetween(a: number, b: number): void {
    if (this.gapYears.length === 0) return;
    const fromYear = yearOfDay(this.firstDay + Math.min(a, b));
    const toYear = yearOfDay(this.firstDay + Math.max(a, b));
    for (const gap of this.gapYears) {
      if (gap >= fromYear && gap <= toYear) throw new CalendarNotCoveredError(gap);
    }
  }
}

function validated(input: unknown, pathPrefix: string): YearArrangement {
  const result = validateYearArrangement(input);
  if (result.ok) return result.value;
  throw new InvalidYearArrangementError(
    result.errors.map((issue) => ({ ...issue, path: joinPath(pathPrefix, issue.path) })),
  );
}

function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function checkCount(n: number, name: string): void {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(
      `${name} 必须是非负整数，实际为 ${String(n)} / ${name} must be a non-negative integer, got ${String(n)}`,
    );
  }
}

/**
 * Two 32-bit FNV-1a passes with different offsets over the first year and the day kinds; 64 bits keep accidental
 * collisions between two real calendars out of reach without pulling in a crypto dependency. The provisional year is
 * mixed in (W7) so that an official arrangement identical to the derived one still changes the fingerprint; calendars
 * without one hash exactly as before W7.
 */
function fingerprintOf(firstYear: number, kind: Uint8Array, provisionalYear: number | undefined): string {
  let h1 = 0x811c9dc5 ^ firstYear;
  let h2 = 0x050c5d1f ^ firstYear;
  for (let i = 0; i < kind.length; i++) {
    h1 = Math.imul(h1 ^ kind[i], 0x01000193);
    h2 = Math.imul(h2 ^ (kind[i] + 7), 0x01000193);
  }
  h1 = Math.imul(h1 ^ kind.length, 0x01000193);
  if (provisionalYear !== undefined) {
    h1 = Math.imul(h1 ^ provisionalYear, 0x01000193);
    h2 = Math.imul(h2 ^ (provisionalYear + 7), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
