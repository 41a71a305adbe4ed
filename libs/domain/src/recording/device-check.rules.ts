import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * 定期核查 as a limit (SPEC R11, C2; 000 附件6 第七条): every device in service is checked by its administrator
 * within `DEVICE_CHECK_INTERVAL` of its last periodic check (or its registration). One `devicePeriodicCheckWorkflow`
 * per device follows one cycle at a time: started, warned before the due instant, missed when it passes, met by the
 * next periodic check — then the next cycle starts from that check. A retirement closes the running cycle.
 */

/** The cycle as the store has it: the device's unit and administrator, and the instant the cycle runs from. */
export type DeviceCheckCycle =
  | { state: 'gone' }
  | { state: 'retired'; retiredAt: string }
  | {
      state: 'due';
      unitId: string;
      administrator: string;
      /** The last periodic check, or the registration: the cycle's start and its identity. */
      from: string;
      dueAt: string;
      warnAt: string;
    };

export interface DevicePeriodicCheckInput {
  assetNumber: string;
}

export interface DevicePeriodicCheckStatus {
  assetNumber: string;
  from: string | null;
  dueAt: string | null;
  /** `gone`: the registration the workflow was started for never committed. */
  state: 'running' | 'warned' | 'missed' | 'retired' | 'gone';
}

/** The limit's fact to announce; `at` is the instant it happened (the start, warning, miss, or the closing act). */
export interface DeviceCheckFact {
  assetNumber: string;
  unitId: string;
  administrator: string;
  from: string;
  dueAt: string;
  kind: 'started' | 'warning' | 'missed' | 'met';
  at: string;
}

/** The periodic check's limit as the board keys it: one subject per cycle, so each cycle is a limit of its own. */
export function deviceCheckSubjectId(assetNumber: string, fromIso: string): string {
  return `device-check:${assetNumber}@${fromIso}`;
}

/** A periodic check was recorded, or the device retired: the workflow re-reads the store. */
export const deviceCheckedSignal = defineSignal('deviceChecked');
export const devicePeriodicCheckStatusQuery = defineQuery<DevicePeriodicCheckStatus>('devicePeriodicCheckStatus');

export function devicePeriodicCheckWorkflowId(assetNumber: string): string {
  return `DevicePeriodicCheck:${assetNumber}`;
}
