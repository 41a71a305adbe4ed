import { proxyActivities } from '@temporalio/workflow';
import type { PreliminaryReviewSignOff, SignPreliminaryReviewInput } from '@enforcement/domain';
import type { PreliminaryReviewActivities } from '../preliminary-reviews/preliminary-review.activities';

const { savePreliminaryReview } = proxyActivities<PreliminaryReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: 10 },
});

/**
 * 初审 (SPEC L2): stores one unit head's sign-off in review-svc, which owns the record. A durable start like every
 * other write; the activity is insert-once per call, so a retried start returns the first sign-off.
 */
export async function signPreliminaryReviewWorkflow(
  input: SignPreliminaryReviewInput,
): Promise<PreliminaryReviewSignOff> {
  return savePreliminaryReview(input);
}
