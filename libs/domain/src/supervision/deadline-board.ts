import type { DeadlineMetV1 } from '../events/deadline-met.v1';
import type { DeadlineMissedV1 } from '../events/deadline-missed.v1';
import type { DeadlineStartedV1 } from '../events/deadline-started.v1';
import type { DeadlineWarningV1 } from '../events/deadline-warning.v1';

/**
 * 时限监督 (SPEC C2): where a limit stands on the board. `running` before its warning, `warned` after it, `missed`
 * once it ran out without the expected act, `met` when the act was done (then `late` says whether after a miss).
 */
export type DeadlineState = 'running' | 'warned' | 'missed' | 'met';

/** The kinds a supervisor filters by, one per regulated limit (GLOSSARY names). */
export const SUPERVISION_KINDS = [
  'review',
  'review-supplement',
  'av-handover',
  'approval-backfill',
  'archiving',
  'publication',
  'take-down',
  'objection',
  'annual-report',
  'ex-ante-update',
  'device-export',
  'device-return',
  'device-check',
  'other',
] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const DEADLINE_STATES = ['running', 'warned', 'missed', 'met'] as const;

/** The `limit` names each service puts on its notices, mapped to the kind a supervisor knows. */
const KIND_BY_LIMIT: Record<string, SupervisionKind> = {
  'review-limit': 'review',
  'supplement-window': 'review-supplement',
  'av-handover': 'av-handover',
  'initiation-approval': 'approval-backfill',
  archiving: 'archiving',
  'publication-limit': 'publication',
  'take-down-limit': 'take-down',
  'objection-limit': 'objection',
  'annual-report-justice-bureau': 'annual-report',
  'annual-report-public': 'annual-report',
  'ex-ante-update': 'ex-ante-update',
  // R11: a returned device's footage exported the same day (recording-svc's device log, not a case's).
  'device-export': 'device-export',
  // R11: a checked-out device back by the expected return its borrower stated.
  'device-return': 'device-return',
  // R11: a device checked by its administrator every DEVICE_CHECK_INTERVAL (000 附件6 第七条 定期核查).
  'device-check': 'device-check',
};

export function supervisionKindOf(limit: string): SupervisionKind {
  // A review that could not be saved reports `blocked:<step>`: it is the review's own time that runs.
  if (limit.startsWith('blocked:')) return 'review';
  return KIND_BY_LIMIT[limit] ?? 'other';
}

export type DeadlineFact =
  | { kind: 'started'; time: string; notice: DeadlineStartedV1 }
  | { kind: 'warning'; time: string; notice: DeadlineWarningV1 }
  | { kind: 'missed'; time: string; notice: DeadlineMissedV1 }
  | { kind: 'met'; time: string; notice: DeadlineMetV1 };

/** One limit on the board: the projection's row. */
export interface DeadlineEntry {
  readonly key: string;
  readonly process: string;
  readonly limit: string;
  readonly kind: SupervisionKind;
  readonly subjectId: string;
  readonly round: number | null;
  readonly caseNo: string;
  readonly unitId: string;
  readonly responsibleUserId: string | null;
  readonly responsibleRoles: readonly string[];
  readonly deadline: string;
  readonly provisional: boolean;
  readonly state: DeadlineState;
  readonly late: boolean;
  readonly startedAt: string | null;
  readonly warnedAt: string | null;
  readonly missedAt: string | null;
  readonly metAt: string | null;
  /** Time of the latest fact the deadline and responsibility were taken from (a re-timed limit moves). */
  readonly factTime: string;
}

/** One limit's identity: the same limit of the same thing in the same round, whichever fact names it. */
export function deadlineKey(n: { process: string; limit: string; subjectId: string; round: number | null }): string {
  return `${n.process}|${n.limit}|${n.subjectId}|${n.round ?? '-'}`;
}

const RANK: Record<DeadlineState, number> = { running: 0, warned: 1, missed: 2, met: 3 };
const STATE_OF: Record<DeadlineFact['kind'], DeadlineState> = {
  started: 'running',
  warning: 'warned',
  missed: 'missed',
  met: 'met',
};

const earliest = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b;

/**
 * Folds one fact into the board. Kafka delivers at least once and a fact of one service may overtake another's, so
 * the fold is order-free: the state only moves forward (running → warned → missed → met), each instant keeps its
 * earliest value, and the deadline and responsibility come from the newest fact (a re-timed limit announces the new
 * deadline, W7). Applying the same fact twice changes nothing.
 */
export function foldDeadlineFact(prev: DeadlineEntry | undefined, fact: DeadlineFact): DeadlineEntry {
  const n = fact.notice;
  const startedAt = earliest(prev?.startedAt ?? null, fact.kind === 'started' ? fact.notice.startedAt : null);
  const warnedAt = earliest(prev?.warnedAt ?? null, fact.kind === 'warning' ? fact.notice.warningAt : null);
  const missedAt = earliest(prev?.missedAt ?? null, fact.kind === 'missed' ? fact.notice.missedAt : null);
  const metAt = earliest(prev?.metAt ?? null, fact.kind === 'met' ? fact.notice.metAt : null);
  const incoming = STATE_OF[fact.kind];
  const state = prev !== undefined && RANK[prev.state] >= RANK[incoming] ? prev.state : incoming;
  const newer = prev === undefined || Date.parse(fact.time) >= Date.parse(prev.factTime);
  const source = newer ? n : prev;
  return {
    key: deadlineKey(n),
    process: n.process,
    limit: n.limit,
    kind: supervisionKindOf(n.limit),
    subjectId: n.subjectId,
    round: n.round,
    caseNo: n.caseNo,
    unitId: source.unitId,
    responsibleUserId: source.responsibleUserId,
    responsibleRoles: [...source.responsibleRoles],
    deadline: source.deadline,
    provisional: newer ? n.provisional === true : prev.provisional,
    state,
    late: missedAt !== null && metAt !== null,
    startedAt,
    warnedAt,
    missedAt,
    metAt,
    factTime: newer ? fact.time : prev.factTime,
  };
}

/** Whether a limit still runs (not met), seen at `now`: a limit past its deadline counts as overdue at once. */
export function isOverdue(entry: Pick<DeadlineEntry, 'state' | 'deadline'>, now: Date): boolean {
  if (entry.state === 'met') return false;
  return entry.state === 'missed' || Date.parse(entry.deadline) <= now.getTime();
}

/** The supervisor's order (C2): overdue first (longest overdue first), then the nearest deadline. */
export function compareForSupervision(
  a: Pick<DeadlineEntry, 'state' | 'deadline' | 'key'>,
  b: Pick<DeadlineEntry, 'state' | 'deadline' | 'key'>,
  now: Date,
): number {
  const oa = isOverdue(a, now) ? 0 : 1;
  const ob = isOverdue(b, now) ? 0 : 1;
  if (oa !== ob) return oa - ob;
  const d = Date.parse(a.deadline) - Date.parse(b.deadline);
  return d !== 0 ? d : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
