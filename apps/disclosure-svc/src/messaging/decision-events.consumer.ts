import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  PUBLICATION_WORKFLOW_TYPE,
  TaskQueues,
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  decisionRevokedSignal,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type CaseDecisionRevokedV1,
  type EventEnvelope,
  type PublicationWorkflowInput,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT, type EventHandler } from '@enforcement/platform';

/**
 * Decision facts from recording-svc drive publication (SPEC D4, D8): an issued decision starts its publication
 * workflow (one per decision number — a repeated fact, or the same decision announced twice, starts nothing); a
 * revocation signals it. Both are idempotent towards Temporal, so Kafka's redelivery is harmless.
 */
@Injectable()
export class DecisionEventsConsumer implements EventHandler {
  private readonly logger = new Logger(DecisionEventsConsumer.name);
  readonly consumer = 'disclosure.publications';
  readonly types = [caseDecisionIssuedV1.type, caseDecisionRevokedV1.type];

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type === caseDecisionIssuedV1.type) await this.start(event.data as CaseDecisionIssuedV1, event.id);
    else await this.revoke(event.data as CaseDecisionRevokedV1);
  }

  private async start(decision: CaseDecisionIssuedV1, eventId: string): Promise<void> {
    const input: PublicationWorkflowInput = { decision, correlationId: eventId };
    try {
      await this.temporal.workflow.start(PUBLICATION_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.disclosure,
        workflowId: publicationWorkflowId(decision.decisionNumber),
        // A decision is published once in its life: a closed publication is never started again.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
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
