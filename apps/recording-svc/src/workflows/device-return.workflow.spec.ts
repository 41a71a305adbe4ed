import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  deviceReturnedSignal,
  deviceReturnStatusQuery,
  deviceReturnWorkflowId,
  TaskQueues,
  type DeviceReturnInput,
} from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import type { DeviceReturnActivities } from '../devices/device.activities';

const HOUR = 3_600_000;

type Notice = Parameters<DeviceReturnActivities['announceDeviceReturn']>[0];
type Stored = Awaited<ReturnType<DeviceReturnActivities['deviceReturnState']>>['state'];

describe('deviceReturnWorkflow (R11, C2: a checkout lapses when the device is not back by its expected return)', () => {
  let env: TestWorkflowEnvironment;
  const notices: Notice[] = [];
  // The store as the activities read it (the e2e test covers the tables): each checkout's approval and return.
  const stored = new Map<string, Stored>();
  const activities: DeviceReturnActivities = {
    deviceReturnState: async ({ checkoutId }) => ({ state: stored.get(checkoutId) ?? 'unapproved' }),
    announceDeviceReturn: async (n) => void notices.push(n),
  };
  const mine = (id: string) => notices.filter((n) => n.checkoutId === id);
  /** Once the timer has fired, the workflow still runs its activities: wait for the warning it then records. */
  const warnedBy = (handle: { query: (q: typeof deviceReturnStatusQuery) => Promise<{ warned: boolean }> }) =>
    eventually(
      async () => ((await handle.query(deviceReturnStatusQuery)).warned ? true : undefined),
      'the warning',
      120_000,
    );

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 180_000);
  afterAll(async () => {
    await env?.teardown();
  });

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TaskQueues.recording,
      workflowsPath: require.resolve('./index'),
      activities,
    });
    return worker.runUntil(fn);
  }

  /** A checkout approved now, expected back `hours` later. */
  async function approved(id: string, hours: number, state: Stored = 'approved') {
    stored.set(id, state);
    const now = await env.currentTimeMs();
    const input: DeviceReturnInput = {
      checkoutId: id,
      assetNumber: 'DSJ-011',
      unitId: 'unit-a',
      borrower: 'u-officer',
      approvedAt: new Date(now).toISOString(),
      expectedReturnAt: new Date(now + hours * HOUR).toISOString(),
    };
    const handle = await env.client.workflow.start('deviceReturnWorkflow', {
      taskQueue: TaskQueues.recording,
      workflowId: deviceReturnWorkflowId(id),
      args: [input],
    });
    return { input, handle };
  }

  it('R11, C2: a device not back five days after checkout is warned a day before the expected return and its lapse recorded as a violation at that instant', async () => {
    await run(async () => {
      const { input, handle } = await approved('lapse-1', 120);
      await env.sleep(95 * HOUR);
      expect(mine('lapse-1')).toEqual([]);
      await env.sleep(2 * HOUR);
      await warnedBy(handle);
      expect(mine('lapse-1').map((n) => n.kind)).toEqual(['warning']);
      expect(await handle.result()).toMatchObject({ state: 'missed', warned: true });
      const [warning, missed] = mine('lapse-1');
      expect(Date.parse(warning.warnAt)).toBe(Date.parse(input.expectedReturnAt) - 24 * HOUR);
      expect(missed).toMatchObject({
        kind: 'missed',
        expectedReturnAt: input.expectedReturnAt,
        assetNumber: 'DSJ-011',
        unitId: 'unit-a',
        borrower: 'u-officer',
      });
    });
  }, 180_000);

  it('R11, C2: a checkout of one working day (8 h) is warned three quarters in, at 6 h, and lapses at 8 h', async () => {
    await run(async () => {
      const { input, handle } = await approved('short-1', 8);
      await env.sleep(5.5 * HOUR);
      expect(mine('short-1')).toEqual([]);
      await env.sleep(HOUR);
      await warnedBy(handle);
      expect(mine('short-1').map((n) => n.kind)).toEqual(['warning']);
      expect((await handle.result()).state).toBe('missed');
      expect(Date.parse(mine('short-1')[0].warnAt) - Date.parse(input.approvedAt)).toBe(6 * HOUR);
    });
  }, 180_000);

  it('R11: a device returned in time ends the limit at the return’s signal: no warning, no violation', async () => {
    await run(async () => {
      const { handle } = await approved('back-1', 72);
      await env.sleep(10 * HOUR);
      stored.set('back-1', 'returned');
      await handle.signal(deviceReturnedSignal);
      expect(await handle.result()).toMatchObject({ state: 'returned', warned: false });
      await env.sleep(100 * HOUR);
      expect(mine('back-1')).toEqual([]);
    });
  }, 180_000);

  it('R11: a return whose signal was lost is found in the store at the warning instant, so no warning is raised', async () => {
    await run(async () => {
      const { handle } = await approved('quiet-1', 72);
      await env.sleep(HOUR);
      stored.set('quiet-1', 'returned');
      expect(await handle.result()).toMatchObject({ state: 'returned', warned: false });
      expect(mine('quiet-1')).toEqual([]);
    });
  }, 180_000);

  it('R11: a signal that arrives before the return is stored does not end the limit; the warning and the miss follow', async () => {
    await run(async () => {
      const { handle } = await approved('early-1', 8);
      await env.sleep(HOUR);
      await handle.signal(deviceReturnedSignal);
      expect((await handle.query(deviceReturnStatusQuery)).state).toBe('running');
      expect(await handle.result()).toMatchObject({ state: 'missed', warned: true });
      expect(mine('early-1').map((n) => n.kind)).toEqual(['warning', 'missed']);
    });
  }, 180_000);

  it('R11: returned after the warning, before the expected time: the warning stands, no violation', async () => {
    await run(async () => {
      const { handle } = await approved('late-ish-1', 8);
      await env.sleep(7 * HOUR);
      await warnedBy(handle);
      stored.set('late-ish-1', 'returned');
      await handle.signal(deviceReturnedSignal);
      expect(await handle.result()).toMatchObject({ state: 'returned', warned: true });
      expect(mine('late-ish-1').map((n) => n.kind)).toEqual(['warning']);
    });
  }, 180_000);

  it('R11: a device reported lost while out closes the limit at the report’s signal: no warning, no violation, ever', async () => {
    await run(async () => {
      const { handle } = await approved('lost-1', 48);
      await env.sleep(5 * HOUR);
      stored.set('lost-1', 'lost');
      await handle.signal(deviceReturnedSignal);
      expect(await handle.result()).toMatchObject({ state: 'lost', warned: false });
      // Well past the warning and the expected return: nothing fires for a checkout that ended as lost.
      await env.sleep(100 * HOUR);
      expect(mine('lost-1')).toEqual([]);
    });
  }, 180_000);

  it('R11: reported damaged after the warning and its signal lost: the store ends the limit at the expected return, with no violation', async () => {
    await run(async () => {
      const { handle } = await approved('damaged-1', 8);
      await env.sleep(7 * HOUR);
      await warnedBy(handle);
      stored.set('damaged-1', 'lost');
      expect(await handle.result()).toMatchObject({ state: 'lost', warned: true });
      expect(mine('damaged-1').map((n) => n.kind)).toEqual(['warning']);
    });
  }, 180_000);

  it('R11: a workflow whose approval never committed ends without a word', async () => {
    await run(async () => {
      const { handle } = await approved('void-1', 8, 'unapproved');
      expect((await handle.result()).state).toBe('void');
      expect(mine('void-1')).toEqual([]);
    });
  }, 180_000);
});
