import { daysFromCivil, formatCivilDate, isWeekend, parseCivilDate } from './civil-date';
import { regulationFor, statutoryHolidays } from './holiday-regulation.rules';
import type { HolidayBreak, YearArrangement } from './year-arrangement';
import { MAX_YEAR } from './year-arrangement.validator';

/**
 * SPEC W7: 暂定年度日历 — the provisional year. Until the State Council General Office publishes a year's notice, that
 * year's holidays are derived from the national holiday regulation in force (see holiday-regulation.rules.ts):
 *
 * 1. Statutory days: every date article 2 (第二条) names for the year.
 * 2. Substitute days (补假, article 6 / 第六条): each statutory day that falls on a Saturday or Sunday owes one day off
 *    on a working day. The regulation does not say which day; we take, holiday by holiday in date order, the first
 *    weekdays after that holiday's last statutory day that are not already off (not a statutory day of any holiday,
 *    not a substitute given earlier). This is the usual reading ("顺延") and needs no judgement at run time.
 * 3. A statutory day that coincides with another holiday's statutory day (Mid-Autumn on 1–3 October, as in 2028) is
 *    treated the same way: the day is off only once, so the second holiday owes a substitute. The 2020 notice did
 *    exactly this for Mid-Autumn on 1 October (four working days lost over National Day).
 * 4. No make-up working days (调休上班): those come only from a notice (article 7 / 第七条 of the 2024 revision allows
 *    them but fixes none).
 *
 * The result is a `YearArrangement` marked `provisional: true`, citing the regulation as its source. Breaks are the
 * runs of days off, weekend days inside or next to a run included (与周末连休), named after the holidays they hold.
 */

/** Whether a provisional arrangement can be derived for `year` (a modelled revision governs it, and the year is valid). */
export function canDeriveProvisionalYear(year: number): boolean {
  return Number.isInteger(year) && year <= MAX_YEAR && regulationFor(year) !== undefined;
}

const derived = new Map<number, YearArrangement>();

/**
 * The provisional arrangement of `year`, or undefined when no modelled regulation governs it. Pure and deterministic;
 * memoised because every calendar rebuild (W4) asks for it again.
 */
export function provisionalYearArrangement(year: number): YearArrangement | undefined {
  if (!canDeriveProvisionalYear(year)) return undefined;
  let arrangement = derived.get(year);
  if (arrangement === undefined) {
    arrangement = derive(year);
    derived.set(year, arrangement);
  }
  return arrangement;
}

function derive(year: number): YearArrangement {
  const regulation = regulationFor(year)!;
  const holidays = statutoryHolidays(year).map((h) => ({ ...h, dayNumbers: h.days.map(parseCivilDate) }));
  // Date order decides who gets the earlier substitute when two holidays are close (Mid-Autumn next to National Day).
  holidays.sort((a, b) => a.dayNumbers[0] - b.dayNumbers[0] || a.item - b.item);

  /** Day number → the holidays whose statutory day or substitute it is. */
  const off = new Map<number, string[]>();
  const mark = (day: number, name: string) => {
    const names = off.get(day);
    if (names === undefined) off.set(day, [name]);
    else if (!names.includes(name)) names.push(name);
  };
  for (const h of holidays) for (const day of h.dayNumbers) mark(day, h.name);

  const claimed = new Set<number>();
  for (const h of holidays) {
    let owed = 0;
    for (const day of h.dayNumbers) {
      if (isWeekend(day) || claimed.has(day)) owed++;
      claimed.add(day);
    }
    for (let day = h.dayNumbers[h.dayNumbers.length - 1] + 1; owed > 0; day++) {
      if (isWeekend(day) || off.has(day)) continue;
      mark(day, h.name);
      owed--;
    }
  }

  const firstOfYear = daysFromCivil(year, 1, 1);
  const lastOfYear = daysFromCivil(year, 12, 31);
  const names = new Map(holidays.map((h) => [h.name, h.nameEn]));
  const breaks: HolidayBreak[] = [];
  const days = [...off.keys()].sort((a, b) => a - b);
  let i = 0;
  while (i < days.length) {
    let first = days[i];
    let last = first;
    const held: string[] = [...off.get(first)!];
    // Bridge weekend-only gaps, so Friday + Monday off with the weekend between is one break.
    while (i + 1 < days.length && onlyWeekendBetween(last, days[i + 1])) {
      last = days[++i];
      for (const name of off.get(last)!) if (!held.includes(name)) held.push(name);
    }
    i++;
    while (first - 1 >= firstOfYear && isWeekend(first - 1)) first--;
    while (last + 1 <= lastOfYear && isWeekend(last + 1)) last++;
    if (last > lastOfYear) throw new RangeError(`substitute day beyond ${year}`); // cannot happen: no holiday in December
    const dates: string[] = [];
    for (let day = first; day <= last; day++) dates.push(formatCivilDate(day));
    breaks.push(
      Object.freeze({
        name: held.join('、'),
        nameEn: joinEnglish(held.map((name) => names.get(name)!)),
        days: Object.freeze(dates),
      }),
    );
  }

  return Object.freeze({
    year,
    provisional: true,
    sources: Object.freeze([
      Object.freeze({
        title: `${regulation.title}（${regulation.revision}）`,
        docNo: regulation.decree,
        issuedOn: regulation.promulgatedOn,
        note:
          `暂定：依第二条推算法定节日，依第六条在工作日补假，无调休上班；国务院办公厅公布${year}年节假日安排后以其为准。` +
          ` / Provisional: statutory holidays per article 2, substitute days per article 6, no make-up working days;` +
          ` superseded by the State Council notice for ${year} once published.`,
      }),
    ]),
    holidays: Object.freeze(breaks),
    makeupWorkdays: Object.freeze([]),
  } satisfies YearArrangement);
}

function onlyWeekendBetween(a: number, b: number): boolean {
  for (let day = a + 1; day < b; day++) if (!isWeekend(day)) return false;
  return true;
}

function joinEnglish(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
