import type { YearArrangementIssue } from './calendar.errors';
import { NOT_A_DATE, daysFromCivil, formatCivilDate, isWeekend, tryParseCivilDate, weekdayOf } from './civil-date';
import type { HolidayBreak, SourceNotice, YearArrangement } from './year-arrangement';

/**
 * Plausibility bounds for one year's arrangement. They exist to catch typing mistakes in an admin upload (a wrong
 * month, a missing break, a make-up day pasted twice) before they move legal deadlines. Observed 2015–2026:
 * 16–19 holiday weekdays, 5–8 make-up days, holiday weekdays minus make-up days 11–13 (11 statutory days until
 * 2024, 13 from 2025, plus one-off extras such as Victory Day 2015 and the 2020 extension), longest break 10 days
 * (Spring Festival 2020). The bounds leave room around that; a truly exceptional notice can be loaded by widening
 * them explicitly.
 */
export interface PlausibilityBounds {
  /** Weekdays (Mon–Fri) listed as holidays, per year. */
  readonly minHolidayWeekdays: number;
  readonly maxHolidayWeekdays: number;
  /** Holiday weekdays minus make-up working days: the net working days the year loses. */
  readonly minNetDaysOff: number;
  readonly maxNetDaysOff: number;
  readonly maxMakeupWorkdays: number;
  /** Longest single break, in calendar days. */
  readonly maxBreakLength: number;
}

export const DEFAULT_PLAUSIBILITY_BOUNDS: PlausibilityBounds = Object.freeze({
  minHolidayWeekdays: 10,
  maxHolidayWeekdays: 30,
  minNetDaysOff: 8,
  maxNetDaysOff: 16,
  maxMakeupWorkdays: 12,
  maxBreakLength: 12,
});

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export type YearArrangementValidation =
  | { readonly ok: true; readonly value: YearArrangement }
  | { readonly ok: false; readonly errors: readonly YearArrangementIssue[] };

export interface ValidateOptions {
  readonly bounds?: Partial<PlausibilityBounds>;
}

/**
 * Checks an untrusted year arrangement (SPEC W4: admin API input) and returns either a normalised, frozen copy or
 * every problem found, each with a path and a message in Chinese and English that says how to fix it. Pure: no I/O,
 * no clock.
 */
export function validateYearArrangement(input: unknown, options: ValidateOptions = {}): YearArrangementValidation {
  const bounds: PlausibilityBounds = { ...DEFAULT_PLAUSIBILITY_BOUNDS, ...options.bounds };
  const errors: YearArrangementIssue[] = [];
  const issue = (path: string, code: string, zh: string, en: string) =>
    errors.push({ path, code: `WORKDAYS.${code}`, message_zh: zh, message_en: en });

  if (!isRecord(input)) {
    issue('', 'NOT_AN_OBJECT', '节假日安排必须是一个 JSON 对象。', 'The holiday arrangement must be a JSON object.');
    return { ok: false, errors };
  }

  const year = input['year'];
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  if (!yearOk) {
    issue(
      'year',
      'YEAR_INVALID',
      `year 必须是 ${MIN_YEAR} 至 ${MAX_YEAR} 之间的整数年份，实际为 ${show(year)}。`,
      `year must be a whole year between ${MIN_YEAR} and ${MAX_YEAR}; got ${show(year)}.`,
    );
  }

  // W7: the provisional year is derived by the calendar itself; publishing one would pass a guess off as official.
  if (input['provisional'] !== undefined) {
    issue(
      'provisional',
      'PROVISIONAL_NOT_ACCEPTED',
      '暂定安排由系统依据《全国年节及纪念日放假办法》自动推算，不能发布；请删除 provisional，只发布国务院办公厅正式通知的安排。',
      'A provisional arrangement is derived by the calendar from the national holiday regulation and cannot be published; remove provisional and publish only the official State Council arrangement.',
    );
  }

  const sources = checkSources(input['sources'], yearOk ? year : undefined, issue);

  /** Reads one date, reporting malformed and out-of-year values; returns its day number or NOT_A_DATE. */
  const readDate = (value: unknown, path: string): number => {
    const day = typeof value === 'string' ? tryParseCivilDate(value) : NOT_A_DATE;
    if (day === NOT_A_DATE) {
      issue(
        path,
        'DATE_INVALID',
        `${show(value)} 不是有效日期，请使用 YYYY-MM-DD 格式的真实日期（如 2025-10-01）。`,
        `${show(value)} is not a valid date; use a real date in YYYY-MM-DD form (e.g. 2025-10-01).`,
      );
      return NOT_A_DATE;
    }
    if (yearOk && (day < daysFromCivil(year, 1, 1) || day > daysFromCivil(year, 12, 31))) {
      issue(
        path,
        'DATE_OUTSIDE_YEAR',
        `${value as string} 不在 ${year} 年内；每个日期都必须属于所声明的年份，跨年的部分请放入对应年份的安排。`,
        `${value as string} is not in ${year}; every date must fall in the stated year — put the part of a break that crosses New Year into that year's arrangement.`,
      );
    }
    return day;
  };

  const offDays = new Map<number, string>();
  const holidays: HolidayBreak[] = [];
  const rawHolidays = input['holidays'];
  if (!Array.isArray(rawHolidays)) {
    issue(
      'holidays',
      'HOLIDAYS_MISSING',
      'holidays 必须是放假安排的数组。',
      'holidays must be an array of holiday breaks.',
    );
  } else {
    rawHolidays.forEach((raw: unknown, index) => {
      const path = `holidays[${index}]`;
      if (!isRecord(raw)) {
        issue(
          path,
          'HOLIDAY_INVALID',
          '每项放假安排必须是对象，包含 name、nameEn、days。',
          'Each holiday break must be an object with name, nameEn and days.',
        );
        return;
      }
      const name = checkText(raw['name'], `${path}.name`, '节日名称（中文）', 'the Chinese holiday name', issue);
      const nameEn = checkText(raw['nameEn'], `${path}.nameEn`, '节日名称（英文）', 'the English holiday name', issue);
      const rawDays = raw['days'];
      if (!Array.isArray(rawDays) || rawDays.length === 0) {
        issue(
          `${path}.days`,
          'HOLIDAY_DAYS_MISSING',
          `${name || path} 的 days 必须是至少包含一个日期的数组。`,
          `days of ${nameEn || path} must be a non-empty array of dates.`,
        );
        return;
      }
      const dayNumbers: number[] = [];
      rawDays.forEach((value: unknown, dayIndex) => {
        const dayPath = `${path}.days[${dayIndex}]`;
        const day = readDate(value, dayPath);
        if (day === NOT_A_DATE) return;
        if (offDays.has(day)) {
          issue(
            dayPath,
            'DATE_DUPLICATE',
            `${value as string} 在放假日期中重复出现（另见 ${offDays.get(day)}），请删除重复项。`,
            `${value as string} is listed as a holiday more than once (see also ${offDays.get(day)}); remove the duplicate.`,
          );
          return;
        }
        offDays.set(day, dayPath);
        dayNumbers.push(day);
      });
      if (dayNumbers.length !== rawDays.length) return;
      const sorted = [...dayNumbers].sort((a, b) => a - b);
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      if (last - first + 1 !== sorted.length) {
        issue(
          `${path}.days`,
          'HOLIDAY_NOT_CONSECUTIVE',
          `${name || path} 的放假日期应为连续的一段（${formatCivilDate(first)} 至 ${formatCivilDate(last)} 之间有缺漏）；若确为两段假期，请拆成两项。`,
          `The days of ${nameEn || path} must be one consecutive run (there is a gap between ${formatCivilDate(first)} and ${formatCivilDate(last)}); if there really are two breaks, list them separately.`,
        );
      }
      if (sorted.length > bounds.maxBreakLength) {
        issue(
          `${path}.days`,
          'HOLIDAY_TOO_LONG',
          `${name || path} 共 ${sorted.length} 天，超过单次放假上限 ${bounds.maxBreakLength} 天，请核对日期。`,
          `${nameEn || path} lasts ${sorted.length} days, more than the ${bounds.maxBreakLength}-day limit for one break; check the dates.`,
        );
      }
      holidays.push(Object.freeze({ name, nameEn, days: Object.freeze(sorted.map(formatCivilDate)) }));
    });
  }

  const makeupDays: number[] = [];
  const rawMakeups = input['makeupWorkdays'];
  if (!Array.isArray(rawMakeups)) {
    issue(
      'makeupWorkdays',
      'MAKEUP_MISSING',
      'makeupWorkdays 必须是调休上班日期的数组（没有则为空数组）。',
      'makeupWorkdays must be an array of make-up working days (empty if there are none).',
    );
  } else {
    const seen = new Set<number>();
    rawMakeups.forEach((value: unknown, index) => {
      const path = `makeupWorkdays[${index}]`;
      const day = readDate(value, path);
      if (day === NOT_A_DATE) return;
      if (seen.has(day)) {
        issue(
          path,
          'DATE_DUPLICATE',
          `调休上班日 ${value as string} 重复出现，请删除重复项。`,
          `Make-up working day ${value as string} is listed more than once; remove the duplicate.`,
        );
        return;
      }
      seen.add(day);
      if (offDays.has(day)) {
        issue(
          path,
          'DATE_BOTH_OFF_AND_WORKING',
          `${value as string} 同时被列为放假日（${offDays.get(day)}）和调休上班日，请删除其中之一。`,
          `${value as string} is listed both as a holiday (${offDays.get(day)}) and as a make-up working day; remove one of them.`,
        );
      }
      if (!isWeekend(day)) {
        issue(
          path,
          'MAKEUP_NOT_WEEKEND',
          `调休上班日 ${value as string} 是${weekdayZh(day)}，本来就是工作日；调休上班日只能是周六或周日，请核对日期。`,
          `Make-up working day ${value as string} is a ${weekdayEn(day)}, already a working day; make-up days must fall on a Saturday or Sunday — check the date.`,
        );
      }
      makeupDays.push(day);
    });
  }

  if (yearOk && Array.isArray(rawHolidays) && Array.isArray(rawMakeups) && errors.length === 0) {
    checkPlausibility(year, [...offDays.keys()], makeupDays.length, bounds, issue);
  }

  if (errors.length > 0) return { ok: false, errors };
  const value: YearArrangement = Object.freeze({
    year: year as number,
    sources: Object.freeze(sources),
    holidays: Object.freeze(holidays),
    makeupWorkdays: Object.freeze(makeupDays.sort((a, b) => a - b).map(formatCivilDate)),
  });
  return { ok: true, value };
}

type Report = (path: string, code: string, zh: string, en: string) => void;

function checkSources(raw: unknown, year: number | undefined, issue: Report): SourceNotice[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    issue(
      'sources',
      'SOURCE_MISSING',
      'sources 必须列出至少一份依据的通知（标题、文号、成文日期）。',
      'sources must cite at least one notice (title, document number, date issued).',
    );
    return [];
  }
  const sources: SourceNotice[] = [];
  raw.forEach((item: unknown, index) => {
    const path = `sources[${index}]`;
    if (!isRecord(item)) {
      issue(
        path,
        'SOURCE_INVALID',
        '每份依据必须是对象，包含 title、issuedOn，可选 docNo、note。',
        'Each source must be an object with title and issuedOn, and optionally docNo and note.',
      );
      return;
    }
    const title = checkText(item['title'], `${path}.title`, '通知标题', 'the notice title', issue);
    const docNo = item['docNo'];
    if (docNo !== undefined && (typeof docNo !== 'string' || docNo.trim() === '')) {
      issue(
        `${path}.docNo`,
        'SOURCE_INVALID',
        '文号如提供，必须是非空文本（如 国办发明电〔2024〕12号）。',
        'docNo, if given, must be non-empty text (e.g. 国办发明电〔2024〕12号).',
      );
    }
    const note = item['note'];
    if (note !== undefined && typeof note !== 'string') {
      issue(`${path}.note`, 'SOURCE_INVALID', 'note 如提供，必须是文本。', 'note, if given, must be text.');
    }
    const issuedOn = item['issuedOn'];
    const issuedDay = typeof issuedOn === 'string' ? tryParseCivilDate(issuedOn) : NOT_A_DATE;
    if (issuedDay === NOT_A_DATE) {
      issue(
        `${path}.issuedOn`,
        'DATE_INVALID',
        `成文日期 ${show(issuedOn)} 无效，请使用 YYYY-MM-DD 格式。`,
        `issuedOn ${show(issuedOn)} is not a valid date; use YYYY-MM-DD.`,
      );
    } else if (
      year !== undefined &&
      (issuedDay < daysFromCivil(year - 2, 1, 1) || issuedDay > daysFromCivil(year, 12, 31))
    ) {
      issue(
        `${path}.issuedOn`,
        'SOURCE_DATE_IMPLAUSIBLE',
        `成文日期 ${issuedOn as string} 与 ${year} 年不符：通知应在 ${year - 2} 年至 ${year} 年之间发布。`,
        `issuedOn ${issuedOn as string} does not fit ${year}: the notice must be dated between ${year - 2} and ${year}.`,
      );
    }
    sources.push(
      Object.freeze({
        title,
        issuedOn: issuedOn as string,
        ...(typeof docNo === 'string' ? { docNo } : {}),
        ...(typeof note === 'string' ? { note } : {}),
      }),
    );
  });
  return sources;
}

function checkPlausibility(
  year: number,
  offDays: number[],
  makeupCount: number,
  bounds: PlausibilityBounds,
  issue: Report,
): void {
  const holidayWeekdays = offDays.filter((day) => !isWeekend(day)).length;
  if (holidayWeekdays < bounds.minHolidayWeekdays || holidayWeekdays > bounds.maxHolidayWeekdays) {
    issue(
      'holidays',
      'HOLIDAY_WEEKDAYS_OUT_OF_RANGE',
      `${year} 年放假日中有 ${holidayWeekdays} 个工作日（周一至周五），通常应在 ${bounds.minHolidayWeekdays} 至 ${bounds.maxHolidayWeekdays} 之间；请检查是否漏填或多填了假期。`,
      `${year} has ${holidayWeekdays} holiday weekdays (Mon–Fri); expected ${bounds.minHolidayWeekdays} to ${bounds.maxHolidayWeekdays}. Check for a missing or extra break.`,
    );
  }
  if (makeupCount > bounds.maxMakeupWorkdays) {
    issue(
      'makeupWorkdays',
      'TOO_MANY_MAKEUP_DAYS',
      `${year} 年有 ${makeupCount} 个调休上班日，超过上限 ${bounds.maxMakeupWorkdays}；请核对。`,
      `${year} has ${makeupCount} make-up working days, more than the limit of ${bounds.maxMakeupWorkdays}; check them.`,
    );
  }
  const net = holidayWeekdays - makeupCount;
  if (net < bounds.minNetDaysOff || net > bounds.maxNetDaysOff) {
    issue(
      '',
      'NET_DAYS_OFF_OUT_OF_RANGE',
      `${year} 年放假的工作日数减去调休上班日数为 ${net}，通常应在 ${bounds.minNetDaysOff} 至 ${bounds.maxNetDaysOff} 之间（法定节假日天数）；请检查放假或调休日期是否遗漏。`,
      `${year}'s holiday weekdays minus make-up days is ${net}; expected ${bounds.minNetDaysOff} to ${bounds.maxNetDaysOff} (roughly the statutory holidays). Check for missing holidays or make-up days.`,
    );
  }
}

function checkText(value: unknown, path: string, zh: string, en: string, issue: Report): string {
  if (typeof value !== 'string' || value.trim() === '') {
    issue(path, 'TEXT_MISSING', `请填写${zh}（非空文本）。`, `Fill in ${en} (non-empty text).`);
    return '';
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value; // a BigInt or a cyclic object
  }
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekdayZh(day: number): string {
  return WEEKDAYS_ZH[weekdayOf(day)];
}

function weekdayEn(day: number): string {
  return WEEKDAYS_EN[weekdayOf(day)];
}
