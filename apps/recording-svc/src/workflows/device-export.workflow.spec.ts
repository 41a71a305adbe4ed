import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  deviceExportDueAt,
  deviceExportedSignal,
  deviceExportStatusQuery,
  deviceExportWorkflowId,
  TaskQueues,
  type DeviceExportInput,
} from '@enforcement/domain';
import { createTimeSkippingEnv } from '@enforcement/platform/testing/time-skipping';
import { createDeviceActivities, type DeviceActivities } from '../devices/device.activities';
import { parseHandOverLimit } from '../activities/case-deadline.activities';

const HOUR = 3_600_000;

type Notice = Parameters<DeviceActivities['announceDeviceExport']>[0];

describe('deviceExportWorkflow', () => {
  let env: TestWorkflowEnvironment;
  const notices: Notice[] = [];
  const exportedAt = new Map<string, string>();
  // The limit's arithmetic is the real activity's; storage is replaced by arrays (the e2e test covers the tables).
  const real = createDeviceActivities({
    dataSource: null as never,
    outbox: null as never,
    relay: null as never,
    exportLimit: parseHandOverLimit('DEVICE_EXPORT_LIMIT', undefined),
  });
  const activities: DeviceActivities = {
    deviceExportDeadline: real.deviceExportDeadline,
    deviceExportRecordedAt: async ({ checkoutId }) => ({ exportedAt: exportedAt.get(checkoutId) ?? null }),
    announceDeviceExport: async (n) => void notices.push(n),
  };
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

  /** A device returned now; by default after continuous work, so the export is due 24 hours later whatever the hour. */
  async function returned(id: string, exportException: DeviceExportInput['exportException'] = 'continuous-work') {
    const input: DeviceExportInput = {
      checkoutId: id,
      assetNumber: 'DSJ-007',
      unitId: 'unit-a',
      borrower: 'u-officer',
      returnedAt: new Date(await env.currentTimeMs()).toISOString(),
      exportException,
    };
    const handle = await env.client.workflow.start('deviceExportWorkflow', {
      taskQueue: TaskQueues.recording,
      workflowId: deviceExportWorkflowId(id),
      args: [input],
    });
    return { input, handle };
  }

  it('R11: footage of a device back from continuous work, not exported within 24 hours of the return, is warned at 18 h and recorded as missed at 24 h', async () => {
    await run(async () => {
      const { input, handle } = await returned('late-1');
      await env.sleep(17 * HOUR);
      expect(notices.filter((n) => n.checkoutId === 'late-1')).toEqual([]);
      await env.sleep(2 * HOUR);
      expect(notices.filter((n) => n.checkoutId === 'late-1').map((n) => n.kind)).toEqual(['warning']);
      const result = await handle.result();
      expect(result.state).toBe('missed');
      const mine = notices.filter((n) => n.checkoutId === 'late-1');
      expect(mine.map((n) => n.kind)).toEqual(['warning', 'missed']);
      expect(Date.parse(mine[1].dueAt) - Date.parse(input.returnedAt)).toBe(24 * HOUR);
      expect(Date.parse(mine[1].warnAt) - Date.parse(input.returnedAt)).toBe(18 * HOUR);
      expect(mine[1]).toMatchObject({ assetNumber: 'DSJ-007', unitId: 'unit-a', borrower: 'u-officer' });
    });
  }, 180_000);

  it('R11: without an exception the footage is due the same day — by 24:00 Beijing time of the return — and missed then', async () => {
    await run(async () => {
      const { input, handle } = await returned('same-day-1', null);
      const due = deviceExportDueAt(
        input.returnedAt,
        new Date(Date.parse(input.returnedAt) + 24 * HOUR).toISOString(),
        null,
      );
      // The end of the Beijing day (the test server's clock sets the hour; the rule's dates are in its unit test).
      expect(new Date(Date.parse(due) + 8 * HOUR).toISOString().slice(11)).toBe('00:00:00.000Z');
      expect(await handle.result()).toMatchObject({ state: 'missed', dueAt: due });
      const mine = notices.filter((n) => n.checkoutId === 'same-day-1');
      expect(mine.map((n) => [n.kind, n.dueAt])).toEqual([
        ['warning', due],
        ['missed', due],
      ]);
    });
  }, 180_000);

  it('R11: an export recorded within the limit closes the deadline: no warning, no violation', async () => {
    await run(async () => {
      const { handle } = await returned('on-time-1');
      await env.sleep(3 * HOUR);
      expect((await handle.query(deviceExportStatusQuery)).state).toBe('running');
      exportedAt.set('on-time-1', new Date(await env.currentTimeMs()).toISOString());
      await handle.signal(deviceExportedSignal, { exportedAt: exportedAt.get('on-time-1')! });
      const result = await handle.result();
      expect(result).toMatchObject({ state: 'exported', warned: false });
      await env.sleep(30 * HOUR);
      expect(notices.filter((n) => n.checkoutId === 'on-time-1')).toEqual([]);
    });
  }, 180_000);

  it('R11: an export after the warning but before the limit ends it with the warning only', async () => {
    await run(async () => {
      const { handle } = await returned('warned-1');
      await env.sleep(20 * HOUR);
      exportedAt.set('warned-1', new Date(await env.currentTimeMs()).toISOString());
      await handle.signal(deviceExportedSignal, { exportedAt: exportedAt.get('warned-1')! });
      expect(await handle.result()).toMatchObject({ state: 'exported', warned: true });
      expect(notices.filter((n) => n.checkoutId === 'warned-1').map((n) => n.kind)).toEqual(['warning']);
    });
  }, 180_000);

  it('R11: an export recorded before the workflow starts closes it at once', async () => {
    await run(async () => {
      exportedAt.set('early-1', new Date(await env.currentTimeMs()).toISOString());
      const { handle } = await returned('early-1');
      expect((await handle.result()).state).toBe('exported');
      expect(notices.filter((n) => n.checkoutId === 'early-1')).toEqual([]);
    });
  }, 180_000);
});
