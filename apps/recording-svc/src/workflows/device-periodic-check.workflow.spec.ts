import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  deviceCheckedSignal,
  devicePeriodicCheckStatusQuery,
  devicePeriodicCheckWorkflowId,
  TaskQueues,
  type DeviceCheckCycle,
  type DeviceCheckFact,
} from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import type { DeviceCheckActivities } from '../devices/device-check.activities';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('devicePeriodicCheckWorkflow (R11, C2: each device is checked within its interval, as a limit on the board)', () => {
  let env: TestWorkflowEnvironment;
  const facts: DeviceCheckFact[] = [];
  // The store as the activity reads it (the e2e test covers the tables): per device, its cycle's start or retirement.
  const store = new Map<string, { from: number; intervalDays: number; retiredAt?: number }>();
  const activities: DeviceCheckActivities = {
    devicePeriodicCycle: async ({ assetNumber }): Promise<DeviceCheckCycle> => {
      const d = store.get(assetNumber);
      if (!d) return { state: 'gone' };
      if (d.retiredAt !== undefined) return { state: 'retired', retiredAt: new Date(d.retiredAt).toISOString() };
      const dueAt = d.from + d.intervalDays * DAY;
      return {
        state: 'due',
        unitId: 'unit-a',
        administrator: 'u-keeper',
        from: new Date(d.from).toISOString(),
        dueAt: new Date(dueAt).toISOString(),
        warnAt: new Date(dueAt - DAY).toISOString(),
      };
    },
    announceDeviceCheck: async (f) => void facts.push(f),
  };
  const of = (asset: string) => facts.filter((f) => f.assetNumber === asset).map((f) => `${f.kind}@${f.from}`);
  const factsBy = (asset: string, n: number, what: string) =>
    eventually(
      async () => (facts.filter((f) => f.assetNumber === asset).length >= n ? true : undefined),
      what,
      120_000,
    );

  // A server per test: the time-skipping test server may stop skipping time once a workflow has continued as new
  // (sdk-java #1540), and each test here ends with one that did.
  beforeEach(async () => {
    env = await createTimeSkippingEnv();
  }, 300_000);
  afterEach(async () => {
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

  /** A device registered now, checked every `days` days. */
  async function registered(asset: string, days: number) {
    const from = await env.currentTimeMs();
    store.set(asset, { from, intervalDays: days });
    const handle = await env.client.workflow.start('devicePeriodicCheckWorkflow', {
      taskQueue: TaskQueues.recording,
      workflowId: devicePeriodicCheckWorkflowId(asset),
      args: [{ assetNumber: asset }],
    });
    return { from: new Date(from).toISOString(), handle };
  }

  it('R11, C2: a device not checked in 30 days is warned a day before and its check recorded as missed at the due instant; the late check meets the cycle and the next one starts from it', async () => {
    await run(async () => {
      const { from, handle } = await registered('DSJ-P1', 30);
      await factsBy('DSJ-P1', 1, 'the start');
      expect(of('DSJ-P1')).toEqual([`started@${from}`]);
      await env.sleep(28 * DAY + 23 * HOUR);
      expect(of('DSJ-P1')).toEqual([`started@${from}`]);
      await env.sleep(2 * HOUR);
      await factsBy('DSJ-P1', 2, 'the warning');
      const warning = facts.find((f) => f.assetNumber === 'DSJ-P1' && f.kind === 'warning')!;
      expect(Date.parse(warning.at)).toBe(Date.parse(from) + 29 * DAY);
      await env.sleep(DAY);
      await factsBy('DSJ-P1', 3, 'the miss');
      const missed = facts.find((f) => f.assetNumber === 'DSJ-P1' && f.kind === 'missed')!;
      expect(missed).toMatchObject({ at: missed.dueAt, unitId: 'unit-a', administrator: 'u-keeper' });
      expect(Date.parse(missed.dueAt)).toBe(Date.parse(from) + 30 * DAY);
      expect((await handle.query(devicePeriodicCheckStatusQuery)).state).toBe('missed');

      // Checked two days late: the missed cycle is met at the check, and the next cycle runs from the check.
      await env.sleep(2 * DAY);
      const checkedAt = await env.currentTimeMs();
      store.set('DSJ-P1', { from: checkedAt, intervalDays: 30 });
      await handle.signal(deviceCheckedSignal);
      const next = new Date(checkedAt).toISOString();
      await factsBy('DSJ-P1', 5, 'the met cycle and the next start');
      expect(of('DSJ-P1')).toEqual([
        `started@${from}`,
        `warning@${from}`,
        `missed@${from}`,
        `met@${from}`,
        `started@${next}`,
      ]);
      const met = facts.find((f) => f.assetNumber === 'DSJ-P1' && f.kind === 'met')!;
      expect(met.at).toBe(next);
      const status = await handle.query(devicePeriodicCheckStatusQuery);
      expect(status).toMatchObject({ from: next, state: 'running' });
      expect(Date.parse(status.dueAt!)).toBe(checkedAt + 30 * DAY);
    });
  }, 300_000);

  it('R11: a check whose signal was lost is found in the store at the warning instant: no warning, the cycle met at the check; a signalled check closes it at once', async () => {
    await run(async () => {
      const { from } = await registered('DSJ-P2', 30);
      await factsBy('DSJ-P2', 1, 'the start');
      await env.sleep(10 * DAY);
      const checkedAt = await env.currentTimeMs();
      store.set('DSJ-P2', { from: checkedAt, intervalDays: 30 });
      // To the warning instant (29 days after the registration), no signal sent.
      await env.sleep(19 * DAY);
      await factsBy('DSJ-P2', 3, 'the check found in the store');
      const next = new Date(checkedAt).toISOString();
      expect(of('DSJ-P2')).toEqual([`started@${from}`, `met@${from}`, `started@${next}`]);
      expect(facts.find((f) => f.assetNumber === 'DSJ-P2' && f.kind === 'met')!.at).toBe(next);

      // Signalled: closed at once, before any timer.
      const b = await registered('DSJ-P2B', 30);
      await factsBy('DSJ-P2B', 1, 'the start');
      const at = b.from;
      const later = Date.parse(at) + 1;
      store.set('DSJ-P2B', { from: later, intervalDays: 30 });
      await b.handle.signal(deviceCheckedSignal);
      await factsBy('DSJ-P2B', 3, 'the signalled check');
      expect(of('DSJ-P2B')).toEqual([`started@${at}`, `met@${at}`, `started@${new Date(later).toISOString()}`]);
    });
  }, 300_000);

  it('R11: a retired device’s running cycle closes at the retirement and the workflow ends; a registration that never committed ends it without a word', async () => {
    await run(async () => {
      const { from, handle } = await registered('DSJ-P3', 30);
      await factsBy('DSJ-P3', 1, 'the start');
      await env.sleep(5 * DAY);
      const retiredAt = await env.currentTimeMs();
      store.set('DSJ-P3', { from: Date.parse(from), intervalDays: 30, retiredAt });
      await handle.signal(deviceCheckedSignal);
      expect(await handle.result()).toMatchObject({ state: 'retired' });
      expect(of('DSJ-P3')).toEqual([`started@${from}`, `met@${from}`]);
      expect(facts.find((f) => f.assetNumber === 'DSJ-P3' && f.kind === 'met')!.at).toBe(
        new Date(retiredAt).toISOString(),
      );

      const gone = await env.client.workflow.start('devicePeriodicCheckWorkflow', {
        taskQueue: TaskQueues.recording,
        workflowId: devicePeriodicCheckWorkflowId('DSJ-NEVER'),
        args: [{ assetNumber: 'DSJ-NEVER' }],
      });
      expect(await gone.result()).toMatchObject({ state: 'gone' });
      expect(of('DSJ-NEVER')).toEqual([]);
    });
  }, 300_000);
});
