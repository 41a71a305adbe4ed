import fc from 'fast-check';
import { InvalidCivilDateError } from './calendar.errors';
import {
  NOT_A_DATE,
  addMonthsClamped,
  civilDate,
  civilFromDays,
  daysFromCivil,
  endOfCivilDay,
  formatCivilDate,
  isCivilDate,
  parseCivilDate,
  startOfCivilDay,
  tryParseCivilDate,
  weekdayOf,
} from './civil-date';

describe('civil dates in Asia/Shanghai', () => {
  it('W1: civilDate uses +08:00 whatever the process time zone', () => {
    const original = process.env['TZ'];
    try {
      for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env['TZ'] = zone;
        // 23:59:59.999 and 00:00 in Beijing, written as UTC instants.
        expect(civilDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
        expect(civilDate(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
        expect(civilDate(new Date('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01');
      }
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });

  it('W1: endOfCivilDay is 24:00 Beijing time, i.e. the next day 00:00 +08:00', () => {
    expect(endOfCivilDay('2025-10-10').toISOString()).toBe('2025-10-10T16:00:00.000Z');
    expect(endOfCivilDay('2024-02-29').getTime()).toBe(new Date('2024-03-01T00:00:00+08:00').getTime());
    expect(startOfCivilDay('2025-10-10').toISOString()).toBe('2025-10-09T16:00:00.000Z');
    expect(civilDate(new Date(endOfCivilDay('2025-12-31').getTime() - 1))).toBe('2025-12-31');
  });

  it('W1: civilDate rejects an invalid instant', () => {
    expect(() => civilDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('W1: day-number arithmetic round-trips every date and agrees with the UTC calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2200, 12, 31) }), (day) => {
        const { year, month, day: dayOfMonth } = civilFromDays(day);
        expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
        const viaDate = new Date(day * 86_400_000);
        expect([viaDate.getUTCFullYear(), viaDate.getUTCMonth() + 1, viaDate.getUTCDate()]).toEqual([
          year,
          month,
          dayOfMonth,
        ]);
        expect(weekdayOf(day)).toBe(viaDate.getUTCDay());
        expect(parseCivilDate(formatCivilDate(day))).toBe(day);
      }),
    );
  });

  it('W1: the fast string parser agrees with the reference arithmetic for every year 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(0, 1, 1), max: daysFromCivil(9999, 12, 31) }), (day) => {
        expect(tryParseCivilDate(formatCivilDate(day))).toBe(day);
      }),
      { numRuns: 5000 },
    );
    expect(tryParseCivilDate('0000-02-29')).toBe(daysFromCivil(0, 2, 29));
    expect(tryParseCivilDate('1900-02-29')).toBe(NOT_A_DATE);
    expect(tryParseCivilDate('2000-02-29')).toBe(daysFromCivil(2000, 2, 29));
  });

  it('W1: only strict, real YYYY-MM-DD dates are accepted', () => {
    for (const good of ['2024-02-29', '2025-12-31', '2015-01-01']) expect(isCivilDate(good)).toBe(true);
    const bad = [
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-1-01',
      '2025/01/01',
      '2025-01-01T00',
      ' 2025-01-01',
      '20250101',
      '',
      '２０２５-01-01',
    ];
    for (const input of bad) {
      expect(isCivilDate(input)).toBe(false);
      expect(() => parseCivilDate(input)).toThrow(InvalidCivilDateError);
    }
    expect(() => parseCivilDate(20250101 as unknown as string)).toThrow(InvalidCivilDateError);
  });

  it('W5: adding months keeps the day number and clamps to the end of a shorter month', () => {
    const plusMonths = (date: string, months: number) =>
      formatCivilDate(addMonthsClamped(parseCivilDate(date), months));
    expect(plusMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(plusMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(plusMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(plusMonths('2025-05-15', 14)).toBe('2026-07-15');
  });
});
