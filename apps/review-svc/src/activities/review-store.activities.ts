import type { DataSource, EntityManager } from 'typeorm';
import {
  deadlineMissedV1,
  deadlineWarningV1,
  reviewAcceptedV1,
  reviewConcludedV1,
  reviewDecisionAttemptRefusedV1,
  reviewExtendedV1,
  reviewMaterialsRequestedV1,
  reviewNotAcceptedV1,
  reviewOpinionIssuedV1,
  reviewPausedV1,
  reviewResumedV1,
  reviewSubmittedV1,
  type RecordDecisionAttemptInput,
  type DeadlineMissedV1,
  type DeadlineWarningV1,
  type EventContract,
  type ReviewCommandType,
  type ReviewEvent,
  type ReviewEventType,
  type ReviewState,
  type ReviewView,
} from '@enforcement/domain';
import { deterministicEventId, withStoreRefusals, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import {
  auditCommand,
  insertDecisionAttempt,
  markOverdue,
  projectTasks,
  upsertReview,
} from '../reviews/review.records';

const SOURCE = 'review-svc';

/** The Kafka contract of each fact the review reducer emits (all on `enforcement.review.v1`). */
export const REVIEW_EVENT_CONTRACTS: Readonly<Record<ReviewEventType, EventContract>> = {
  'review.submitted.v1': reviewSubmittedV1,
  'review.materials-requested.v1': reviewMaterialsRequestedV1,
  'review.not-accepted.v1': reviewNotAcceptedV1,
  'review.accepted.v1': reviewAcceptedV1,
  'review.paused.v1': reviewPausedV1,
  'review.resumed.v1': reviewResumedV1,
  'review.extended.v1': reviewExtendedV1,
  'review.opinion-issued.v1': reviewOpinionIssuedV1,
  'review.concluded.v1': reviewConcludedV1,
};

/** One accepted command: the state after it, the events it produced, and the view to store. */
export interface SaveReviewChangeInput {
  readonly workflowId: string;
  readonly correlationId: string;
  readonly command: { readonly type: ReviewCommandType; readonly actorId: string; readonly role: string };
  readonly state: ReviewState;
  readonly events: readonly ReviewEvent[];
  readonly view: ReviewView;
}

/** A change and its task-inbox projection at `seq`, written together (issue 8 §7). */
export interface CommitReviewChangeInput extends SaveReviewChangeInput {
  readonly seq: number;
}

/** A deadline warning or miss to publish on `enforcement.deadline.v1` (C2, L13). */
export type DeadlineNoticeInput =
  | {
      readonly workflowId: string;
      readonly correlationId: string;
      readonly kind: 'warning';
      readonly at: string;
      readonly notice: DeadlineWarningV1;
    }
  | {
      readonly workflowId: string;
      readonly correlationId: string;
      readonly kind: 'missed';
      readonly at: string;
      readonly notice: DeadlineMissedV1;
    };

export interface ReviewStoreActivityDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
}

/**
 * Activities that persist what the review workflow decided. Each is one transaction and safe to retry: rows are
 * upserts guarded by revision or sequence, audit rows are looked up before insert, and event ids are
 * `deterministicEventId(workflowId, <reducer event id>)`, so a retry writes nothing new.
 */
export function createReviewStoreActivities({ dataSource, outbox, relay }: ReviewStoreActivityDeps) {
  async function writeChange(manager: EntityManager, input: SaveReviewChangeInput): Promise<void> {
    const { state } = input;
    await upsertReview(manager, input.workflowId, state, input.view);
    await auditCommand(manager, {
      actorId: input.command.actorId,
      action: `review.${input.command.type}`,
      caseNo: state.caseNo,
      reviewId: state.reviewId,
      revision: state.revision,
      detail: { role: input.command.role, status: state.status, events: input.events.map((e) => e.type) },
    });
    for (const event of input.events) {
      await outbox.append(manager, REVIEW_EVENT_CONTRACTS[event.type], {
        id: deterministicEventId(input.workflowId, event.eventId),
        type: event.type,
        source: SOURCE,
        subject: event.caseNo,
        time: event.occurredAt,
        correlationId: input.correlationId,
        data: {
          reviewId: event.reviewId,
          caseNo: event.caseNo,
          unitId: event.unitId,
          actorId: event.actorId,
          ...event.payload,
        },
      });
    }
  }

  // Data the database refuses for good fails once (STORE.REFUSED), visibly; transient errors are retried.
  return withStoreRefusals({
    /** The `reviews` row, the audit row of the command and its events into the outbox — one transaction. */
    async saveReviewChange(input: SaveReviewChangeInput): Promise<void> {
      await dataSource.transaction((manager) => writeChange(manager, input));
      if (input.events.length > 0) relay.kick();
    },

    /**
     * Issue 8 §7: one command in one activity and one transaction — the `reviews` row, the audit row, the events into
     * the outbox and the task-inbox rows at `seq`. A retry rewrites nothing (revision, audit look-up, deterministic
     * event ids) and its projection is dropped by the seq watermark, so an older revision never overwrites a newer one.
     */
    async commitReviewChange(input: CommitReviewChangeInput): Promise<boolean> {
      const projected = await dataSource.transaction(async (manager) => {
        await writeChange(manager, input);
        // writeChange stored this view in the `reviews` row already: the projection only moves the watermark.
        return projectTasks(manager, input.view, input.seq, { viewStored: true });
      });
      if (input.events.length > 0) relay.kick();
      return projected;
    },

    /** Upserts the task-inbox rows of the review (`review_tasks`); returns false for a stale retry. */
    async projectReview(input: { view: ReviewView; seq: number }): Promise<boolean> {
      return dataSource.transaction((manager) => projectTasks(manager, input.view, input.seq));
    },

    /** L12: the append-only record of a refused decision attempt, its audit row and its event. */
    async recordDecisionAttempt(input: RecordDecisionAttemptInput): Promise<void> {
      const { attempt } = input;
      await dataSource.transaction(async (manager) => {
        await insertDecisionAttempt(manager, input.attemptId, attempt, input.decisionRef);
        await manager.query(
          `insert into audit_log (actor, action, subject, detail) select $1, $2, $3, $4::jsonb
           where not exists (select 1 from audit_log where action = $2 and subject = $3 and detail->>'attemptId' = $5)`,
          [
            attempt.attemptedBy.id,
            'review.decision-attempt-refused',
            attempt.caseNo,
            { attemptId: input.attemptId, code: attempt.code, reviewStatus: attempt.reviewStatus },
            input.attemptId,
          ],
        );
        await outbox.append(manager, reviewDecisionAttemptRefusedV1, {
          id: deterministicEventId(input.workflowId, input.attemptId),
          type: reviewDecisionAttemptRefusedV1.type,
          source: SOURCE,
          subject: attempt.caseNo,
          time: attempt.attemptedAt,
          correlationId: input.correlationId,
          data: {
            reviewId: attempt.reviewId ?? input.workflowId,
            caseNo: attempt.caseNo,
            unitId: attempt.unitId ?? attempt.attemptedBy.unitId,
            actorId: attempt.attemptedBy.id,
            attemptId: input.attemptId,
            attemptedBy: attempt.attemptedBy,
            reviewStatus: attempt.reviewStatus ?? 'not-submitted',
            code: attempt.code,
            decisionRef: input.decisionRef,
          },
        });
      });
      relay.kick();
    },

    /** C2/L13: `deadline.warning.v1` or `deadline.missed.v1`; a missed review limit also flags the review overdue. */
    async publishDeadlineNotice(input: DeadlineNoticeInput): Promise<void> {
      const { notice } = input;
      const step = `deadline/${input.kind}/${notice.limit}/${notice.round ?? 0}/${notice.deadline}`;
      await dataSource.transaction(async (manager) => {
        const envelope = {
          id: deterministicEventId(input.workflowId, step),
          source: SOURCE,
          subject: notice.caseNo,
          time: input.at,
          correlationId: input.correlationId,
        };
        if (input.kind === 'warning') {
          await outbox.append(manager, deadlineWarningV1, {
            ...envelope,
            type: deadlineWarningV1.type,
            data: input.notice,
          });
        } else {
          await outbox.append(manager, deadlineMissedV1, {
            ...envelope,
            type: deadlineMissedV1.type,
            data: input.notice,
          });
          if (notice.limit === 'review-limit') await markOverdue(manager, notice.subjectId);
        }
      });
      relay.kick();
    },
  });
}

export type ReviewStoreActivities = ReturnType<typeof createReviewStoreActivities>;
