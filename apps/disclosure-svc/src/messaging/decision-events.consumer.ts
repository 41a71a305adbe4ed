import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import {
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  decisionRevokedSignal,
  publicationPeriod,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type CaseDecisionRevokedV1,
  type EventEnvelope,
  type PublicationLimit,
} from '@enforcement/domain';
import { OutboxWriter, TEMPORAL_CLIENT, type EventHandler } from '@enforcement/platform';
import { currentCalendar } from '@enforcement/workdays';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import { draftedState, writeDraft } from '../activities/publication-store.activities';
import { enqueuePublicationStart } from '../publications/publication-starts.queue';
import { PublicationStarter } from '../publications/publication.starter';

/**
 * Decision facts from recording-svc drive publication (SPEC D4, D8): an issued decision gets its draft and its
 * publication workflow (one per decision number — a repeated fact, or the same decision announced twice, adds
 * nothing); a revocation signals it.
 *
 * Issue 10: the draft (redaction, working row, D4 limit with its `deadline.started.v1`, `drafted` step) and a
 * pending start (`publication_starts`) commit together in the inbox transaction; the workflow is started after the
 * commit (afterCommit kicks the PublicationStarter), so the disclosure officer's draft waits for Kafka and one
 * transaction, not for Temporal. Failures: before the commit, nothing is written and Kafka redelivers; after it, the
 * row stays until its workflow is started — by the kicked start, or by the starter's sweep when that start failed or
 * the process died first. The workflow begins from the committed draft (`input.drafted`) and drafts nothing again.
 * Without the year's calendar (W3) no draft is written here: the workflow waits for the calendar and drafts itself.
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
    private readonly starter: PublicationStarter,
  ) {}

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type === caseDecisionIssuedV1.type) {
      await this.draft(event.data as CaseDecisionIssuedV1, event.id, manager);
    } else await this.revoke(event.data as CaseDecisionRevokedV1, manager);
  }

  afterCommit(event: EventEnvelope): void {
    if (event.type === caseDecisionIssuedV1.type) this.starter.kick();
  }

  private async draft(decision: CaseDecisionIssuedV1, eventId: string, manager: EntityManager): Promise<void> {
    const publicationId = publicationWorkflowId(decision.decisionNumber);
    const limit = await this.limitOf(decision);
    if (limit === null) {
      await enqueuePublicationStart(manager, publicationId, { decision, correlationId: eventId });
      return;
    }
    const state = draftedState(publicationId, decision);
    // One statement; nothing when an earlier fact about the decision drafted it (its start is queued or done).
    await writeDraft(manager, this.outbox, {
      publicationId,
      decision,
      limit,
      state,
      correlationId: eventId,
      start: { decision, correlationId: eventId, drafted: { limit, draft: state.draft } },
    });
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

  private async revoke(fact: CaseDecisionRevokedV1, manager: EntityManager): Promise<void> {
    const publicationId = publicationWorkflowId(fact.decisionNumber);
    // The start may still be pending (just committed, or left to the sweeper): start it first, so the
    // revocation reaches the workflow instead of being dropped as 'never published'.
    await this.starter.startPendingNow(manager, publicationId);
    try {
      await this.temporal.workflow.getHandle(publicationId).signal(decisionRevokedSignal, fact);
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
