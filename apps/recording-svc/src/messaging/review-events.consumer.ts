import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  caseWorkflowId,
  reviewConcludedSignal,
  reviewConcludedV1,
  type EventEnvelope,
  type ReviewConcludedV1,
} from '@enforcement/domain';
import { TEMPORAL_CLIENT, UnprocessableEventError, type EventHandler } from '@enforcement/platform';

/**
 * Turns `review.concluded.v1` into a signal of the case's workflow (L12): a passed review opens the decision step,
 * any other outcome keeps it shut. The inbox drops repeats; the workflow also ignores an event id it has seen.
 */
@Injectable()
export class ReviewEventsConsumer implements EventHandler {
  readonly consumer = 'recording.review-conclusions';
  readonly types = [reviewConcludedV1.type];

  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async handle(event: EventEnvelope): Promise<void> {
    const data = event.data as ReviewConcludedV1;
    try {
      await this.temporal.workflow.getHandle(caseWorkflowId(data.caseNo)).signal(reviewConcludedSignal, {
        eventId: event.id,
        type: 'review-concluded',
        outcome: data.outcome,
        mayIssueDecision: data.mayIssueDecision,
        decisionRef: data.decision?.decisionRef ?? null,
        at: event.time,
      });
    } catch (err) {
      // A review of a case this service never registered (or whose lifecycle has ended) cannot be applied.
      if (err instanceof WorkflowNotFoundError) {
        throw new UnprocessableEventError(`no running case workflow for ${data.caseNo}: ${err.message}`);
      }
      throw err;
    }
  }
}
