import type { EntityManager } from 'typeorm';
import {
  deadlineMetV1,
  deadlineStartedV1,
  type EventContract,
  type EventEnvelope,
  type PublicationLimit,
} from '@enforcement/domain';
import { deterministicEventId, type OutboxWriter } from '@enforcement/platform';

/** The decision fields a publication limit's notice names. */
interface LimitOwner {
  readonly caseNumber: string;
  readonly unitId: string;
}

/**
 * C2: the D4 publication limit's start and end as `deadline.started.v1` / `deadline.met.v1`, beside the warning and
 * miss the workflow already reports, so the supervision board knows it from the decision on. Same identity as those
 * notices (process, limit name, publication workflow id); the event id is deterministic, so a retry adds nothing.
 */
export async function appendPublicationLimitFact(
  outbox: OutboxWriter,
  m: EntityManager,
  input: PublicationLimitFactInput,
): Promise<void> {
  const { contract, envelope } = publicationLimitFact(input);
  await outbox.append(m, contract, envelope);
}

export interface PublicationLimitFactInput {
  kind: 'started' | 'met';
  publicationId: string;
  decision: LimitOwner;
  limit: Pick<PublicationLimit, 'deadline' | 'provisional'> & { calendarFingerprint: string | null };
  at: string;
  correlationId: string;
}

/** The fact itself with its contract, for a caller that writes it in a statement of its own (see OutboxWriter.row). */
export function publicationLimitFact(input: PublicationLimitFactInput): {
  contract: EventContract;
  envelope: EventEnvelope;
} {
  const base = {
    process: 'disclosure',
    limit: 'publication-limit',
    subjectId: input.publicationId,
    caseNo: input.decision.caseNumber,
    unitId: input.decision.unitId,
    responsibleUserId: null,
    responsibleRoles: ['disclosure-officer'],
    round: null,
    deadline: input.limit.deadline,
    calendarFingerprint: input.limit.calendarFingerprint,
    provisional: input.limit.provisional,
  };
  const envelope = {
    id: deterministicEventId(input.publicationId, `deadline/publication-limit/${input.kind}`),
    source: 'disclosure-svc',
    subject: input.decision.caseNumber,
    time: input.at,
    correlationId: input.correlationId,
  };
  return input.kind === 'started'
    ? {
        contract: deadlineStartedV1,
        envelope: { ...envelope, type: deadlineStartedV1.type, data: { ...base, startedAt: input.at } },
      }
    : {
        contract: deadlineMetV1,
        envelope: { ...envelope, type: deadlineMetV1.type, data: { ...base, metAt: input.at } },
      };
}

/** The limit ended without publication (exempted, or revoked while in review): `deadline.met.v1` from the stored row. */
export async function appendPublicationLimitEnded(
  outbox: OutboxWriter,
  m: EntityManager,
  input: { publicationId: string; decision: LimitOwner; at: string; correlationId: string },
): Promise<void> {
  const [row]: { publish_by: Date; publish_by_provisional: boolean }[] = await m.query(
    `select publish_by, publish_by_provisional from publications where publication_id = $1`,
    [input.publicationId],
  );
  if (row === undefined) return;
  await appendPublicationLimitFact(outbox, m, {
    ...input,
    kind: 'met',
    limit: {
      deadline: row.publish_by.toISOString(),
      provisional: row.publish_by_provisional,
      calendarFingerprint: null,
    },
  });
}
