import {
  addWorkdays,
  bundledCalendar,
  calendarVersion,
  countWorkdays,
  currentCalendar,
  deadline,
  isProvisional,
  isWorkday,
  loadYearArrangement,
  resetCalendar,
  touchesProvisional,
  useCalendar,
  workdaysBetween,
  workdaysLeft,
} from './active-calendar';
import { InvalidYearArrangementError } from './calendar.errors';
import { WorkdayCalendar } from './calendar';
import { endOfCivilDay } from './civil-date';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
import { hypothetical2027, hypotheticalYear } from './testing/year-arrangement.fixture';

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
    // W7: before the notice, 2027 is provisional — the derived 初三 (Mon 8 Feb) is off, Sun 14 Feb is a rest day.
    expect(isProvisional('2027-02-08')).toBe(true);
    expect(isWorkday('2027-02-14')).toBe(false);
    const before = calendarVersion();
    loadYearArrangement(hypothetical2027());
    const after = calendarVersion();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.years).toContain(2027);
    expect(isProvisional('2027-02-08')).toBe(false);
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
    // W7: 2027 is still the provisional year, not the refused data (10 Mar is an ordinary Wednesday there).
    expect(calendarVersion().provisionalYear).toBe(2027);
    expect(isWorkday('2027-03-10')).toBe(true);
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
    // Sat 9 Oct 2027: a rest day in the held calendar's provisional 2027 (W7), a make-up working day in the notice.
    expect(held.isWorkday('2027-10-09')).toBe(false);
    expect(held.isProvisional('2027-10-09')).toBe(true);
    expect(currentCalendar().isWorkday('2027-10-09')).toBe(true);
  });
});

describe('the provisional year in the active calendar (SPEC W7)', () => {
  const beijing = (wallClock: string) => new Date(`${wallClock}+08:00`);

  it('W7: the active calendar starts with the bundled years plus the provisional year after them', () => {
    expect(calendarVersion()).toMatchObject({
      years: BUNDLED_YEAR_ARRANGEMENTS.map((a) => a.year),
      provisionalYear: 2027,
    });
    expect(bundledCalendar().provisionalYear).toBe(2027);
    expect(isProvisional('2027-06-09')).toBe(true);
    expect(isWorkday('2027-06-09')).toBe(false); // 端午节, 五月初五
    expect(isProvisional('2026-06-19')).toBe(false);
    // 30 Dec 2026 + 3 working days: Thu 31 Dec, then 元旦 (Fri 1 Jan) and the weekend, Mon 4 and Tue 5 Jan.
    const eventAt = beijing('2026-12-30T15:00:00');
    const limit = deadline(eventAt, { workdays: 3 });
    expect(limit).toEqual(endOfCivilDay('2027-01-05'));
    expect(touchesProvisional(eventAt, limit)).toBe(true);
    expect(touchesProvisional(eventAt, endOfCivilDay('2026-12-31'))).toBe(false);
  });

  it('W7: publishing the official year replaces the provisional one and the next year becomes provisional', () => {
    const provisionalFingerprint = calendarVersion().fingerprint;
    const eventAt = beijing('2027-09-30T10:00:00');
    // Provisional 2027: Oct 1–5 off, no make-up day → the 3rd working day after 30 Sep is Fri 8 Oct.
    expect(deadline(eventAt, { workdays: 3 })).toEqual(endOfCivilDay('2027-10-08'));
    expect(() => isWorkday('2028-03-01')).toThrow(expect.objectContaining({ year: 2028 }));

    loadYearArrangement(hypotheticalYear(2027));
    // The notice (test-only): 1–7 Oct off, Sat 9 Oct worked → Fri 8, Sat 9, Mon 11 Oct. Re-timed, no longer provisional.
    const limit = deadline(eventAt, { workdays: 3 });
    expect(limit).toEqual(endOfCivilDay('2027-10-11'));
    expect(touchesProvisional(eventAt, limit)).toBe(false);
    expect(calendarVersion()).toMatchObject({ provisionalYear: 2028 });
    expect(calendarVersion().years).toContain(2027);
    expect(calendarVersion().fingerprint).not.toBe(provisionalFingerprint);
    expect(isProvisional('2028-03-01')).toBe(true);
    expect(isWorkday('2028-03-01')).toBe(true);
    expect(() => isWorkday('2029-03-01')).toThrow(expect.objectContaining({ year: 2029 }));

    // And once more a year later.
    loadYearArrangement(hypotheticalYear(2028));
    expect(calendarVersion().provisionalYear).toBe(2029);
    expect(isProvisional('2028-03-01')).toBe(false);
  });

  it('W7: a provisional arrangement offered for publishing is refused and nothing changes', () => {
    const before = calendarVersion();
    const derived = currentCalendar().arrangement(2027);
    expect(() => loadYearArrangement(derived)).toThrow(InvalidYearArrangementError);
    expect(() => loadYearArrangement({ ...hypotheticalYear(2027), provisional: true })).toThrow(
      expect.objectContaining({
        issues: expect.arrayContaining([expect.objectContaining({ code: 'WORKDAYS.PROVISIONAL_NOT_ACCEPTED' })]),
      }),
    );
    expect(calendarVersion()).toEqual(before);
  });

  it('W7: a service installing a calendar rebuilt from stored arrangements gets the same provisional year', () => {
    const stored = [...BUNDLED_YEAR_ARRANGEMENTS, hypotheticalYear(2027)];
    useCalendar(WorkdayCalendar.fromYears(stored));
    loadYearArrangement(hypotheticalYear(2027)); // replaying the same arrangement changes nothing
    expect(calendarVersion()).toMatchObject({
      provisionalYear: 2028,
      fingerprint: WorkdayCalendar.fromYears([...stored].reverse()).fingerprint,
    });
  });
});
