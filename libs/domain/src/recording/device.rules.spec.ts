import { deviceCheckProblems, deviceStatusOf, mayApproveCheckout, type DeviceCheck } from './device.rules';

const ready: DeviceCheck = { battery: 'sufficient', storage: 'sufficient', clock: 'set', outcome: 'ok' };

describe('devices (SPEC R11)', () => {
  it('R11: a device found working, charged, with space and its clock set may go out', () => {
    expect(deviceCheckProblems(ready)).toEqual([]);
  });

  it('R11: a defect found in the pre-use check keeps the device in, named in both languages', () => {
    const problems = deviceCheckProblems({ ...ready, outcome: 'defect', note: '镜头破裂' });
    expect(problems).toEqual([expect.objectContaining({ field: 'outcome' })]);
    expect(problems[0].zh).toContain('故障');
    expect(problems[0].en).toContain('faulty');
  });

  it('R11: a low battery, a full card or a wrong clock must be put right first, each named', () => {
    const problems = deviceCheckProblems({ ...ready, battery: 'low', storage: 'low', clock: 'wrong' });
    expect(problems.map((p) => p.field)).toEqual(['battery', 'storage', 'clock']);
  });

  it('R11: the head of the borrower’s unit approves; not the borrower, not another unit’s head, not an officer', () => {
    const checkout = { unitId: 'unit-1', borrower: 'u-officer' };
    expect(mayApproveCheckout({ id: 'u-head', roles: ['unit-head'], unitId: 'unit-1' }, checkout)).toBe('ok');
    expect(mayApproveCheckout({ id: 'u-head-2', roles: ['unit-head'], unitId: 'unit-2' }, checkout)).toBe(
      'not-approver',
    );
    expect(mayApproveCheckout({ id: 'u-other', roles: ['officer'], unitId: 'unit-1' }, checkout)).toBe('not-approver');
    expect(
      mayApproveCheckout({ id: 'u-head', roles: ['unit-head'], unitId: 'unit-1' }, { ...checkout, borrower: 'u-head' }),
    ).toBe('own-checkout');
  });

  it('R11: status follows the history — out or requested, else defective after a failed check, else available', () => {
    expect(deviceStatusOf({ openCheckout: null, latestCheckOutcome: null })).toBe('available');
    expect(deviceStatusOf({ openCheckout: null, latestCheckOutcome: 'defect' })).toBe('defective');
    expect(deviceStatusOf({ openCheckout: 'checked-out', latestCheckOutcome: 'ok' })).toBe('checked-out');
    expect(deviceStatusOf({ openCheckout: 'requested', latestCheckOutcome: 'ok' })).toBe('requested');
  });
});
