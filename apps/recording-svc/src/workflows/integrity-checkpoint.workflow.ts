import { continueAsNew, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import type { CheckpointActivities } from '../activities/checkpoint.activities';

const { signIntegrityCheckpoint } = proxyActivities<CheckpointActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});

export const INTEGRITY_CHECKPOINTS_WORKFLOW_ID = 'integrity-checkpoints';

/** Checkpoints per run before the history starts afresh. */
const PER_RUN = 30;

/**
 * Signs a checkpoint of the integrity log's head every `everyHours` (SPEC R7: daily, besides on demand), so a third
 * party holding any of them can later demand a consistency proof.
 */
export async function integrityCheckpointWorkflow(input: { everyHours: number }): Promise<void> {
  // Issue 12: a checkpoint the store refuses for good is recorded (audit row) and the next one is signed on time.
  const stepFailures = workflowStepFailures({
    workflowId: workflowInfo().workflowId,
    subject: INTEGRITY_CHECKPOINTS_WORKFLOW_ID,
    unitId: null,
  });
  for (let i = 0; i < PER_RUN; i++) {
    await stepFailures.orNote('signIntegrityCheckpoint', () => signIntegrityCheckpoint());
    await sleep(input.everyHours * 3_600_000);
  }
  await continueAsNew<typeof integrityCheckpointWorkflow>(input);
}
