import {
  addWorkdays,
  bundledCalendar,
  calendarVersion,
  countWorkdays,
  currentCalendar,
  deadline,
  isWorkday,
  loadYearArrangement,
  resetCalendar,
  useCalendar,
  workdaysBetween,
  workdaysLeft,
} from './active-calendar';
import { CalendarNotCoveredError, InvalidYearArrangementError } from './calendar.errors';
import { WorkdayCalendar } from './calendar';
import { endOfCivilDay } from './civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import { hypothetical2027 } from './testing/year-arrangement.fixture';

afterEach(() => resetCalendar());

describe('the active calendar behind the module-level functions', () => {
  it('W2: starts as the bundled 2015–2026 data', () => {
    expect(currentCalendar()).toBe(bundledCalendar());
    expect(calendarVersion().years).toEqual(BUNDLED_YEAR_ARRANGEMENTS.map((a) => a.year));
    expect(isWorkday('2025-10-11')).toBe(true);
    expect(addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(countWorkdays('2025-09-30', '2025-10-10')).toBe(2);
    expect(deadline(new Date('2025-09-29T10:00:00+08:00'), { workdays: 3 })).toEqual(endOfCivilDay('2025-10-10'));
    expect(workdaysBetween(new Date('2025-09-30T09:00:00+08:00'), new Date('2025-10-10T09:00:00+08:00'))).toBe(2);
    expect(workdaysLeft(new Date('2025-10-10T09:00:00+08:00'), endOfCivilDay('2025-10-10'))).toBe(1);
  });

  it('W4: loading next year’s arrangement makes every module-level function use it at once', () => {
    expect(() => addWorkdays('2026-12-31', 1)).toThrow(CalendarNotCoveredError);
    const before = calendarVersion();
    loadYearArrangement(hypothetical2027());
    const after = calendarVersion();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.years).toContain(2027);
    expect(isWorkday('2027-02-08')).toBe(false);
    expect(isWorkday('2027-02-14')).toBe(true);
    // 31 Dec 2026 (Thu) → 1–3 Jan 2027 off → Monday 4 Jan.
    expect(addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('W4: a local correction replaces a bundled year without touching the bundled calendar', () => {
    const bundled2026 = bundledCalendar().arrangement(2026)!;
    loadYearArrangement({
      ...bundled2026,
      sources: [...bundled2026.sources, { title: '本地更正（测试）', issuedOn: '2026-03-01' }],
      holidays: [
        ...bundled2026.holidays,
        { name: '地方假日（测试）', nameEn: 'Local day off (test)', days: ['2026-03-10'] },
      ],
    });
    expect(isWorkday('2026-03-10')).toBe(false);
    expect(bundledCalendar().isWorkday('2026-03-10')).toBe(true);
  });

  it('W4: an invalid arrangement is refused with every issue and the active calendar stays as it was', () => {
    const before = calendarVersion();
    const broken = { ...hypothetical2027(), makeupWorkdays: ['2027-10-02', '2027-03-10'] };
    let error: unknown;
    try {
      loadYearArrangement(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidYearArrangementError);
    expect((error as InvalidYearArrangementError).issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['WORKDAYS.DATE_BOTH_OFF_AND_WORKING', 'WORKDAYS.MAKEUP_NOT_WEEKEND']),
    );
    expect(calendarVersion()).toEqual(before);
    expect(() => isWorkday('2027-03-10')).toThrow(CalendarNotCoveredError);
  });

  it('W4: a service can install a calendar rebuilt from its stored arrangements, and reset to the bundled one', () => {
    const rebuilt = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, hypothetical2027()]);
    useCalendar(rebuilt);
    expect(currentCalendar()).toBe(rebuilt);
    expect(isWorkday('2027-10-09')).toBe(true);
    resetCalendar();
    expect(currentCalendar()).toBe(bundledCalendar());
    expect(() => useCalendar({} as WorkdayCalendar)).toThrow(TypeError);
  });

  it('W4: a calendar obtained before an update keeps answering as it did', () => {
    const held = currentCalendar();
    loadYearArrangement(hypothetical2027());
    expect(() => held.isWorkday('2027-01-04')).toThrow(CalendarNotCoveredError);
    expect(currentCalendar().isWorkday('2027-01-04')).toBe(true);
  });
});
