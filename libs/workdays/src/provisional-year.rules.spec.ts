import { daysFromCivil, formatCivilDate, isWeekend, parseCivilDate } from './civil-date';
import { statutoryHolidays } from './holiday-regulation.rules';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import { canDeriveProvisionalYear, provisionalYearArrangement } from './provisional-year.rules';
import type { YearArrangement } from './year-arrangement';
import { MAX_YEAR, validateYearArrangement } from './year-arrangement.validator';

const derived = (year: number): YearArrangement => {
  const arrangement = provisionalYearArrangement(year);
  if (!arrangement) throw new Error(`no provisional arrangement for ${year}`);
  return arrangement;
};

/** Weekdays (Mon–Fri) off in an arrangement: the working days the year loses before make-up days. */
const weekdaysOff = (a: YearArrangement) =>
  [...new Set(a.holidays.flatMap((h) => h.days))].filter((date) => !isWeekend(parseCivilDate(date))).sort();

const breakHolding = (a: YearArrangement, date: string) => a.holidays.find((h) => h.days.includes(date));

describe('the provisional year derived from the national holiday regulation (SPEC W7)', () => {
  it('W7: a holiday falling on a Sunday is made up on the next working day', () => {
    // 1 January 2034 is a Sunday: Monday 2 January is the substitute day (补假).
    expect(weekdaysOff(derived(2034)).slice(0, 1)).toEqual(['2034-01-02']);
    expect(breakHolding(derived(2034), '2034-01-02')).toMatchObject({
      name: '元旦',
      days: ['2034-01-01', '2034-01-02'],
    });
  });

  it('W7: weekend days inside a holiday are made up after the whole holiday, on weekdays not already off', () => {
    // Spring Festival 2027: 除夕 Fri 5 Feb, 初一 Sat 6, 初二 Sun 7, 初三 Mon 8 → Tue 9 and Wed 10 in lieu.
    expect(breakHolding(derived(2027), '2027-02-05')?.days).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
    // National Day 2027: Fri 1, Sat 2, Sun 3 Oct → Mon 4 and Tue 5 in lieu; nothing else moves.
    expect(weekdaysOff(derived(2027)).filter((d) => d.startsWith('2027-10'))).toEqual([
      '2027-10-01',
      '2027-10-04',
      '2027-10-05',
    ]);
    // Labour Day 2027 falls wholly on Sat 1 and Sun 2 May → Mon 3 and Tue 4 May.
    expect(weekdaysOff(derived(2027)).filter((d) => d.startsWith('2027-05'))).toEqual(['2027-05-03', '2027-05-04']);
  });

  it('W7: a holiday on a day that is already a statutory holiday is made up too (Mid-Autumn on 3 October 2028)', () => {
    // 1 Oct 2028 is a Sunday; Mid-Autumn (八月十五) is Tuesday 3 October, also National Day. National Day owes a day
    // for the Sunday and Mid-Autumn one for the shared Tuesday: Wed 4 and Thu 5 Oct — four working days lost, as the
    // 2020 notice did when Mid-Autumn fell on 1 October.
    expect(weekdaysOff(derived(2028)).filter((d) => d.startsWith('2028-10'))).toEqual([
      '2028-10-02',
      '2028-10-03',
      '2028-10-04',
      '2028-10-05',
    ]);
    expect(breakHolding(derived(2028), '2028-10-03')).toMatchObject({
      name: '国庆节、中秋节',
      nameEn: 'National Day and Mid-Autumn Festival',
    });
  });

  it('W7: no make-up working days, and every year loses exactly its statutory days as working days', () => {
    for (let year = 2025; year <= MAX_YEAR; year++) {
      const arrangement = derived(year);
      const statutory = statutoryHolidays(year).flatMap((h) => h.days);
      expect(arrangement.makeupWorkdays).toEqual([]);
      expect(weekdaysOff(arrangement)).toHaveLength(13);
      for (const date of statutory) expect(breakHolding(arrangement, date)).toBeDefined();
      // Apart from the marker and the source (the regulation is older than a notice may be), it is well formed.
      const asPublished = {
        ...arrangement,
        provisional: undefined,
        sources: [{ title: 'test', issuedOn: `${year}-01-01` }],
      };
      expect(validateYearArrangement(asPublished)).toMatchObject({ ok: true });
    }
  });

  it('W7: derived from the regulation then in force, each bundled year loses as many working days as its official arrangement', () => {
    // The official years add one-off days the regulation does not know: Victory Day 2015 (国发明电〔2015〕1号) and
    // the 2020 Spring Festival extension (国办发明电〔2020〕1号, one weekday off and one make-up Saturday cancelled).
    const oneOff: Record<number, number> = { 2015: 1, 2020: 2 };
    for (const official of BUNDLED_YEAR_ARRANGEMENTS) {
      const officialNet = weekdaysOff(official).length - official.makeupWorkdays.length;
      expect({ year: official.year, net: weekdaysOff(derived(official.year)).length }).toEqual({
        year: official.year,
        net: officialNet - (oneOff[official.year] ?? 0),
      });
    }
  });

  it('W7: derived 2026 keeps every statutory day of the official 2026 notice off (a real year under the 2024 revision)', () => {
    const official = BUNDLED_YEAR_ARRANGEMENTS.find((a) => a.year === 2026)!;
    const provisional = derived(2026);
    const officialOff = new Set(official.holidays.flatMap((h) => h.days));
    for (const holiday of statutoryHolidays(2026)) {
      for (const date of holiday.days) {
        expect(officialOff.has(date)).toBe(true);
        expect(breakHolding(provisional, date)?.name).toContain(holiday.name);
      }
    }
    // The notice moves days around with make-up Saturdays/Sundays; the provisional year cannot know those.
    expect(official.makeupWorkdays.length).toBeGreaterThan(0);
    expect(provisional.makeupWorkdays).toEqual([]);
  });

  it('W7: the arrangement is marked provisional, cites the regulation and its articles, and is frozen and stable', () => {
    const arrangement = derived(2027);
    expect(arrangement.provisional).toBe(true);
    expect(arrangement.sources).toEqual([
      expect.objectContaining({
        title: '全国年节及纪念日放假办法（2024年修订）',
        docNo: '国务院令第795号',
        issuedOn: '2024-11-10',
      }),
    ]);
    expect(arrangement.sources[0].note).toContain('第二条');
    expect(arrangement.sources[0].note).toContain('第六条');
    expect(Object.isFrozen(arrangement)).toBe(true);
    expect(Object.isFrozen(arrangement.holidays[0].days)).toBe(true);
    expect(provisionalYearArrangement(2027)).toBe(arrangement);
    // Breaks are consecutive runs inside the year, weekends next to a run included (与周末连休).
    expect(breakHolding(arrangement, '2027-04-05')?.days).toEqual(['2027-04-03', '2027-04-04', '2027-04-05']);
    expect(breakHolding(arrangement, '2027-01-01')?.days).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('W7: nothing is derived for a year no modelled revision governs, or beyond the years the calendar accepts', () => {
    expect(canDeriveProvisionalYear(2013)).toBe(false);
    expect(provisionalYearArrangement(2013)).toBeUndefined();
    expect(provisionalYearArrangement(MAX_YEAR + 1)).toBeUndefined();
    expect(provisionalYearArrangement(2027.5)).toBeUndefined();
    expect(canDeriveProvisionalYear(2014)).toBe(true);
    expect(formatCivilDate(daysFromCivil(2014, 1, 1))).toBe(derived(2014).holidays[0].days[0]);
  });
});
