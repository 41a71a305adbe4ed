import { DUE_SOON_WORKDAYS } from '@enforcement/domain';
import { workdaysLeft } from '@enforcement/workdays';
import type { RunningLimit } from './deadline-board.records';

export interface SupervisedLimit extends RunningLimit {
  /** Working days with time left, today included, by the current calendar; `null` when it lacks the year (W3). */
  workdaysLeft: number | null;
  overdue: boolean;
}

export interface UnitFigures {
  unitId: string;
  overdue: number;
  dueSoon: number;
  running: number;
  missed: number;
  late: number;
}

/** Working days left by the service's current calendar (W4); `null` rather than a guess when it lacks the year. */
export function leftNow(now: Date, deadline: string): number | null {
  try {
    return workdaysLeft(now, new Date(deadline));
  } catch {
    return null;
  }
}

/** Per unit: running limits by urgency beside the missed and late counts (the page's charts). */
export function unitFigures(
  items: readonly SupervisedLimit[],
  counts: readonly { unitId: string; missed: number; late: number }[],
): UnitFigures[] {
  const units = new Map<string, UnitFigures>();
  const of = (unitId: string) => {
    const u = units.get(unitId) ?? { unitId, overdue: 0, dueSoon: 0, running: 0, missed: 0, late: 0 };
    units.set(unitId, u);
    return u;
  };
  for (const i of items) {
    const u = of(i.unitId);
    if (i.overdue) u.overdue += 1;
    else if (i.workdaysLeft === null || i.workdaysLeft <= DUE_SOON_WORKDAYS) u.dueSoon += 1;
    else u.running += 1;
  }
  for (const c of counts) {
    const u = of(c.unitId);
    u.missed += c.missed;
    u.late += c.late;
  }
  return [...units.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
