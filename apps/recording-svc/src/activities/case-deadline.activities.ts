import type { DataSource } from 'typeorm';
import {
  deadlineMetV1,
  deadlineMissedV1,
  deadlineStartedV1,
  deadlineWarningV1,
  type CaseDeadline,
} from '@enforcement/domain';
import { deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { addWorkdays, CalendarNotCoveredError, calendarVersion, workdaysLeft } from '@enforcement/workdays';

const SHANGHAI_MS = 8 * 3_600_000;

/** R6 AV hand-over (and R11 device export) limit: hours, or working days (due at the end of the last one). */
export type AvHandOverLimit = { hours: number } | { workdays: number };

/** Parses `AV_HANDOVER_LIMIT`: `24h` (default, seeds 000/003) or `2wd` (seed 004: 2 个工作日). */
export function parseAvHandOverLimit(value: string | undefined): AvHandOverLimit {
  return parseHandOverLimit('AV_HANDOVER_LIMIT', value);
}

/** Parses a hand-over limit setting named `name` (R6 AV, R11 device export): `<n>h` or `<n>wd`, default `24h`. */
export function parseHandOverLimit(name: string, value: string | undefined): AvHandOverLimit {
  const text = (value ?? '24h').trim();
  const m = /^([1-9][0-9]?)(h|wd)$/.exec(text);
  if (!m) throw new Error(`${name} must look like 24h or 2wd, got ${JSON.stringify(text)}`);
  return m[2] === 'h' ? { hours: Number(m[1]) } : { workdays: Number(m[1]) };
}

/** When a hand-over `limit` after `fromIso` runs out: N hours later, or 24:00 Beijing time of the Nth working day. */
export function handOverDueAt(limit: AvHandOverLimit, fromIso: string): string {
  const from = Date.parse(fromIso);
  if ('hours' in limit) return new Date(from + limit.hours * 3_600_000).toISOString();
  const day = new Date(from + SHANGHAI_MS).toISOString().slice(0, 10);
  const last = addWorkdays(day, limit.workdays);
  return new Date(Date.parse(`${last}T00:00:00+08:00`) + 86_400_000).toISOString();
}

export interface DeadlineActivityDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
  avHandOver: AvHandOverLimit;
}

/** Who must act before each limit (C2), for the notice. */
const RESPONSIBLE_ROLES: Record<CaseDeadline['limit'], string[]> = {
  'initiation-approval': ['agency-head', 'unit-head'],
  'av-handover': ['officer'],
  archiving: ['officer', 'records-administrator'],
  retention: ['records-administrator'],
};

export function createCaseDeadlineActivities({ dataSource, outbox, relay, avHandOver }: DeadlineActivityDeps) {
  return {
    /** When the AV of an action that ended at `actionEndedAt` must be in the store (R6), by the configured limit. */
    async avHandOverDeadline({ actionEndedAt }: { actionEndedAt: string }): Promise<{ dueAt: string }> {
      return { dueAt: handOverDueAt(avHandOver, actionEndedAt) };
    },

    /**
     * Records a warning, a missed limit (a recorded violation, per unit and person, C2) or the end of retention (R9,
     * not a violation: the records may now be disposed of, and that disposal will itself be recorded), and announces
     * warnings and misses on `enforcement.deadline.v1`. Keyed by (case, deadline, kind): a retry does nothing twice.
     */
    async announceCaseDeadline(input: {
      caseNumber: string;
      unitId: string;
      responsibleUserId: string;
      correlationId: string;
      deadline: CaseDeadline;
      kind: 'warning' | 'missed';
    }): Promise<void> {
      const d = input.deadline;
      const kind = d.limit === 'retention' && input.kind === 'missed' ? 'retention-ended' : input.kind;
      const responsible = d.limit === 'retention' ? null : input.responsibleUserId;
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `insert into case_deadline_notices
             (case_number, deadline_key, kind, limit_name, subject_id, due_at, unit_id, responsible_user_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing`,
          [input.caseNumber, d.key, kind, d.limit, d.subjectId, d.dueAt, input.unitId, responsible],
        );
        if (kind === 'retention-ended') return;
        const base = noticeBase({ ...input, responsibleUserId: responsible });
        const envelope = envelopeOf(input, kind);
        if (kind === 'warning') {
          await outbox.append(manager, deadlineWarningV1, {
            ...envelope,
            type: deadlineWarningV1.type,
            time: d.warnAt,
            data: { ...base, warningAt: d.warnAt, workdaysLeft: workdaysLeftOrZero(d) },
          });
        } else {
          await outbox.append(manager, deadlineMissedV1, {
            ...envelope,
            type: deadlineMissedV1.type,
            time: d.dueAt,
            data: { ...base, missedAt: d.dueAt },
          });
        }
      });
      relay.kick();
    },

    /**
     * C2: a limit's start (`deadline.started.v1`, dated by its trigger) or end (`deadline.met.v1`, dated `at`, when the
     * awaited act was done), so the supervision board follows it from its first hour, not from its warning. Neither is
     * a violation, so neither enters `case_deadline_notices`; the event id is fixed per (case, limit, kind), so a
     * retry publishes nothing twice.
     */
    async announceCaseLimitOnBoard(input: {
      caseNumber: string;
      unitId: string;
      responsibleUserId: string;
      correlationId: string;
      deadline: CaseDeadline;
      kind: 'started' | 'met';
      at: string;
    }): Promise<void> {
      const d = input.deadline;
      const base = noticeBase(input);
      const envelope = envelopeOf(input, input.kind);
      await dataSource.transaction(async (manager) => {
        if (input.kind === 'started') {
          await outbox.append(manager, deadlineStartedV1, {
            ...envelope,
            type: deadlineStartedV1.type,
            time: d.startedAt,
            data: { ...base, startedAt: d.startedAt },
          });
        } else {
          await outbox.append(manager, deadlineMetV1, {
            ...envelope,
            type: deadlineMetV1.type,
            time: input.at,
            data: { ...base, metAt: input.at },
          });
        }
      });
      relay.kick();
    },
  };

  /** What every notice of a case limit says (process `case-record`, the limit, who answers for it). */
  function noticeBase(input: {
    caseNumber: string;
    unitId: string;
    responsibleUserId: string | null;
    deadline: CaseDeadline;
  }) {
    const d = input.deadline;
    return {
      process: 'case-record',
      limit: d.limit,
      subjectId: d.subjectId,
      caseNo: input.caseNumber,
      unitId: input.unitId,
      responsibleUserId: input.responsibleUserId,
      responsibleRoles: RESPONSIBLE_ROLES[d.limit],
      round: null,
      deadline: d.dueAt,
      calendarFingerprint: 'workdays' in avHandOver && d.limit === 'av-handover' ? calendarVersion().fingerprint : null,
    };
  }
}

function envelopeOf(input: { caseNumber: string; correlationId: string; deadline: CaseDeadline }, kind: string) {
  return {
    id: deterministicEventId(`case:${input.caseNumber}`, `deadline/${input.deadline.key}/${kind}`),
    source: 'recording-svc',
    subject: input.caseNumber,
    correlationId: input.correlationId,
  };
}

function workdaysLeftOrZero(d: CaseDeadline): number {
  try {
    return Math.max(0, workdaysLeft(new Date(d.warnAt), new Date(d.dueAt)));
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return 0;
    throw err;
  }
}
