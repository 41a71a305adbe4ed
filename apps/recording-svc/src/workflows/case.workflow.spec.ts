import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  caseStatusQuery,
  caseWorkflowId,
  closeCaseSignal,
  TaskQueues,
  type CaseWorkflowInput,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import type { CaseActivities } from '../activities/case.activities';

const input: CaseWorkflowInput = {
  caseNumber: 'WF-TEST-1',
  category: 'penalty',
  title: 'workflow test',
  unitId: 'unit-1',
  initiatedAt: '2026-03-02T01:00:00.000Z',
  handlingDeadline: null,
  initiatedBy: 'u-officer-1',
  correlationId: 'req-1',
};

describe('caseWorkflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('R1: the first activity registers the case; the workflow then answers where the case stands until closed', async () => {
    const registered: CaseWorkflowInput[] = [];
    let attempts = 0;
    const activities: CaseActivities = {
      async registerCase(i) {
        attempts += 1;
        // The first attempt fails as a dropped database connection would; the retry must carry on.
        if (attempts === 1) throw new Error('connection reset');
        registered.push(i);
        return { registeredAt: '2026-03-02T01:00:01.000Z' };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.recording,
      workflowsPath: require.resolve('./index'),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('caseWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: caseWorkflowId(input.caseNumber),
        args: [input],
      });
      let status = await handle.query(caseStatusQuery);
      while (status.step === 'initiation') status = await handle.query(caseStatusQuery);
      expect(status).toEqual({
        caseNumber: 'WF-TEST-1',
        unitId: 'unit-1',
        title: 'workflow test',
        step: 'registered',
        registeredAt: '2026-03-02T01:00:01.000Z',
      });
      await handle.signal(closeCaseSignal, { reason: 'test' });
      await handle.result();
    });
    expect(attempts).toBe(2);
    expect(registered).toEqual([input]);
  }, 60_000);
});
