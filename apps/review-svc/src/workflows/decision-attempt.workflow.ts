import { proxyActivities } from '@temporalio/workflow';
import type { RecordDecisionAttemptInput } from '@enforcement/domain';
import type { ReviewActivities } from '../activities/review.activities';

const { recordDecisionAttempt } = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * SPEC L12/L13: records a refused decision attempt on a case that has no running review — never submitted, or
 * closed — so trying to issue a major decision without a passed review is on record in every case, not only while
 * a review workflow is open. Durable like every other write: the activity is retried until the record is stored.
 */
export async function recordDecisionAttemptWorkflow(input: RecordDecisionAttemptInput): Promise<string> {
  await recordDecisionAttempt(input);
  return input.attemptId;
}
