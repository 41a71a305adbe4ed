import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { TaskQueues } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import type { CheckpointActivities } from '../activities/checkpoint.activities';
import { INTEGRITY_CHECKPOINTS_WORKFLOW_ID } from './integrity-checkpoint.workflow';

const HOUR = 3_600_000;

describe('integrityCheckpointWorkflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('R7: the log head is signed at once and then every 24 hours', async () => {
    const signedAt: number[] = [];
    const activities: CheckpointActivities = {
      signIntegrityCheckpoint: async () => {
        signedAt.push(await env.currentTimeMs());
        return { treeSize: signedAt.length, signedAt: new Date().toISOString() };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.recording,
      workflowsPath: require.resolve('./index'),
      activities,
    });
    await worker.runUntil(async () => {
      const start = await env.currentTimeMs();
      const handle = await env.client.workflow.start('integrityCheckpointWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: INTEGRITY_CHECKPOINTS_WORKFLOW_ID,
        args: [{ everyHours: 24 }],
      });
      await eventually(async () => (signedAt.length === 1 ? true : undefined), 'first checkpoint');
      await env.sleep(23 * HOUR);
      expect(signedAt).toHaveLength(1);
      await env.sleep(2 * HOUR);
      await eventually(async () => (signedAt.length === 2 ? true : undefined), 'second checkpoint');
      await env.sleep(24 * HOUR);
      await eventually(async () => (signedAt.length === 3 ? true : undefined), 'third checkpoint');
      expect(signedAt[1] - start).toBeGreaterThanOrEqual(24 * HOUR);
      expect(signedAt[2] - signedAt[1]).toBeGreaterThanOrEqual(24 * HOUR);
      await handle.terminate('test over');
    });
  }, 60_000);
});
