import type { CaseLifecycle } from './case-lifecycle.types';

/**
 * The case's time limits (SPEC R2, R6, R9, R10; C2): each is warned before it runs out and, unless met, reported
 * when missed. Retention is the exception: its end is not a violation but the moment records may be disposed of.
 */
export const caseLimits = ['initiation-approval', 'av-handover', 'archiving', 'retention'] as const;
export type CaseLimit = (typeof caseLimits)[number];

export interface CaseDeadline {
  /** `<limit>` or `<limit>:<record id>`: one deadline per limit and subject. */
  key: string;
  limit: CaseLimit;
  /** What the limit runs on: the case number, or the record whose AV is awaited. */
  subjectId: string;
  /** When the limit started running (its trigger: the action's end, the closure, the emergency start). */
  startedAt: string;
  dueAt: string;
  warnAt: string;
  warned: boolean;
  missed: boolean;
  /** C2: `deadline.started.v1` went out (absent on cases begun before the board learned the case's limits). */
  startAnnounced?: boolean;
  /** C2: `deadline.met.v1` went out. */
  metAnnounced?: boolean;
  /**
   * C2: who answers for it when not the case's initiator — the officer who recorded the action whose footage is
   * awaited (R6). Absent on the case's own limits, and on hand-overs planned before the rule.
   */
  responsibleUserId?: string;
}

/** Configurable periods (SPEC: where a source leaves a number open, the default is ours). */
export interface CaseTimeLimits {
  /** 补报 after an emergency start (000 附件2 第六条): 24 hours. */
  approvalBackfillMs: number;
  /** 归档 within 30 days of the case's end (000 附件2 第十六条, 004 第二十九条). */
  archivingDays: number;
  /** AV kept at least 6 months after closure (003 (二十)). */
  retentionMonths: number;
}

export const defaultCaseTimeLimits: CaseTimeLimits = {
  approvalBackfillMs: 24 * 3_600_000,
  archivingDays: 30,
  retentionMonths: 6,
};

const DAY = 86_400_000;

/**
 * When to warn: one day before (C2's default lead), but never earlier than three quarters into a short limit, so a
 * 24-hour limit warns 6 hours before it runs out.
 */
export function warningInstant(startMs: number, dueMs: number): number {
  return Math.max(dueMs - DAY, startMs + Math.floor((dueMs - startMs) * 0.75));
}

/** The calendar-month addition the retention rule means (`6个月`), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

export function newDeadline(
  limit: CaseLimit,
  subjectId: string,
  startIso: string,
  dueIso: string,
  keySuffix?: string,
): CaseDeadline {
  const start = Date.parse(startIso);
  const due = Date.parse(dueIso);
  return {
    key: keySuffix ? `${limit}:${keySuffix}` : limit,
    limit,
    subjectId,
    startedAt: new Date(start).toISOString(),
    dueAt: new Date(due).toISOString(),
    warnAt: new Date(warningInstant(start, due)).toISOString(),
    warned: false,
    missed: false,
  };
}

/** True when the act the limit waits for has happened (or the limit no longer applies). */
export function deadlineMet(d: CaseDeadline, s: CaseLifecycle): boolean {
  switch (d.limit) {
    case 'initiation-approval':
      return s.records.some((r) => r.type === 'initiation-approval' || r.type === 'initiation-approval-request');
    case 'av-handover': {
      const record = s.records.find((r) => r.id === d.subjectId);
      return (
        !!record &&
        (record.av.length > 0 || (s.attachedAv[record.id] ?? []).length > 0 || record.avMissingReason !== null)
      );
    }
    case 'archiving':
      return s.archivedAt !== null;
    case 'retention':
      // A long-term hold (R9) keeps the records past the minimum: the end of the 6 months no longer comes.
      return s.holds.length > 0;
  }
}

export interface DeadlineNotice {
  key: string;
  kind: 'warning' | 'missed';
}

/** Notices due at `nowMs` for deadlines not yet met, oldest first; the caller marks them sent. */
export function dueNotices(deadlines: readonly CaseDeadline[], s: CaseLifecycle, nowMs: number): DeadlineNotice[] {
  const out: DeadlineNotice[] = [];
  for (const d of deadlines) {
    if (deadlineMet(d, s)) continue;
    if (!d.warned && !d.missed && Date.parse(d.warnAt) <= nowMs) out.push({ key: d.key, kind: 'warning' });
    if (!d.missed && Date.parse(d.dueAt) <= nowMs) out.push({ key: d.key, kind: 'missed' });
  }
  return out;
}

/** The next instant something is due, or null when every deadline is met or reported. */
export function nextDeadlineInstant(deadlines: readonly CaseDeadline[], s: CaseLifecycle): number | null {
  const times = deadlines
    .filter((d) => !d.missed && !deadlineMet(d, s))
    .map((d) => (d.warned ? Date.parse(d.dueAt) : Date.parse(d.warnAt)));
  return times.length === 0 ? null : Math.min(...times);
}

/** The limits the supervision board follows from start to end (C2); retention's end is no one's duty to meet. */
const BOARD_LIMITS: readonly CaseLimit[] = ['initiation-approval', 'av-handover', 'archiving'];

export interface BoardNotice {
  key: string;
  kind: 'started' | 'met';
}

/**
 * What the supervision board has not heard yet (C2): each limit's start, and its end once the act it waits for is
 * done (after a miss too: the board then counts it as late). A start always precedes its end.
 */
export function boardNotices(deadlines: readonly CaseDeadline[], s: CaseLifecycle): BoardNotice[] {
  const out: BoardNotice[] = [];
  for (const d of deadlines) {
    if (!BOARD_LIMITS.includes(d.limit)) continue;
    if (!d.startAnnounced) out.push({ key: d.key, kind: 'started' });
    if (!d.metAnnounced && deadlineMet(d, s)) out.push({ key: d.key, kind: 'met' });
  }
  return out;
}
