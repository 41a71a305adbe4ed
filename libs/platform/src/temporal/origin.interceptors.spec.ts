import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { currentOrigin, runWithOrigin, type Origin } from '../audit/origin';
import { createTimeSkippingEnv } from '../testing/time-skipping';
import {
  ORIGIN_WORKFLOW_INTERCEPTORS,
  originActivityInterceptors,
  originClientInterceptor,
} from './origin.interceptors';
import { probeCommand } from './testing/origin-probe.workflows';

describe('origin of a command through Temporal (C3)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('C3: the starter’s and each command’s who/from-where reach their activities; timer-driven work keeps only the correlation id', async () => {
    const seen: { step: string; origin: Origin | undefined }[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'origin-probe',
      workflowsPath: require.resolve('./testing/origin-probe.workflows'),
      activities: { note: async (step: string) => void seen.push({ step, origin: currentOrigin() }) },
      interceptors: { workflowModules: [ORIGIN_WORKFLOW_INTERCEPTORS], activity: [originActivityInterceptors] },
    });
    const client = new Client({
      connection: env.connection,
      namespace: env.namespace,
      interceptors: { workflow: [originClientInterceptor] },
    });
    const officer: Origin = {
      actor: 'u-officer-1',
      unitId: 'unit-1',
      sourceIp: '10.0.0.7',
      userAgent: 'probe/1',
      correlationId: 'req-start',
    };
    const head: Origin = { actor: 'u-head-1', unitId: 'unit-1', sourceIp: '10.0.0.8', correlationId: 'req-cmd' };
    await worker.runUntil(async () => {
      const handle = await runWithOrigin(officer, () =>
        client.workflow.start('originProbe', { taskQueue: 'origin-probe', workflowId: `probe-${Date.now()}` }),
      );
      await runWithOrigin(head, () => handle.executeUpdate(probeCommand, { args: ['command'] }));
      // Outside any request: the client adds nothing, and the update's activity runs without an origin.
      await handle.executeUpdate(probeCommand, { args: ['no-origin'] });
      // The environment's own client skips time while it waits for the result.
      await env.client.workflow.getHandle(handle.workflowId).result();
    });
    const by = Object.fromEntries(seen.map((s) => [s.step, s.origin]));
    expect(by.start).toEqual(officer);
    expect(by.command).toEqual(head);
    expect(by['no-origin']).toEqual({});
    expect(by['after-timer']).toEqual({ correlationId: 'req-start' });
  }, 60_000);
});
