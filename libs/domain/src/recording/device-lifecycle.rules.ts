import { defineQuery, defineSignal } from '@temporalio/workflow';
import { deadline } from '@enforcement/workdays';
import { warningInstant } from './case-deadlines.rules';

/**
 * A device's life beyond one checkout (SPEC R11; 000 附件6 第六条 固定资产管理、指定专人管理, 第七条 定期核查; 004 第二十八条
 * 登记、发放、更新): it is retired (报废、停用、丢失) with a reason and never deleted, moved to another unit or another
 * administrator (调拨), checked at an interval, and each checkout has an expected return (领用期限) whose lapse is a
 * recorded violation (C2).
 */

/** 报废 (scrapped), 停用 (taken out of service), 丢失 (lost) — why a device leaves service for good. */
export const deviceRetirementKinds = ['scrapped', 'decommissioned', 'lost'] as const;
export type DeviceRetirementKind = (typeof deviceRetirementKinds)[number];

/** A refusal of a device request, naming its field in both languages. */
export interface DeviceProblem {
  field: string;
  zh: string;
  en: string;
}

/**
 * The longest a checkout may be planned for. A device is drawn for a task and exported the day it comes back
 * (000 附件6 第十九条); a month covers continuous work away from the unit, and longer is a reassignment, not a loan.
 */
export const DEVICE_CHECKOUT_MAX_DAYS = 30;

/** 预计交回时间 — after now, and within `DEVICE_CHECKOUT_MAX_DAYS`. */
export function expectedReturnProblems(expectedIso: string, nowMs: number): DeviceProblem[] {
  const at = Date.parse(expectedIso);
  if (Number.isNaN(at)) {
    return [{ field: 'expectedReturnAt', zh: '预计交回时间格式不正确', en: 'not an instant' }];
  }
  if (at <= nowMs) {
    return [
      { field: 'expectedReturnAt', zh: '预计交回时间须晚于现在', en: 'the expected return must be in the future' },
    ];
  }
  if (at - nowMs > DEVICE_CHECKOUT_MAX_DAYS * 86_400_000) {
    return [
      {
        field: 'expectedReturnAt',
        zh: `领用期限不得超过${DEVICE_CHECKOUT_MAX_DAYS}日`,
        en: `a checkout may last at most ${DEVICE_CHECKOUT_MAX_DAYS} days`,
      },
    ];
  }
  return [];
}

/**
 * 领用中丢失、损坏 — how a checkout ends when the device cannot come back whole: `lost` (the device is gone, and leaves
 * the register's service as 丢失 with it) or `damaged` (handed in broken: out of use until the administrator's check
 * finds it fixed; its footage is still due for export, as after a return).
 */
export const deviceLossKinds = ['lost', 'damaged'] as const;
export type DeviceLossKind = (typeof deviceLossKinds)[number];

/**
 * When a loss or damage happened: an instant, not in the future, and not before the device went out (the approval) —
 * before that it was the administrator's, and a loss then is a retirement, not a checkout's end.
 */
export function deviceLossProblems(
  r: { occurredAt: string; kind: DeviceLossKind; exportException?: string | null },
  outSinceIso: string,
  nowMs: number,
): DeviceProblem[] {
  const at = Date.parse(r.occurredAt);
  if (Number.isNaN(at)) return [{ field: 'occurredAt', zh: '发生时间格式不正确', en: 'not an instant' }];
  if (at > nowMs) return [{ field: 'occurredAt', zh: '发生时间不得晚于现在', en: 'it cannot be in the future' }];
  if (at < Date.parse(outSinceIso)) {
    return [
      {
        field: 'occurredAt',
        zh: '发生时间不得早于领用批准时间',
        en: 'it cannot be before the checkout was approved',
      },
    ];
  }
  if (r.kind === 'lost' && r.exportException) {
    return [
      {
        field: 'exportException',
        zh: '设备丢失时音像资料无法导出，不适用导出例外',
        en: 'a lost device has no footage to export, so no export exception applies',
      },
    ];
  }
  return [];
}

/** 调拨 — a reassignment must change the unit, the administrator, or both. */
export function reassignmentProblems(
  current: { unitId: string; administrator: string },
  to: { unitId?: string; administrator?: string },
): DeviceProblem[] {
  const moves = (to.unitId ?? current.unitId) !== current.unitId;
  const hands = (to.administrator ?? current.administrator) !== current.administrator;
  if (moves || hands) return [];
  return [
    {
      field: 'unitId',
      zh: '调拨须改变所属单位或管理员（unitId、administrator）',
      en: 'a reassignment changes the unit or the administrator (unitId, administrator)',
    },
  ];
}

/** Where a checkout stands against its expected return; `null` for checkouts without one (before R11's lapse). */
export type DeviceReturnState = 'out' | 'overdue' | 'returned' | 'returned-late';

export function deviceReturnStateOf(
  c: { expectedReturnAt: string | null; returnedAt: string | null; approved: boolean },
  nowMs: number,
): DeviceReturnState | null {
  if (c.expectedReturnAt === null || !c.approved) return null;
  const due = Date.parse(c.expectedReturnAt);
  if (c.returnedAt !== null) return Date.parse(c.returnedAt) > due ? 'returned-late' : 'returned';
  return nowMs > due ? 'overdue' : 'out';
}

/**
 * Where a returned device's footage stands against its export limit (000 附件6 第十九条); `lost-with-device`: the
 * device was lost while out before its footage was exported, so nothing is due — the loss itself is on record.
 */
export type DeviceExportState = 'pending' | 'exported' | 'late' | 'missing' | 'lost-with-device';

export function deviceExportStateOf(c: { dueAt: string; exportedAt: string | null }, nowMs: number): DeviceExportState {
  const due = Date.parse(c.dueAt);
  if (c.exportedAt !== null) return Date.parse(c.exportedAt) > due ? 'late' : 'exported';
  return nowMs > due ? 'missing' : 'pending';
}

/**
 * 定期核查 (000 附件6 第七条): the next check is due `days` calendar days after the last one (or the registration),
 * counted as SPEC W5's "N日" — the first day not counted, a last day off work extended to the next working day.
 */
export function periodicCheckDueAt(lastIso: string, days: number): string {
  return deadline(new Date(lastIso), { days }).toISOString();
}

/** The return limit of one approved checkout, watched by `deviceReturnWorkflow` (C2). */
export interface DeviceReturnInput {
  checkoutId: string;
  assetNumber: string;
  /** The unit the checkout belongs to (the device's unit when it went out). */
  unitId: string;
  borrower: string;
  /** When the unit head approved: the limit's start. */
  approvedAt: string;
  expectedReturnAt: string;
}

export interface DeviceReturnStatus {
  checkoutId: string;
  expectedReturnAt: string;
  warnAt: string;
  /**
   * `void`: the approval the workflow was started for was never stored (its transaction rolled back); `lost`: the
   * checkout ended with a report of loss or damage, which closes the limit as a return does.
   */
  state: 'running' | 'returned' | 'lost' | 'missed' | 'void';
  warned: boolean;
}

/** C2's warning before the expected return: a day before, or three quarters into a checkout shorter than four days. */
export function deviceReturnWarnAt(approvedAtIso: string, expectedReturnAtIso: string): string {
  return new Date(warningInstant(Date.parse(approvedAtIso), Date.parse(expectedReturnAtIso))).toISOString();
}

/** The device came back (sent after the return is stored; the workflow re-reads the store before it ends). */
export const deviceReturnedSignal = defineSignal('deviceReturned');
export const deviceReturnStatusQuery = defineQuery<DeviceReturnStatus>('deviceReturnStatus');

export function deviceReturnWorkflowId(checkoutId: string): string {
  return `DeviceReturn:${checkoutId}`;
}
