import { compareForSupervision, isOverdue, type DeadlineEntry } from './deadline-board';

/** A limit is "due soon" in the digest when this many working days or fewer are left, today included. */
export const DUE_SOON_WORKDAYS = 3;

/** What the digest and the board's reader need of one running limit, with its working days left computed. */
export type DigestSource = Pick<
  DeadlineEntry,
  'key' | 'kind' | 'limit' | 'caseNo' | 'unitId' | 'responsibleUserId' | 'deadline' | 'state'
> & { workdaysLeft: number | null };

export interface DigestLine {
  readonly key: string;
  readonly kind: string;
  readonly limit: string;
  readonly caseNo: string;
  readonly responsibleUserId: string | null;
  readonly deadline: string;
  readonly workdaysLeft: number | null;
}

/** 每日时限提醒 — one unit's morning list (C2): what is overdue and what runs out within a few working days. */
export interface UnitDigest {
  readonly unitId: string;
  /** The civil day (Asia/Shanghai) the digest is for. */
  readonly day: string;
  readonly overdue: DigestLine[];
  readonly dueSoon: DigestLine[];
}

const line = (e: DigestSource): DigestLine => ({
  key: e.key,
  kind: e.kind,
  limit: e.limit,
  caseNo: e.caseNo,
  responsibleUserId: e.responsibleUserId,
  deadline: e.deadline,
  workdaysLeft: e.workdaysLeft,
});

/**
 * Groups the running limits per unit into overdue and due soon, most urgent first. A unit with nothing in either list
 * gets no digest; a met limit is never listed; a limit whose working days cannot be counted (calendar lacks the year,
 * W3) is listed as due soon rather than hidden.
 */
export function assembleDigests(entries: readonly DigestSource[], day: string, now: Date): UnitDigest[] {
  const byUnit = new Map<string, { overdue: DigestSource[]; dueSoon: DigestSource[] }>();
  for (const e of entries) {
    if (e.state === 'met') continue;
    const overdue = isOverdue(e, now);
    const soon = !overdue && (e.workdaysLeft === null || e.workdaysLeft <= DUE_SOON_WORKDAYS);
    if (!overdue && !soon) continue;
    const unit = byUnit.get(e.unitId) ?? { overdue: [], dueSoon: [] };
    (overdue ? unit.overdue : unit.dueSoon).push(e);
    byUnit.set(e.unitId, unit);
  }
  const order = (a: DigestSource, b: DigestSource) => compareForSupervision(a, b, now);
  return [...byUnit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, lists]) => ({
      unitId,
      day,
      overdue: lists.overdue.sort(order).map(line),
      dueSoon: lists.dueSoon.sort(order).map(line),
    }));
}
