import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deviceStatusOf, maySeeUnit, type Actor, type DeviceStatus } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';

export interface DeviceRow {
  asset_number: string;
  kind: string;
  unit_id: string;
  model: string | null;
  administrator: string;
  registered_by: string;
  registered_at: Date;
}

/** One checkout with what followed it: the decision, the return, the export and any late-export notices. */
export interface CheckoutRow {
  id: string;
  asset_number: string;
  unit_id: string;
  borrower: string;
  purpose: string;
  case_number: string | null;
  check_id: string;
  requested_at: Date;
  approved: boolean | null;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  returned_at: Date | null;
  received_by: string | null;
  exported_at: Date | null;
  evidence_ids: string[] | null;
  memory_cleared: boolean | null;
  notices: { kind: string; dueAt: string; noticedAt: string }[];
}

export type CheckoutState = 'requested' | 'refused' | 'checked-out' | 'returned';

export function checkoutState(c: Pick<CheckoutRow, 'approved' | 'returned_at'>): CheckoutState {
  if (c.approved === null) return 'requested';
  if (!c.approved) return 'refused';
  return c.returned_at === null ? 'checked-out' : 'returned';
}

const CHECKOUT_SELECT = `
  select c.*, d.approved, d.decided_by, d.reason as decision_reason, d.decided_at, r.returned_at, r.received_by,
         e.exported_at, e.evidence_ids, e.memory_cleared,
         coalesce((select json_agg(json_build_object('kind', n.kind, 'dueAt', n.due_at, 'noticedAt', n.noticed_at)
                   order by n.noticed_at) from device_export_notices n where n.checkout_id = c.id), '[]') as notices
    from device_checkouts c
    left join device_checkout_decisions d on d.checkout_id = c.id
    left join device_returns r on r.checkout_id = c.id
    left join device_exports e on e.checkout_id = c.id`;

export function deviceNotFound(assetNumber: string): AppError {
  return new AppError('DEVICE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到执法记录仪 ${assetNumber}`,
    en: `No device ${assetNumber} was found`,
  });
}

export function checkoutNotFound(id: string): AppError {
  return new AppError('DEVICE.CHECKOUT_NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到领用记录 ${id}`,
    en: `No device checkout ${id} was found`,
  });
}

/** A device the caller may know of; another unit's answers 404 as if it did not exist (C1). */
export async function deviceOf(m: EntityManager, assetNumber: string, actor: Actor): Promise<DeviceRow> {
  const [d] = await m.query<DeviceRow[]>(`select * from devices where asset_number = $1`, [assetNumber]);
  if (!d || !maySeeUnit(actor, d.unit_id)) throw deviceNotFound(assetNumber);
  return d;
}

export async function checkoutOf(m: EntityManager, id: string, actor: Actor): Promise<CheckoutRow> {
  const [c] = await m.query<CheckoutRow[]>(`${CHECKOUT_SELECT} where c.id = $1`, [id]);
  if (!c || !maySeeUnit(actor, c.unit_id)) throw checkoutNotFound(id);
  return c;
}

export async function checkoutsOf(m: EntityManager, assetNumber: string): Promise<CheckoutRow[]> {
  return m.query<CheckoutRow[]>(`${CHECKOUT_SELECT} where c.asset_number = $1 order by c.requested_at desc`, [
    assetNumber,
  ]);
}

/** Where a device stands, from its latest checkout and its latest check. */
export async function statusOf(m: EntityManager, assetNumber: string): Promise<DeviceStatus> {
  const [latest] = await checkoutsOf(m, assetNumber);
  const [check] = await m.query<{ outcome: 'ok' | 'defect' }[]>(
    `select outcome from device_checks where asset_number = $1 order by checked_at desc, id desc limit 1`,
    [assetNumber],
  );
  const state = latest ? checkoutState(latest) : null;
  return deviceStatusOf({
    openCheckout: state === 'requested' || state === 'checked-out' ? state : null,
    latestCheckOutcome: check?.outcome ?? null,
  });
}

export function checkoutView(c: CheckoutRow) {
  return {
    id: c.id,
    assetNumber: c.asset_number,
    unitId: c.unit_id,
    borrower: c.borrower,
    purpose: c.purpose,
    caseNumber: c.case_number,
    checkId: c.check_id,
    state: checkoutState(c),
    requestedAt: c.requested_at.toISOString(),
    approvedBy: c.approved ? c.decided_by : null,
    decision:
      c.approved === null
        ? null
        : { approved: c.approved, by: c.decided_by, reason: c.decision_reason, at: c.decided_at!.toISOString() },
    returnedAt: c.returned_at?.toISOString() ?? null,
    receivedBy: c.received_by,
    export:
      c.exported_at === null
        ? null
        : { at: c.exported_at.toISOString(), evidenceIds: c.evidence_ids, memoryCleared: c.memory_cleared },
    exportNotices: c.notices,
  };
}

export function deviceView(d: DeviceRow, status: DeviceStatus) {
  return {
    assetNumber: d.asset_number,
    kind: d.kind,
    unitId: d.unit_id,
    model: d.model,
    administrator: d.administrator,
    registeredBy: d.registered_by,
    registeredAt: d.registered_at.toISOString(),
    status,
  };
}
