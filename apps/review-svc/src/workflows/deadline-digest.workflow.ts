import { proxyActivities } from '@temporalio/workflow';
import type { DeadlineDigestResult, DeadlineDigestWorkflowInput } from '@enforcement/domain';
import type { DeadlineDigestActivities } from '../supervision/deadline-digest.activities';

const { assembleDeadlineDigests } = proxyActivities<DeadlineDigestActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes', backoffCoefficient: 2, maximumAttempts: 20 },
});

const SHANGHAI_MS = 8 * 3_600_000;

/**
 * 每日时限提醒 (C2): started by the morning schedule; the digest is for the Beijing civil day the run started on
 * (workflow time, so a replay assembles the same day), unless a day is given when started by hand.
 */
export async function deadlineDigestWorkflow(input: DeadlineDigestWorkflowInput = {}): Promise<DeadlineDigestResult> {
  const day = input.day ?? new Date(Date.now() + SHANGHAI_MS).toISOString().slice(0, 10);
  return assembleDeadlineDigests({ day });
}
