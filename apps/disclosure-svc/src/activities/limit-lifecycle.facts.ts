import type { EntityManager } from 'typeorm';
import { deadlineMetV1, deadlineStartedV1 } from '@enforcement/domain';
import { deterministicEventId, type OutboxWriter } from '@enforcement/platform';

/** One disclosure limit as the supervision board keys it: the same identity its warning and miss carry. */
export interface LimitIdentity {
  readonly limit: string;
  readonly subjectId: string;
  readonly caseNo: string;
  readonly unitId: string;
  readonly responsibleRoles: readonly string[];
  readonly deadline: string;
  readonly provisional: boolean;
  readonly calendarFingerprint: string | null;
}

/**
 * C2: `deadline.started.v1` when a limit starts running and `deadline.met.v1` when its act is done, written in the
 * same transaction as the step that starts or ends it, so the board shows the limit from its start and takes it off
 * when met — not only from its warning. `step` keys the event id (a retried activity appends nothing twice; a new
 * deadline is a new step, so a re-timed or re-flagged limit is announced again).
 */
export async function appendLimitFact(
  outbox: OutboxWriter,
  m: EntityManager,
  input: {
    kind: 'started' | 'met';
    identity: LimitIdentity;
    at: string;
    step: string;
    correlationId: string;
  },
): Promise<void> {
  const { identity: id } = input;
  const data = {
    process: 'disclosure',
    limit: id.limit,
    subjectId: id.subjectId,
    caseNo: id.caseNo,
    unitId: id.unitId,
    responsibleUserId: null,
    responsibleRoles: [...id.responsibleRoles],
    round: null,
    deadline: id.deadline,
    calendarFingerprint: id.calendarFingerprint,
    provisional: id.provisional,
  };
  const envelope = {
    id: deterministicEventId(id.subjectId, `deadline/${id.limit}/${input.kind}/${input.step}`),
    source: 'disclosure-svc',
    subject: id.caseNo,
    time: input.at,
    correlationId: input.correlationId,
  };
  if (input.kind === 'started') {
    await outbox.append(m, deadlineStartedV1, {
      ...envelope,
      type: deadlineStartedV1.type,
      data: { ...data, startedAt: input.at },
    });
  } else {
    await outbox.append(m, deadlineMetV1, {
      ...envelope,
      type: deadlineMetV1.type,
      data: { ...data, metAt: input.at },
    });
  }
}

/** A timestamptz column as ISO text. */
export const isoOf = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
