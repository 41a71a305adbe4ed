import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Actor } from '../access/roles';

/**
 * 执法记录仪 and other AV devices (SPEC R11; seed 000 附件6 执法记录仪使用管理办法, 004 第二十三条–第二十八条):
 * the register, the checkout and return log (使用档案: 使用人, 批准人, 领用时间, 交回时间), the pre-use check
 * (第八条: 无故障, 电池电量充足, 内存卡有足够的储存空间, 时间已校准) and the export of the footage within 24 hours of
 * the return (第十九条: 返回单位后二十四小时内导出保存; 导出后清空内存).
 */
export const deviceKinds = ['body-camera', 'video-camera', 'camera', 'audio-recorder', 'handheld-terminal'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/** 使用前检查 — what the borrower finds before use. */
export interface DeviceCheck {
  /** 电池电量: sufficient for the action, or low. */
  battery: 'sufficient' | 'low';
  /** 内存卡存储空间. */
  storage: 'sufficient' | 'low';
  /** 设备时间 set to the current date and time, or wrong. */
  clock: 'set' | 'wrong';
  /** 无故障 (ok) or a fault or damage found (defect: 报告管理员, 第八条). */
  outcome: 'ok' | 'defect';
  note?: string;
}

export interface DeviceCheckProblem {
  field: 'battery' | 'storage' | 'clock' | 'outcome';
  zh: string;
  en: string;
}

/**
 * Why a device may not go out after this check (empty: it may). A defect is reported to the administrator; a low
 * battery, full card or wrong clock must be put right first — the seed asks for all three before any action.
 */
export function deviceCheckProblems(c: DeviceCheck): DeviceCheckProblem[] {
  const out: DeviceCheckProblem[] = [];
  if (c.outcome === 'defect') {
    out.push({ field: 'outcome', zh: '设备故障或损坏，应报告管理员维修', en: 'the device is faulty or damaged' });
  }
  if (c.battery === 'low') out.push({ field: 'battery', zh: '电池电量不足', en: 'the battery is low' });
  if (c.storage === 'low') out.push({ field: 'storage', zh: '存储空间不足', en: 'the storage card is nearly full' });
  if (c.clock === 'wrong') out.push({ field: 'clock', zh: '设备时间未校准', en: 'the device clock is not set' });
  return out;
}

/**
 * Where a device stands, derived from its append-only history (nothing in the register ever changes). `retired`
 * (报废、停用、丢失) is final: the device stays in the register with its log, and never goes out again.
 */
export type DeviceStatus = 'available' | 'requested' | 'checked-out' | 'defective' | 'retired';

export function deviceStatusOf(h: {
  openCheckout: 'requested' | 'checked-out' | null;
  latestCheckOutcome: DeviceCheck['outcome'] | null;
  retired?: boolean;
}): DeviceStatus {
  if (h.retired) return 'retired';
  if (h.openCheckout) return h.openCheckout;
  return h.latestCheckOutcome === 'defect' ? 'defective' : 'available';
}

/**
 * Who approves a checkout: the head of the borrower's department (部门负责人批准, 000 附件6 第五条) — a unit head of
 * the device's unit — and never the borrower (separation of duties).
 */
export function mayApproveCheckout(
  actor: Pick<Actor, 'id' | 'roles' | 'unitId'>,
  checkout: { unitId: string; borrower: string },
): 'ok' | 'not-approver' | 'own-checkout' {
  if (actor.id === checkout.borrower) return 'own-checkout';
  if (!actor.roles.includes('unit-head') || actor.unitId !== checkout.unitId) return 'not-approver';
  return 'ok';
}

/**
 * Why the same-day export could not be done (000 附件6 第十九条: 连续工作、异地执法): then the footage is due within the
 * configured limit (24 h) of the device's return instead of by the end of that day.
 */
export const deviceExportExceptions = ['continuous-work', 'off-site'] as const;
export type DeviceExportException = (typeof deviceExportExceptions)[number];

export interface DeviceExportInput {
  checkoutId: string;
  assetNumber: string;
  unitId: string;
  borrower: string;
  returnedAt: string;
  /** Absent or null: the same-day rule applies. */
  exportException?: DeviceExportException | null;
}

const SHANGHAI_MS = 8 * 3_600_000;

/**
 * 导出保存 due (SPEC R11; 000 附件6 第十九条): footage is exported the same day — by 24:00 Beijing time of the day the
 * device came back — and never later than `limitDueAt` (the configured limit after the return); when continuous work
 * or work away from the unit made that impossible, within the configured limit of the return.
 */
export function deviceExportDueAt(
  returnedAtIso: string,
  limitDueAtIso: string,
  exception: DeviceExportException | null | undefined,
): string {
  if (exception) return limitDueAtIso;
  const day = new Date(Date.parse(returnedAtIso) + SHANGHAI_MS).toISOString().slice(0, 10);
  const endOfDay = Date.parse(`${day}T00:00:00+08:00`) + 86_400_000;
  return new Date(Math.min(endOfDay, Date.parse(limitDueAtIso))).toISOString();
}

export interface DeviceExportStatus {
  checkoutId: string;
  dueAt: string | null;
  warnAt: string | null;
  state: 'running' | 'exported' | 'missed';
  warned: boolean;
}

/** The footage was exported and handed over (the hand-over row is stored before the signal is sent). */
export const deviceExportedSignal = defineSignal<[{ exportedAt: string }]>('deviceExported');
export const deviceExportStatusQuery = defineQuery<DeviceExportStatus>('deviceExportStatus');

export function deviceExportWorkflowId(checkoutId: string): string {
  return `DeviceExport:${checkoutId}`;
}
