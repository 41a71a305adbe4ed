import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar } from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import { enforcementCategories } from '../case/case.types';
import { TAKE_DOWN_PERIOD, objectionPeriod, publicationPeriod, retentionPeriod } from './disclosure-periods.rules';

// A year after every bundled one and after the clock's, on the test-only arrangement (National Day 1–7 October):
// no assertion depends on today's date.
const YEAR = Math.max(new Date().getUTCFullYear(), ...BUNDLED_YEAR_ARRANGEMENTS.map((a) => a.year)) + 1;
const calendar = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...hypotheticalYearsThrough(YEAR + 6)]);

/** Independent oracle for the hypothetical year: weekdays, minus 1–7 October, plus the Saturday after 7 October. */
function nthWorkdayAfter(date: string, n: number): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += 86_400_000;
    const d = new Date(t);
    const [m, day, wd] = [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCDay()];
    const nationalDay = m === 10 && day <= 7;
    const makeup = m === 10 && day >= 8 && day <= 14 && wd === 6;
    if (makeup || (wd >= 1 && wd <= 5 && !nationalDay)) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

const endOfDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

describe('disclosure periods (SPEC D4, D7, D8, D9)', () => {
  it('D4: permit, penalty, coercive and expropriation decisions within 7 working days; every other within 20', () => {
    const seven = ['permit', 'penalty', 'coercive-measure', 'expropriation'];
    for (const category of enforcementCategories) {
      expect(publicationPeriod(category)).toEqual({ workdays: seven.includes(category) ? 7 : 20 });
    }
  });

  it('D4, W5: 7 working days from a decision on 28 September run past National Day and count the make-up Saturday', () => {
    const decidedAt = new Date(`${YEAR}-09-28T15:00:00+08:00`);
    expect(calendar.deadline(decidedAt, publicationPeriod('penalty')).toISOString()).toBe(
      endOfDay(nthWorkdayAfter(`${YEAR}-09-28`, 7)),
    );
    expect(calendar.deadline(decidedAt, publicationPeriod('inspection')).toISOString()).toBe(
      endOfDay(nthWorkdayAfter(`${YEAR}-09-28`, 20)),
    );
  });

  it('D8: a revoked decision comes down within 3 working days of the legal document', () => {
    expect(TAKE_DOWN_PERIOD).toEqual({ workdays: 3 });
  });

  it('D9: an objection is decided within 10 working days, 2 when urgent', () => {
    expect(objectionPeriod(false)).toEqual({ workdays: 10 });
    expect(objectionPeriod(true)).toEqual({ workdays: 2 });
  });

  it('D7, W5: 2 years for a natural person, 5 otherwise, ending on the same-numbered day or the next working day', () => {
    expect(retentionPeriod('natural-person')).toEqual({ years: 2 });
    expect(retentionPeriod('individual-business')).toEqual({ years: 5 });
    expect(retentionPeriod('organisation')).toEqual({ years: 5 });
    // 1 October is a holiday every hypothetical year: a period ending on it runs to the next working day.
    const publishedAt = new Date(`${YEAR}-10-01T10:00:00+08:00`);
    const end = calendar.deadline(publishedAt, retentionPeriod('natural-person'));
    expect(end.toISOString()).toBe(endOfDay(nthWorkdayAfter(`${YEAR + 2}-09-30`, 1)));
  });
});
