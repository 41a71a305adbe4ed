import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import {
  deviceCheckedSignal,
  devicePeriodicCheckStatusQuery,
  type DevicePeriodicCheckInput,
  type DevicePeriodicCheckStatus,
} from '@enforcement/domain';
import type { DeviceCheckActivities } from '../devices/device-check.activities';

const { devicePeriodicCycle, announceDeviceCheck } = proxyActivities<DeviceCheckActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** After a miss the workflow waits for the check; it re-reads the store daily in case a signal was lost. */
const RECHECK_MS = 86_400_000;

/**
 * 定期核查 (SPEC R11, C2; 000 附件6 第七条): one workflow per device in service, one cycle per run. It announces the
 * cycle's start, warns before the due instant (a day before, or three quarters into a short interval), records the
 * miss when it passes, and waits for the administrator's next periodic check: that check meets the cycle, and the
 * workflow continues as new on the next one. Every wake (timer or signal) reads the store, which decides: a check
 * recorded since the cycle began meets it (a lost signal only delays the close), a retirement closes it and ends the
 * workflow, a registration that never committed ends it without a word.
 */
export async function devicePeriodicCheckWorkflow(input: DevicePeriodicCheckInput): Promise<DevicePeriodicCheckStatus> {
  const status: DevicePeriodicCheckStatus = {
    assetNumber: input.assetNumber,
    from: null,
    dueAt: null,
    state: 'running',
  };
  let signalled = false;
  setHandler(devicePeriodicCheckStatusQuery, () => ({ ...status }));
  setHandler(deviceCheckedSignal, () => {
    signalled = true;
  });

  const cycle = await devicePeriodicCycle(input);
  if (cycle.state === 'gone' || cycle.state === 'retired') {
    status.state = cycle.state;
    return { ...status };
  }
  Object.assign(status, { from: cycle.from, dueAt: cycle.dueAt });
  // Issue 12: an announcement refused for good is recorded (audit row on the device) and the cycle goes on.
  const stepFailures = workflowStepFailures({
    workflowId: workflowInfo().workflowId,
    subject: input.assetNumber,
    unitId: cycle.unitId,
  });
  const fact = (kind: 'started' | 'warning' | 'missed' | 'met', at: string) =>
    stepFailures.orNote(`announceDeviceCheck:${kind}`, () =>
      announceDeviceCheck({ ...cycle, assetNumber: input.assetNumber, kind, at }),
    );
  await fact('started', cycle.from);

  /** The store after a wake: `null` while the cycle still runs; otherwise the cycle is closed here. */
  const closed = async (): Promise<DevicePeriodicCheckStatus | null> => {
    const now = await devicePeriodicCycle(input);
    if (now.state === 'due' && now.from === cycle.from) return null;
    if (now.state === 'due') {
      await fact('met', now.from);
      return continueAsNew<typeof devicePeriodicCheckWorkflow>(input);
    }
    // Retired: the device needs no more checks, and the running cycle is closed at the retirement.
    if (now.state === 'retired') await fact('met', now.retiredAt);
    status.state = now.state;
    return { ...status };
  };

  const steps = [
    { kind: 'warning', at: cycle.warnAt },
    { kind: 'missed', at: cycle.dueAt },
  ] as const;
  for (const step of steps) {
    for (;;) {
      const early = await condition(() => signalled, Math.max(1, Date.parse(step.at) - Date.now()));
      signalled = false;
      const end = await closed();
      if (end) return end;
      if (!early) break;
    }
    await fact(step.kind, step.at);
    status.state = step.kind === 'warning' ? 'warned' : 'missed';
  }
  for (;;) {
    await condition(() => signalled, RECHECK_MS);
    signalled = false;
    const end = await closed();
    if (end) return end;
  }
}
