import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import {
  deviceReturnedSignal,
  deviceReturnStatusQuery,
  deviceReturnWarnAt,
  type DeviceReturnInput,
  type DeviceReturnStatus,
} from '@enforcement/domain';
import type { DeviceReturnActivities } from '../devices/device.activities';

const { deviceReturnState, announceDeviceReturn } = proxyActivities<DeviceReturnActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * 领用期限 (SPEC R11, C2): a device checked out must be back by the expected return its borrower stated. One workflow
 * per approved checkout, started in the approval's transaction: a durable timer warns before the expected return
 * (a day before, or three quarters into a short checkout) and records the lapse as a violation when it passes. Before
 * either it reads the store, so it never warns about a device that is back or reported lost or damaged (the signal
 * only ends it sooner) and ends without a word when the approval it was started for did not commit. The limit's start and its end (the
 * return, late or not, or the report of its loss or damage) are announced by those steps themselves.
 */
export async function deviceReturnWorkflow(input: DeviceReturnInput): Promise<DeviceReturnStatus> {
  const status: DeviceReturnStatus = {
    checkoutId: input.checkoutId,
    expectedReturnAt: input.expectedReturnAt,
    warnAt: deviceReturnWarnAt(input.approvedAt, input.expectedReturnAt),
    state: 'running',
    warned: false,
  };
  // Issue 12: an announcement refused for good is recorded (audit row on the device) and the limit goes on.
  const stepFailures = workflowStepFailures({
    workflowId: workflowInfo().workflowId,
    subject: input.assetNumber,
    unitId: input.unitId,
  });
  let signalled = false;
  setHandler(deviceReturnStatusQuery, () => ({ ...status }));
  setHandler(deviceReturnedSignal, () => {
    signalled = true;
  });

  const steps = [
    { kind: 'warning', at: status.warnAt },
    { kind: 'missed', at: input.expectedReturnAt },
  ] as const;
  for (const step of steps) {
    // Wakes at the step's instant, or on the return's signal; either way the store decides.
    for (;;) {
      const early = await condition(() => signalled, Math.max(1, Date.parse(step.at) - Date.now()));
      signalled = false;
      const { state } = await deviceReturnState({ checkoutId: input.checkoutId });
      if (state === 'returned' || state === 'lost') {
        status.state = state;
        return { ...status };
      }
      if (state === 'unapproved') {
        status.state = 'void';
        return { ...status };
      }
      if (!early) break;
    }
    const warnAt = status.warnAt;
    await stepFailures.orNote(`announceDeviceReturn:${step.kind}`, () =>
      announceDeviceReturn({ ...input, warnAt, kind: step.kind }),
    );
    if (step.kind === 'warning') status.warned = true;
  }
  status.state = 'missed';
  return { ...status };
}
