import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  deviceExportStateOf,
  deviceReturnStateOf,
  deviceStatusOf,
  maySeeUnit,
  periodicCheckDueAt,
  type Actor,
  type DeviceExportException,
  type DeviceLossKind,
  type DeviceStatus,
} from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { CalendarNotCoveredError } from '@enforcement/workdays';
import type { DeviceSettings } from './devices.settings';

/**
 * A device as it stands: the registration, with the unit and administrator of its latest reassignment (调拨), the
 * administrator's name from the roster (管理员名册), its retirement and its latest periodic check.
 */
export interface DeviceRow {
  asset_number: string;
  kind: string;
  model: string | null;
  registered_unit_id: string;
  unit_id: string;
  administrator: string;
  administrator_name: string | null;
  registered_by: string;
  registered_by_name: string | null;
  registered_at: Date;
  retired_kind: string | null;
  retired_reason: string | null;
  retired_by: string | null;
  retired_by_name: string | null;
  retired_at: Date | null;
  /** 丢失 reported while out: the borrower's report the retirement came from (its reason, who, when it happened). */
  lost_reason: string | null;
  lost_reported_by: string | null;
  lost_reported_by_name: string | null;
  lost_occurred_at: Date | null;
  last_periodic_check_at: Date | null;
}

/** One checkout with what followed it: the decision, the return, the export and the notices of either limit. */
export interface CheckoutRow {
  id: string;
  asset_number: string;
  unit_id: string;
  borrower: string;
  borrower_name: string | null;
  purpose: string;
  case_number: string | null;
  check_id: string;
  requested_at: Date;
  expected_return_at: Date | null;
  approved: boolean | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
  returned_at: Date | null;
  received_by: string | null;
  received_by_name: string | null;
  /** Why the export could not be done the same day: stated with the return, or with the report of a damaged device. */
  export_exception: DeviceExportException | null;
  /** 领用中丢失、损坏: the report that ended the checkout instead of a return. */
  loss_kind: DeviceLossKind | null;
  loss_occurred_at: Date | null;
  loss_reason: string | null;
  loss_reported_by: string | null;
  loss_reported_by_name: string | null;
  loss_reported_at: Date | null;
  /** When the footage's export limit starts: the return, or the report of a damaged device handed in. */
  handed_in_at: Date | null;
  exported_at: Date | null;
  evidence_ids: string[] | null;
  memory_cleared: boolean | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  notices: { kind: string; dueAt: string; noticedAt: string }[];
  return_notices: { kind: string; dueAt: string; noticedAt: string }[];
}

export type CheckoutState = 'requested' | 'refused' | 'checked-out' | 'returned' | DeviceLossKind;

export function checkoutState(c: Pick<CheckoutRow, 'approved' | 'returned_at' | 'loss_kind'>): CheckoutState {
  if (c.approved === null) return 'requested';
  if (!c.approved) return 'refused';
  if (c.loss_kind !== null) return c.loss_kind;
  return c.returned_at === null ? 'checked-out' : 'returned';
}

const DEVICE_SELECT = `
  select d.asset_number, d.kind, d.model, d.unit_id as registered_unit_id, d.registered_by, d.registered_by_name,
         d.registered_at, coalesce(ra.to_unit_id, d.unit_id) as unit_id,
         coalesce(ra.to_administrator, d.administrator) as administrator,
         (select r.name from device_administrator_roster r
           where r.user_id = coalesce(ra.to_administrator, d.administrator)
           order by r.changed_at desc limit 1) as administrator_name,
         rt.kind as retired_kind, rt.reason as retired_reason, rt.retired_by, rt.retired_by_name, rt.retired_at,
         lo.reason as lost_reason, lo.reported_by as lost_reported_by, lo.reported_by_name as lost_reported_by_name,
         lo.occurred_at as lost_occurred_at,
         (select max(c.checked_at) from device_checks c
           where c.asset_number = d.asset_number and c.purpose = 'periodic') as last_periodic_check_at
    from devices d
    left join lateral (select x.to_unit_id, x.to_administrator from device_reassignments x
                        where x.asset_number = d.asset_number order by x.reassigned_at desc, x.id desc limit 1) ra on true
    left join device_retirements rt on rt.asset_number = d.asset_number
    left join lateral (select l.reason, l.reported_by, l.reported_by_name, l.occurred_at
                         from device_checkout_losses l join device_checkouts c on c.id = l.checkout_id
                        where c.asset_number = d.asset_number and l.kind = 'lost'
                        order by l.reported_at desc limit 1) lo on rt.kind = 'lost'`;

const noticesOf = (table: string) => `
  coalesce((select json_agg(json_build_object('kind', n.kind, 'dueAt', n.due_at, 'noticedAt', n.noticed_at)
            order by n.noticed_at) from ${table} n where n.checkout_id = c.id), '[]')`;

const CHECKOUT_SELECT = `
  select c.*, d.approved, d.decided_by, d.decided_by_name, d.reason as decision_reason, d.decided_at, r.returned_at,
         r.received_by, r.received_by_name, coalesce(r.export_exception, l.export_exception) as export_exception,
         l.kind as loss_kind, l.occurred_at as loss_occurred_at, l.reason as loss_reason,
         l.reported_by as loss_reported_by, l.reported_by_name as loss_reported_by_name,
         l.reported_at as loss_reported_at,
         coalesce(r.returned_at, case when l.kind = 'damaged' then l.reported_at end) as handed_in_at, e.exported_at, e.evidence_ids, e.memory_cleared,
         e.recorded_by, e.recorded_by_name,
         ${noticesOf('device_export_notices')} as notices, ${noticesOf('device_return_notices')} as return_notices
    from device_checkouts c
    left join device_checkout_decisions d on d.checkout_id = c.id
    left join device_returns r on r.checkout_id = c.id
    left join device_exports e on e.checkout_id = c.id
    left join device_checkout_losses l on l.checkout_id = c.id`;

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

/** Every device of the register, as it stands now. */
export async function allDevices(m: EntityManager): Promise<DeviceRow[]> {
  return m.query<DeviceRow[]>(`${DEVICE_SELECT} order by unit_id, d.asset_number`);
}

/**
 * A device the caller may know of; another unit's answers 404 as if it did not exist (C1). The unit is the device's
 * current one: after a reassignment the old unit no longer sees it.
 */
export async function deviceOf(m: EntityManager, assetNumber: string, actor: Actor): Promise<DeviceRow> {
  const [d] = await m.query<DeviceRow[]>(`${DEVICE_SELECT} where d.asset_number = $1`, [assetNumber]);
  if (!d || !maySeeUnit(actor, d.unit_id)) throw deviceNotFound(assetNumber);
  return d;
}

export async function checkoutOf(m: EntityManager, id: string, actor: Actor): Promise<CheckoutRow> {
  const [c] = await m.query<CheckoutRow[]>(`${CHECKOUT_SELECT} where c.id = $1`, [id]);
  if (!c || !maySeeUnit(actor, c.unit_id)) throw checkoutNotFound(id);
  return c;
}

/** A device's checkouts, newest first: all of them (its status follows the latest), or those `actor`'s unit made. */
export async function checkoutsOf(m: EntityManager, assetNumber: string, actor?: Actor): Promise<CheckoutRow[]> {
  const rows = await m.query<CheckoutRow[]>(
    `${CHECKOUT_SELECT} where c.asset_number = $1 order by c.requested_at desc`,
    [assetNumber],
  );
  return actor ? rows.filter((c) => maySeeUnit(actor, c.unit_id)) : rows;
}

/** Where a device stands: retired, else from its latest checkout and its latest check. */
export async function statusOf(m: EntityManager, d: DeviceRow, latest?: CheckoutRow | null): Promise<DeviceStatus> {
  const last = latest === undefined ? (await checkoutsOf(m, d.asset_number))[0] : latest;
  const [check] = await m.query<{ outcome: 'ok' | 'defect'; checked_at: Date }[]>(
    `select outcome, checked_at from device_checks where asset_number = $1 order by checked_at desc, id desc limit 1`,
    [d.asset_number],
  );
  const [damage] = await m.query<{ at: Date | null }[]>(
    `select max(l.reported_at) as at from device_checkout_losses l join device_checkouts c on c.id = l.checkout_id
      where c.asset_number = $1 and l.kind = 'damaged'`,
    [d.asset_number],
  );
  // A device handed in damaged is faulty until a check after the damage finds it fixed, as after a failed check.
  const damagedSinceCheck = damage?.at != null && (!check || damage.at > check.checked_at);
  const state = last ? checkoutState(last) : null;
  return deviceStatusOf({
    openCheckout: state === 'requested' || state === 'checked-out' ? state : null,
    latestCheckOutcome: damagedSinceCheck ? 'defect' : (check?.outcome ?? null),
    retired: d.retired_at !== null,
  });
}

/** What the views need besides the rows: the configured limits and the instant they are judged at. */
export interface ViewContext {
  settings: DeviceSettings;
  now: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function checkoutView(c: CheckoutRow, ctx: ViewContext) {
  const returnedAt = iso(c.returned_at);
  const exportedAt = iso(c.exported_at);
  const handedInAt = iso(c.handed_in_at);
  const exportDueAt = handedInAt === null ? null : ctx.settings.exportDueAt(handedInAt, c.export_exception);
  // Lost before its export: nothing can be exported, and the page says so rather than showing no limit at all.
  const lostFootage = c.loss_kind === 'lost' && exportedAt === null;
  return {
    id: c.id,
    assetNumber: c.asset_number,
    unitId: c.unit_id,
    borrower: c.borrower,
    borrowerName: c.borrower_name,
    purpose: c.purpose,
    caseNumber: c.case_number,
    checkId: c.check_id,
    state: checkoutState(c),
    requestedAt: c.requested_at.toISOString(),
    /** 预计交回时间, and where the checkout stands against it (a lapse is a recorded violation, C2). */
    expectedReturnAt: iso(c.expected_return_at),
    returnState: deviceReturnStateOf(
      {
        expectedReturnAt: iso(c.expected_return_at),
        // A report of loss or damage ends the checkout as a return does: the limit is closed at the report.
        returnedAt: returnedAt ?? iso(c.loss_reported_at),
        approved: c.approved === true,
      },
      ctx.now,
    ),
    returnNotices: c.return_notices,
    approvedBy: c.approved ? c.decided_by : null,
    approvedByName: c.approved ? c.decided_by_name : null,
    decision:
      c.approved === null
        ? null
        : {
            approved: c.approved,
            by: c.decided_by,
            byName: c.decided_by_name,
            reason: c.decision_reason,
            at: c.decided_at!.toISOString(),
          },
    returnedAt,
    receivedBy: c.received_by,
    receivedByName: c.received_by_name,
    exportException: c.export_exception,
    exportDueAt,
    /** 导出: pending, exported in time, exported late, or missing (past due, not exported). */
    exportState: lostFootage
      ? ('lost-with-device' as const)
      : exportDueAt === null
        ? null
        : deviceExportStateOf({ dueAt: exportDueAt, exportedAt }, ctx.now),
    /** 领用中丢失、损坏: who reported it, when it happened, why. */
    loss:
      c.loss_kind === null
        ? null
        : {
            kind: c.loss_kind,
            occurredAt: iso(c.loss_occurred_at),
            reason: c.loss_reason,
            reportedBy: c.loss_reported_by,
            reportedByName: c.loss_reported_by_name,
            reportedAt: iso(c.loss_reported_at),
          },
    export:
      exportedAt === null
        ? null
        : {
            at: exportedAt,
            evidenceIds: c.evidence_ids,
            memoryCleared: c.memory_cleared,
            recordedBy: c.recorded_by,
            recordedByName: c.recorded_by_name,
          },
    exportNotices: c.notices,
  };
}

/** 定期核查: the next check is due the interval after the last one (or the registration); none once retired. */
function periodicCheckOf(d: DeviceRow, ctx: ViewContext) {
  if (d.retired_at !== null) return null;
  const from = (d.last_periodic_check_at ?? d.registered_at).toISOString();
  let nextDueAt: string | null;
  try {
    nextDueAt = periodicCheckDueAt(from, ctx.settings.checkIntervalDays);
  } catch (err) {
    // A year the calendar does not cover (W3): the date is unknown rather than guessed.
    if (!(err instanceof CalendarNotCoveredError)) throw err;
    nextDueAt = null;
  }
  return {
    intervalDays: ctx.settings.checkIntervalDays,
    lastCheckAt: iso(d.last_periodic_check_at),
    nextDueAt,
    overdue: nextDueAt !== null && Date.parse(nextDueAt) < ctx.now,
  };
}

export function deviceView(d: DeviceRow, status: DeviceStatus, ctx: ViewContext) {
  return {
    assetNumber: d.asset_number,
    kind: d.kind,
    unitId: d.unit_id,
    registeredUnitId: d.registered_unit_id,
    model: d.model,
    administrator: d.administrator,
    administratorName: d.administrator_name,
    registeredBy: d.registered_by,
    registeredByName: d.registered_by_name,
    registeredAt: d.registered_at.toISOString(),
    status,
    retirement:
      d.retired_at === null
        ? null
        : {
            kind: d.retired_kind,
            // Lost while out: the reporter's own words. The stored reason of older reports also carried the
            // checkout's id, which tells a reader nothing; the loss report beside it says who and when.
            reason: d.lost_reason ?? d.retired_reason,
            by: d.retired_by,
            byName: d.retired_by_name,
            at: d.retired_at.toISOString(),
            lossReport:
              d.lost_reported_by === null
                ? null
                : {
                    reportedBy: d.lost_reported_by,
                    reportedByName: d.lost_reported_by_name,
                    occurredAt: d.lost_occurred_at?.toISOString() ?? null,
                  },
          },
    periodicCheck: periodicCheckOf(d, ctx),
  };
}

/** The register's line: the device, and what needs attention in the checkouts the caller may see. */
export async function deviceSummary(m: EntityManager, d: DeviceRow, actor: Actor, ctx: ViewContext) {
  const all = await checkoutsOf(m, d.asset_number);
  const views = all.filter((c) => maySeeUnit(actor, c.unit_id)).map((c) => checkoutView(c, ctx));
  return {
    ...deviceView(d, await statusOf(m, d, all[0] ?? null), ctx),
    attention: {
      returnOverdue: views.some((c) => c.returnState === 'overdue'),
      exportsMissing: views.filter((c) => c.exportState === 'missing').length,
      exportsLate: views.filter((c) => c.exportState === 'late').length,
    },
  };
}
