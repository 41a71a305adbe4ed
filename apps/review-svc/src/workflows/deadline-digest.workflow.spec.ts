import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DEADLINE_DIGEST_WORKFLOW_TYPE, TaskQueues } from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { deadlineDigestScheduleOptions } from '../supervision/deadline-digest.schedule';

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

describe('deadline digest (C2)', () => {
  it('C2: the digest is scheduled every morning at 07:30 Beijing time on review-svc’s queue, one run at a time', () => {
    const options = deadlineDigestScheduleOptions();
    expect(options.spec).toEqual({ calendars: [{ hour: 7, minute: 30 }], timezone: 'Asia/Shanghai' });
    expect(options.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: DEADLINE_DIGEST_WORKFLOW_TYPE,
      taskQueue: TaskQueues.review,
      args: [{}],
    });
    expect(options.policies).toMatchObject({ overlap: 'SKIP' });
  });

  it('C2 (time-skipping): a run started at 07:30 Beijing time assembles that Beijing day, already the next day in UTC; a day given by hand wins', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('./deadline-digest.workflow'),
      logger: quietLogger,
    });
    const env = await createTimeSkippingEnv();
    const asked: string[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.review,
      workflowBundle: bundle,
      activities: {
        assembleDeadlineDigests: async ({ day }: { day: string }) => {
          asked.push(day);
          return { day, units: 2 };
        },
      },
    });
    try {
      await worker.runUntil(async () => {
        // The next 23:30 UTC after the server's clock (07:30 in Beijing, the following civil day there).
        const now = await env.currentTimeMs();
        const morning = new Date(now);
        morning.setUTCHours(23, 30, 0, 0);
        if (morning.getTime() <= now) morning.setUTCDate(morning.getUTCDate() + 1);
        await env.sleep(morning.getTime() - now);
        const beijingDay = new Date(morning.getTime() + 86_400_000).toISOString().slice(0, 10);
        const result = await env.client.workflow.execute(DEADLINE_DIGEST_WORKFLOW_TYPE, {
          taskQueue: TaskQueues.review,
          workflowId: 'deadline-digest-test-1',
          args: [{}],
        });
        expect(result).toEqual({ day: beijingDay, units: 2 });
        await env.client.workflow.execute(DEADLINE_DIGEST_WORKFLOW_TYPE, {
          taskQueue: TaskQueues.review,
          workflowId: 'deadline-digest-test-2',
          args: [{ day: '2031-05-06' }],
        });
        expect(asked).toEqual([beijingDay, '2031-05-06']);
      });
    } finally {
      await env.teardown();
    }
  }, 120_000);
});
