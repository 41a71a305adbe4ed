import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import {
  deviceExportedSignal,
  deviceExportStatusQuery,
  type DeviceExportInput,
  type DeviceExportStatus,
} from '@enforcement/domain';
import type { DeviceActivities } from '../devices/device.activities';

const { deviceExportDeadline, deviceExportRecordedAt, announceDeviceExport } = proxyActivities<DeviceActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * 导出保存 (SPEC R11; 000 附件6 第十九条): a returned device's footage is exported the same day, or — continuous work,
 * work away from the unit — within the limit after its return (`DEVICE_EXPORT_LIMIT`, 24 h by default). One workflow per returned checkout: it warns before the limit, records the
 * miss as a violation when it runs out, and ends as soon as the export (the hand-over of the footage) is recorded.
 */
export async function deviceExportWorkflow(input: DeviceExportInput): Promise<DeviceExportStatus> {
  const status: DeviceExportStatus = {
    checkoutId: input.checkoutId,
    dueAt: null,
    warnAt: null,
    state: 'running',
    warned: false,
  };
  setHandler(deviceExportStatusQuery, () => ({ ...status }));
  // Issue 12: an announcement refused for good is recorded (audit row on the device) and the limit goes on.
  const stepFailures = workflowStepFailures({
    workflowId: workflowInfo().workflowId,
    subject: input.assetNumber,
    unitId: input.unitId,
  });
  setHandler(deviceExportedSignal, () => {
    if (status.state === 'running') status.state = 'exported';
  });

  const { dueAt, warnAt } = await deviceExportDeadline({
    returnedAt: input.returnedAt,
    exportException: input.exportException ?? null,
  });
  Object.assign(status, { dueAt, warnAt });
  // An export recorded before the workflow started (or before its signal could arrive) closes it at once.
  if ((await deviceExportRecordedAt({ checkoutId: input.checkoutId })).exportedAt !== null) status.state = 'exported';

  const exported = () => status.state === 'exported';
  if (!(await condition(exported, Math.max(1, Date.parse(warnAt) - Date.now())))) {
    await stepFailures.orNote('announceDeviceExport:warning', () =>
      announceDeviceExport({ ...input, dueAt, warnAt, kind: 'warning' }),
    );
    status.warned = true;
    if (!(await condition(exported, Math.max(1, Date.parse(dueAt) - Date.now())))) {
      await stepFailures.orNote('announceDeviceExport:missed', () =>
        announceDeviceExport({ ...input, dueAt, warnAt, kind: 'missed' }),
      );
      status.state = 'missed';
    }
  }
  return { ...status };
}
