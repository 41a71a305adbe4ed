import {
  DEVICE_CHECKOUT_MAX_DAYS,
  deviceExportStateOf,
  deviceReturnStateOf,
  deviceReturnWarnAt,
  expectedReturnProblems,
  periodicCheckDueAt,
  reassignmentProblems,
} from './device-lifecycle.rules';
import { deviceStatusOf } from './device.rules';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-10T02:00:00Z');
const at = (hours: number) => new Date(NOW + hours * HOUR).toISOString();

describe('a device’s life (SPEC R11)', () => {
  it('R11: a retired device is retired whatever its history says, and never available again', () => {
    expect(deviceStatusOf({ openCheckout: null, latestCheckOutcome: 'ok', retired: true })).toBe('retired');
    expect(deviceStatusOf({ openCheckout: null, latestCheckOutcome: 'defect', retired: true })).toBe('retired');
    expect(deviceStatusOf({ openCheckout: null, latestCheckOutcome: 'ok', retired: false })).toBe('available');
  });

  it('R11: the expected return is after now and within 30 days, each refusal naming the field in both languages', () => {
    expect(expectedReturnProblems(at(8), NOW)).toEqual([]);
    expect(expectedReturnProblems(at(DEVICE_CHECKOUT_MAX_DAYS * 24), NOW)).toEqual([]);
    const past = expectedReturnProblems(at(-1), NOW);
    expect(past).toEqual([expect.objectContaining({ field: 'expectedReturnAt' })]);
    expect(past[0].zh).toContain('晚于现在');
    expect(past[0].en).toContain('future');
    expect(expectedReturnProblems(at(0), NOW)).toHaveLength(1);
    const far = expectedReturnProblems(at(DEVICE_CHECKOUT_MAX_DAYS * 24 + 1), NOW);
    expect(far[0].en).toContain('30 days');
    expect(expectedReturnProblems('not a date', NOW)[0].field).toBe('expectedReturnAt');
  });

  it('R11: a reassignment changes the unit, the administrator or both; one that changes nothing is refused', () => {
    const current = { unitId: 'unit-1', administrator: 'u-admin' };
    expect(reassignmentProblems(current, { unitId: 'unit-2' })).toEqual([]);
    expect(reassignmentProblems(current, { administrator: 'u-admin-2' })).toEqual([]);
    expect(reassignmentProblems(current, { unitId: 'unit-2', administrator: 'u-admin-2' })).toEqual([]);
    expect(reassignmentProblems(current, {})[0].field).toBe('unitId');
    expect(reassignmentProblems(current, { unitId: 'unit-1', administrator: 'u-admin' })).toHaveLength(1);
  });

  it('R11, C2: a checkout is out until its expected return, overdue after it, and returned late or in time', () => {
    const c = { expectedReturnAt: at(8), returnedAt: null, approved: true };
    expect(deviceReturnStateOf(c, NOW + 7 * HOUR)).toBe('out');
    expect(deviceReturnStateOf(c, NOW + 9 * HOUR)).toBe('overdue');
    expect(deviceReturnStateOf({ ...c, returnedAt: at(7) }, NOW + 9 * HOUR)).toBe('returned');
    expect(deviceReturnStateOf({ ...c, returnedAt: at(9) }, NOW + 9 * HOUR)).toBe('returned-late');
    // Not approved, or from before expected returns were asked for: no return limit.
    expect(deviceReturnStateOf({ ...c, approved: false }, NOW + 9 * HOUR)).toBeNull();
    expect(deviceReturnStateOf({ ...c, expectedReturnAt: null }, NOW + 9 * HOUR)).toBeNull();
  });

  it('R11, C2: the return warning comes a day before, or three quarters into a checkout shorter than four days', () => {
    expect(deviceReturnWarnAt(at(0), at(120))).toBe(at(96));
    expect(deviceReturnWarnAt(at(0), at(8))).toBe(at(6));
  });

  it('R11: the footage is pending before its due time, missing after it, exported in time or late', () => {
    expect(deviceExportStateOf({ dueAt: at(10), exportedAt: null }, NOW)).toBe('pending');
    expect(deviceExportStateOf({ dueAt: at(10), exportedAt: null }, NOW + 11 * HOUR)).toBe('missing');
    expect(deviceExportStateOf({ dueAt: at(10), exportedAt: at(9) }, NOW + 11 * HOUR)).toBe('exported');
    expect(deviceExportStateOf({ dueAt: at(10), exportedAt: at(11) }, NOW + 11 * HOUR)).toBe('late');
  });

  it('R11, W5: the next periodic check is N calendar days after the last, extended past a day off to the next working day', () => {
    // 2026-03-10 (Tuesday) + 30 days = 2026-04-09 (Thursday), due at its end, Beijing time.
    expect(periodicCheckDueAt('2026-03-10T02:00:00Z', 30)).toBe('2026-04-09T16:00:00.000Z');
    // 2026-03-10 + 5 days = Sunday 2026-03-15: the period ends with Monday 2026-03-16.
    expect(periodicCheckDueAt('2026-03-10T02:00:00Z', 5)).toBe('2026-03-16T16:00:00.000Z');
  });
});
