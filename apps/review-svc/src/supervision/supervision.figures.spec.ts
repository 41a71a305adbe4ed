import type { Actor } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { scopedUnit } from './supervision.controller';
import { unitFigures, type SupervisedLimit } from './supervision.figures';

const limit = (unitId: string, overdue: boolean, workdaysLeft: number | null) =>
  ({ unitId, overdue, workdaysLeft }) as SupervisedLimit;
const actor = (roles: Actor['roles'], unitId = 'unit-a'): Actor => ({ id: 'u', name: 'n', roles, unitId });

describe('supervision figures (C2)', () => {
  it('C2, L13, D12: per unit, running limits by urgency beside missed and late counts (the charts)', () => {
    const figures = unitFigures(
      [limit('unit-b', true, 0), limit('unit-a', false, 1), limit('unit-a', false, 9), limit('unit-a', false, null)],
      [
        { unitId: 'unit-a', missed: 1, late: 2 },
        { unitId: 'unit-a', missed: 0, late: 1 },
        { unitId: 'unit-c', missed: 3, late: 0 },
      ],
    );
    expect(figures).toEqual([
      { unitId: 'unit-a', overdue: 0, dueSoon: 2, running: 1, missed: 1, late: 3 },
      { unitId: 'unit-b', overdue: 1, dueSoon: 0, running: 0, missed: 0, late: 0 },
      { unitId: 'unit-c', overdue: 0, dueSoon: 0, running: 0, missed: 3, late: 0 },
    ]);
  });

  it('C1, C2: a unit head is held to their own unit; the legal section sees every unit or the one asked for', () => {
    expect(scopedUnit(actor(['unit-head']), undefined)).toBe('unit-a');
    expect(scopedUnit(actor(['unit-head']), 'unit-a')).toBe('unit-a');
    expect(() => scopedUnit(actor(['unit-head']), 'unit-b')).toThrow(AppError);
    expect(scopedUnit(actor(['legal-section-head']), undefined)).toBeUndefined();
    expect(scopedUnit(actor(['legal-section-head']), 'unit-b')).toBe('unit-b');
  });
});
