import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  abstractText,
  deadlineMissedV1,
  deadlineWarningV1,
  disclosureCorrectedV1,
  disclosurePublishedV1,
  disclosureWithdrawnV1,
  draftFromFindings,
  initialPublicationState,
  redactedText,
  type CaseDecisionIssuedV1,
  type DeadlineMissedV1,
  type DeadlineWarningV1,
  type PublicationLimit,
  type PublicationState,
  type PublicationWorkflowInput,
  publicationWorkflowId,
} from '@enforcement/domain';
import { currentOrigin, deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { findPersonalData } from '@enforcement/redaction';
import { civilDate } from '@enforcement/workdays';
import {
  appendHistory,
  deletePortalItem,
  insertPortalItem,
  insertDraft,
  replacePortalBody,
  updatePublication,
} from '../publications/publication.records';
import { appendLimitFact } from './limit-lifecycle.facts';
import {
  appendPublicationLimitEnded,
  appendPublicationLimitFact,
  publicationLimitFact,
} from './publication-deadline.facts';

const SOURCE = 'disclosure-svc';

type PublishedDecision = PublicationState['decision'];

/** The envelope of a disclosure.*.v1 fact: its id is the publication's step, keyed by the case like every fact. */
function factEnvelope(
  publicationId: string,
  step: string,
  type: string,
  d: PublishedDecision,
  at: string,
  correlationId: string,
) {
  return {
    id: deterministicEventId(publicationId, step),
    type,
    source: SOURCE,
    subject: d.caseNumber,
    time: at,
    correlationId,
  };
}

/** What every disclosure.*.v1 fact says about the decision it concerns. */
function decisionFields(publicationId: string, d: PublishedDecision) {
  return {
    publicationId,
    decisionNumber: d.decisionNumber,
    caseNumber: d.caseNumber,
    unitId: d.unitId,
    agencyId: d.agency.id,
    category: d.category,
  };
}

export interface PublicationStoreDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
}

/** A review step to record (marks adjusted, exemption decided). */
export interface RecordReviewStepInput {
  readonly publicationId: string;
  readonly revision: number;
  readonly step: string;
  readonly actorId: string;
  readonly at: string;
  readonly state: PublicationState;
  readonly detail: Record<string, unknown>;
}

export interface PublishInput {
  readonly publicationId: string;
  readonly revision: number;
  readonly correlationId: string;
  readonly state: PublicationState;
  readonly limit: PublicationLimit;
  readonly expiresAt: string;
  readonly expiryProvisional: boolean;
}

export interface WithdrawInput {
  readonly publicationId: string;
  readonly revision: number;
  readonly correlationId: string;
  readonly state: PublicationState;
  readonly reason: 'period-ended' | 'decision-revoked';
  readonly explanation: string | null;
  readonly newDecisionNumber: string | null;
  readonly at: string;
  /** D8 take-down limit, for a revocation. */
  readonly deadline: string | null;
  /** D8, C2: the take-down limit and its start (the legal document's receipt), for its started/met facts. */
  readonly takeDown?: { readonly startedAt: string; readonly limit: PublicationLimit };
  /** Whether the item was on the portal (a decision revoked while still in review never was). */
  readonly wasPublic: boolean;
}

export interface CorrectInput {
  readonly publicationId: string;
  readonly revision: number;
  readonly correlationId: string;
  readonly state: PublicationState;
  readonly at: string;
  readonly actorId: string;
  readonly summary: string;
  readonly objectionId: string | null;
}

export type PublicationNoticeInput =
  | {
      readonly correlationId: string;
      readonly kind: 'warning';
      readonly at: string;
      readonly notice: DeadlineWarningV1;
    }
  | { readonly correlationId: string; readonly kind: 'missed'; readonly at: string; readonly notice: DeadlineMissedV1 };

/** The text the portal shows: the redacted full text, or the abstract (whose conclusion is redacted too). D6. */
export function publishedBody(state: PublicationState): string {
  const d = state.decision;
  if (state.mode === 'full-text') return redactedText(d.text, state.draft);
  const context = { party: { name: d.party.name, kind: d.party.kind }, officers: d.officers };
  const conclusion = redactedText(
    d.conclusion,
    draftFromFindings(d.conclusion.length, findPersonalData(d.conclusion, context)),
  );
  return abstractText({
    decisionNumber: d.decisionNumber,
    agencyName: d.agency.name,
    target: d.party.name,
    category: d.category,
    decidedOn: civilDate(new Date(d.decidedAt)),
    conclusion,
  });
}

/** D6: the publication's first state — the engine's findings on the decision text as the draft's marks. */
export function draftedState(publicationId: string, d: CaseDecisionIssuedV1): PublicationState {
  const findings = findPersonalData(d.text, {
    party: { name: d.party.name, kind: d.party.kind },
    officers: d.officers,
  });
  return initialPublicationState(publicationId, d, draftFromFindings(d.text.length, findings));
}

/**
 * D6, C2: the draft's working row, the D4 limit's `deadline.started.v1` and the `drafted` step — with `start`, also the
 * pending workflow start — in the caller's transaction, in one statement (insertDraft). Idempotent: when the working
 * row exists nothing is written (deterministic event id besides). The decision consumer drafts before the workflow
 * starts; the workflow's own `prepareDraft` (only when the consumer could not) then writes nothing. True if it drafted.
 */
export async function writeDraft(
  m: EntityManager,
  outbox: OutboxWriter,
  input: {
    publicationId: string;
    decision: CaseDecisionIssuedV1;
    limit: PublicationLimit;
    state: PublicationState;
    correlationId?: string;
    start?: PublicationWorkflowInput;
  },
): Promise<boolean> {
  const { decision: d, limit, state } = input;
  // C2: the supervision board knows the D4 limit from the decision on, not only from its warning.
  const { contract, envelope } = publicationLimitFact({
    kind: 'started',
    publicationId: input.publicationId,
    decision: d,
    limit,
    at: d.decidedAt,
    correlationId: input.correlationId ?? input.publicationId,
  });
  return insertDraft(m, {
    publicationId: input.publicationId,
    decision: d,
    limit,
    state,
    limitStarted: outbox.row(contract, envelope),
    drafted: {
      at: new Date().toISOString(),
      detail: { marks: state.draft.marks.length, publishBy: limit.deadline, provisional: limit.provisional },
    },
    start: input.start && { input: input.start, origin: currentOrigin() ?? {} },
  });
}

/**
 * Activities that persist what the publication workflow decided. Each is one transaction and safe to retry: rows
 * are inserted `on conflict do nothing` or updated under a revision guard, history steps are keyed, and event ids
 * are `deterministicEventId(publicationId, step)`.
 */
export function createPublicationStoreActivities({ dataSource, outbox, relay }: PublicationStoreDeps) {
  return {
    /** D6: the engine's findings on the decision text become the draft's marks; the working row is opened. */
    async prepareDraft(input: {
      publicationId: string;
      decision: CaseDecisionIssuedV1;
      limit: PublicationLimit;
      correlationId?: string;
    }): Promise<PublicationState> {
      const state = draftedState(input.publicationId, input.decision);
      await dataSource.transaction((m) => writeDraft(m, outbox, { ...input, state }));
      return state;
    },

    /** C3: a review step (marks adjusted, exemption with its reason and filing) in the history and working row. */
    async recordReviewStep(input: RecordReviewStepInput): Promise<void> {
      await dataSource.transaction(async (m) => {
        await updatePublication(m, input.publicationId, input.revision, input.state);
        await appendHistory(m, input.publicationId, input.step, input.at, input.actorId, input.detail);
        if (input.state.status === 'exempted') {
          const ended = { publicationId: input.publicationId, decision: input.state.decision, at: input.at };
          await appendPublicationLimitEnded(outbox, m, { ...ended, correlationId: input.publicationId });
        }
      });
      relay.kick();
    },

    /** D4, D6, D11: the redacted item goes on the portal, with its history step and `disclosure.published.v1`. */
    async publishItem(input: PublishInput): Promise<{ onTime: boolean }> {
      const { state, limit } = input;
      const d = state.decision;
      const publishedAt = state.publishedAt;
      if (publishedAt === null) throw ApplicationFailure.nonRetryable('publishItem needs a published state');
      const onTime = Date.parse(publishedAt) <= Date.parse(limit.deadline);
      await dataSource.transaction(async (m) => {
        await updatePublication(m, input.publicationId, input.revision, state, { onTime, expiresAt: input.expiresAt });
        await insertPortalItem(m, {
          publicationId: input.publicationId,
          decision: d,
          publishedAt,
          mode: state.mode,
          body: publishedBody(state),
        });
        await appendHistory(m, input.publicationId, 'published', publishedAt, state.publishedBy ?? 'system', {
          mode: state.mode,
          onTime,
          deadline: limit.deadline,
          expiresAt: input.expiresAt,
          marks: state.draft.marks,
        });
        await outbox.append(m, disclosurePublishedV1, {
          ...factEnvelope(
            input.publicationId,
            'published',
            disclosurePublishedV1.type,
            d,
            publishedAt,
            input.correlationId,
          ),
          data: {
            ...decisionFields(input.publicationId, d),
            mode: state.mode,
            publishedAt,
            deadline: limit.deadline,
            onTime,
            expiresAt: input.expiresAt,
            provisional: limit.provisional || input.expiryProvisional,
            publishedBy: state.publishedBy ?? 'system',
          },
        });
        await appendPublicationLimitFact(outbox, m, {
          kind: 'met',
          publicationId: input.publicationId,
          decision: d,
          limit,
          at: publishedAt,
          correlationId: input.correlationId,
        });
      });
      relay.kick();
      return { onTime };
    },

    /** D7, D8: the portal row is deleted at once; the history keeps the step; `disclosure.withdrawn.v1` if it was public. */
    async withdrawItem(input: WithdrawInput): Promise<void> {
      const d = input.state.decision;
      const onTime = input.deadline === null || Date.parse(input.at) <= Date.parse(input.deadline);
      await dataSource.transaction(async (m) => {
        await deletePortalItem(m, input.publicationId);
        await updatePublication(m, input.publicationId, input.revision, input.state, {
          withdrawnAt: input.at,
          withdrawalReason: input.reason,
        });
        await appendHistory(m, input.publicationId, 'withdrawn', input.at, 'system', {
          reason: input.reason,
          explanation: input.explanation,
          newDecisionNumber: input.newDecisionNumber,
          deadline: input.deadline,
          onTime,
          wasPublic: input.wasPublic,
        });
        if (!input.wasPublic) {
          // Revoked while in review: the D4 limit ends with it (C2).
          const ended = { publicationId: input.publicationId, decision: d, at: input.at };
          await appendPublicationLimitEnded(outbox, m, { ...ended, correlationId: input.correlationId });
          return;
        }
        if (input.takeDown) {
          // C2: the D8 limit ran from the legal document's receipt and is met by this take-down (late after a miss).
          const { startedAt, limit } = input.takeDown;
          const identity = {
            limit: 'take-down-limit',
            subjectId: input.publicationId,
            caseNo: d.caseNumber,
            unitId: d.unitId,
            responsibleRoles: ['disclosure-officer'],
            deadline: limit.deadline,
            provisional: limit.provisional,
            calendarFingerprint: limit.calendarFingerprint,
          };
          const fact = { identity, step: 'revoked', correlationId: input.correlationId };
          await appendLimitFact(outbox, m, { ...fact, kind: 'started', at: startedAt });
          await appendLimitFact(outbox, m, { ...fact, kind: 'met', at: input.at });
        }
        await outbox.append(m, disclosureWithdrawnV1, {
          ...factEnvelope(
            input.publicationId,
            'withdrawn',
            disclosureWithdrawnV1.type,
            d,
            input.at,
            input.correlationId,
          ),
          data: {
            ...decisionFields(input.publicationId, d),
            reason: input.reason,
            explanation: input.explanation,
            newDecisionNumber: input.newDecisionNumber,
            withdrawnAt: input.at,
            deadline: input.deadline,
            onTime,
          },
        });
      });
      relay.kick();
    },

    /** D9: the corrected text replaces the old on the portal, with its history step and `disclosure.corrected.v1`. */
    async correctItem(input: CorrectInput): Promise<void> {
      const d = input.state.decision;
      const step = `corrected/${input.revision}`;
      await dataSource.transaction(async (m) => {
        await updatePublication(m, input.publicationId, input.revision, input.state);
        await replacePortalBody(m, input.publicationId, d, publishedBody(input.state));
        await appendHistory(m, input.publicationId, step, input.at, input.actorId, {
          summary: input.summary,
          objectionId: input.objectionId,
          marks: input.state.draft.marks,
        });
        await outbox.append(m, disclosureCorrectedV1, {
          ...factEnvelope(input.publicationId, step, disclosureCorrectedV1.type, d, input.at, input.correlationId),
          data: {
            ...decisionFields(input.publicationId, d),
            correctedAt: input.at,
            objectionId: input.objectionId,
            summary: input.summary,
            correctedBy: input.actorId,
          },
        });
      });
      relay.kick();
    },

    /** C2, D12: `deadline.warning.v1` or `deadline.missed.v1` for a publication limit. */
    async publishDeadlineNotice(input: PublicationNoticeInput): Promise<void> {
      const { notice } = input;
      const step = `deadline/${input.kind}/${notice.limit}/${notice.deadline}`;
      await dataSource.transaction(async (m) => {
        const envelope = {
          id: deterministicEventId(notice.subjectId, step),
          source: SOURCE,
          subject: notice.caseNo,
          time: input.at,
          correlationId: input.correlationId,
        };
        if (input.kind === 'warning') {
          await outbox.append(m, deadlineWarningV1, { ...envelope, type: deadlineWarningV1.type, data: input.notice });
        } else {
          await outbox.append(m, deadlineMissedV1, { ...envelope, type: deadlineMissedV1.type, data: input.notice });
        }
        // An objection's notice (subject `objection:…`) has no publication row to hang a history step on.
        if (notice.subjectId.startsWith(publicationWorkflowId(''))) {
          await appendHistory(m, notice.subjectId, step, input.at, 'system', { deadline: notice.deadline });
        }
      });
      relay.kick();
    },
  };
}

export type PublicationStoreActivities = ReturnType<typeof createPublicationStoreActivities>;
