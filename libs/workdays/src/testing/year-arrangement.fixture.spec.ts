import { WorkdayCalendar } from '../calendar';
import { parseCivilDate, weekdayOf } from '../civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from '../holidays.data';
import { MAX_YEAR, MIN_YEAR, validateYearArrangement } from '../year-arrangement.validator';
import { hypothetical2027, hypotheticalYear, hypotheticalYearsThrough } from './year-arrangement.fixture';

const LAST_BUNDLED = Math.max(...BUNDLED_YEAR_ARRANGEMENTS.map((a) => a.year));

describe('test-only hypothetical arrangements', () => {
  it('W7: hypotheticalYear is accepted for every year the validator takes, with the documented layout', () => {
    for (let year = MIN_YEAR; year <= MAX_YEAR; year++) {
      const arrangement = hypotheticalYear(year);
      expect(validateYearArrangement(arrangement)).toMatchObject({ ok: true });
      expect(arrangement.sources[0].title).toContain('非官方');
      const byName = Object.fromEntries(arrangement.holidays.map((h) => [h.name, h.days]));
      expect(byName['国庆节']).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `${year}-10-0${d}`));
      expect(byName['春节']).toEqual([10, 11, 12, 13, 14, 15, 16].map((d) => `${year}-02-${d}`));
      expect(byName['元旦']).toEqual([`${year}-01-01`]);
      expect(byName['劳动节']).toEqual([`${year}-05-01`, `${year}-05-02`, `${year}-05-03`]);
      const [makeup, ...others] = arrangement.makeupWorkdays;
      expect(others).toEqual([]);
      expect(weekdayOf(parseCivilDate(makeup))).toBe(6);
      expect(makeup >= `${year}-10-08` && makeup <= `${year}-10-14`).toBe(true);
      expect(arrangement.holidays.flatMap((h) => h.days).some((d) => d.startsWith(`${year}-12`))).toBe(false);
    }
    expect(() => hypotheticalYear(2027.5)).toThrow(RangeError);
  });

  it('W7: hypotheticalYearsThrough gives one year for every year after the bundled data, without gaps', () => {
    expect(hypotheticalYearsThrough(LAST_BUNDLED)).toEqual([]);
    const years = hypotheticalYearsThrough(LAST_BUNDLED + 12);
    expect(years.map((a) => a.year)).toEqual(Array.from({ length: 12 }, (_, i) => LAST_BUNDLED + 1 + i));
    // With the bundled data they make a calendar with no gap, and the year after them is the provisional one.
    const calendar = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...years]);
    expect(calendar.provisionalYear).toBe(LAST_BUNDLED + 13);
    const last = LAST_BUNDLED + 12;
    expect(calendar.countWorkdays(`${LAST_BUNDLED}-12-31`, `${last}-12-31`)).toBeGreaterThan(12 * 240);
  });

  it('W4: hypothetical2027 keeps its richer layout for the validator tests', () => {
    const arrangement = hypothetical2027();
    expect(validateYearArrangement(arrangement)).toMatchObject({ ok: true });
    expect(arrangement.makeupWorkdays).toEqual(['2027-02-14', '2027-04-25', '2027-09-26', '2027-10-09']);
  });
});
