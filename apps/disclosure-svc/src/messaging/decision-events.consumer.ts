import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import {
  PUBLICATION_WORKFLOW_TYPE,
  TaskQueues,
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  decisionRevokedSignal,
  publicationPeriod,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type CaseDecisionRevokedV1,
  type EventEnvelope,
  type PublicationLimit,
  type PublicationWorkflowInput,
} from '@enforcement/domain';
import { OutboxWriter, TEMPORAL_CLIENT, type EventHandler } from '@enforcement/platform';
import { currentCalendar } from '@enforcement/workdays';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import { draftedState, writeDraft } from '../activities/publication-store.activities';

/**
 * Decision facts from recording-svc drive publication (SPEC D4, D8): an issued decision starts its publication
 * workflow (one per decision number — a repeated fact, or the same decision announced twice, starts nothing); a
 * revocation signals it. Both are idempotent towards Temporal, so Kafka's redelivery is harmless.
 *
 * Issue 10: the draft (redaction, working row, D4 limit, `drafted` step) is written here, in the inbox transaction,
 * right after the workflow start — so the disclosure officer's draft waits for Kafka and one transaction, not for
 * the workflow's first task and two activities. Order and failures: the start comes first, so a committed draft
 * always has its workflow; a failed start rolls the draft and the inbox row back and Kafka redelivers; a crash after
 * the start but before the commit redelivers too, the start finds the workflow (already started) and the draft is
 * left to the workflow's own `prepareDraft`, which writes the same rows (`on conflict do nothing`, same event id).
 */
@Injectable()
export class DecisionEventsConsumer implements EventHandler {
  private readonly logger = new Logger(DecisionEventsConsumer.name);
  readonly consumer = 'disclosure.publications';
  readonly types = [caseDecisionIssuedV1.type, caseDecisionRevokedV1.type];

  private readonly calendar = createPublicationCalendarActivities({ calendar: currentCalendar });

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type === caseDecisionIssuedV1.type) {
      await this.start(event.data as CaseDecisionIssuedV1, event.id, manager);
    } else await this.revoke(event.data as CaseDecisionRevokedV1);
  }

  private async start(decision: CaseDecisionIssuedV1, eventId: string, manager: EntityManager): Promise<void> {
    const input: PublicationWorkflowInput = { decision, correlationId: eventId };
    const publicationId = publicationWorkflowId(decision.decisionNumber);
    const limit = await this.limitOf(decision);
    try {
      await this.temporal.workflow.start(PUBLICATION_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.disclosure,
        workflowId: publicationId,
        // A decision is published once in its life: a closed publication is never started again.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return; // its workflow drafts (or drafted) it
    }
    if (limit === null) return;
    const state = draftedState(publicationId, decision);
    await writeDraft(manager, this.outbox, { publicationId, decision, limit, state, correlationId: eventId });
  }

  /** The D4 limit, as the workflow computes it; null while the calendar lacks the year (W3: the workflow waits). */
  private async limitOf(decision: CaseDecisionIssuedV1): Promise<PublicationLimit | null> {
    try {
      return await this.calendar.computePublicationLimit({
        from: decision.decidedAt,
        period: publicationPeriod(decision.category),
      });
    } catch (error) {
      this.logger.warn(`no D4 limit for ${decision.decisionNumber} yet: ${(error as Error).message}`);
      return null;
    }
  }

  private async revoke(fact: CaseDecisionRevokedV1): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(publicationWorkflowId(fact.decisionNumber))
        .signal(decisionRevokedSignal, fact);
    } catch (error) {
      // Never published here, or its publication is over (withdrawn, exempted): nothing is on the portal to take down.
      if (error instanceof WorkflowNotFoundError) {
        this.logger.warn(`no running publication for revoked decision ${fact.decisionNumber}`);
        return;
      }
      throw error;
    }
  }
}
