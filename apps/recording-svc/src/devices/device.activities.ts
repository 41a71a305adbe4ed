import type { DataSource } from 'typeorm';
import {
  deadlineMissedV1,
  deadlineWarningV1,
  deviceExportDueAt,
  warningInstant,
  type DeviceExportException,
  type DeviceExportInput,
  type DeviceReturnInput,
} from '@enforcement/domain';
import { deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { CalendarNotCoveredError, calendarVersion, workdaysLeft } from '@enforcement/workdays';
import { handOverDueAt, type AvHandOverLimit } from '../activities/case-deadline.activities';
import { appendLedgerLeaf, LEDGERS } from '../integrity/ledger-leaves';
import { appendDeviceFact } from './device-limit.facts';

export interface DeviceActivityDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
  /**
   * `DEVICE_EXPORT_LIMIT`: 24 h by default, or working days like the AV hand-over — the latest export; without a
   * stated exception it is due by the end of the return's day (000 附件6 第十九条, `deviceExportDueAt`).
   */
  exportLimit: AvHandOverLimit;
}

/** The device export limit's side effects (SPEC R11, C2): each retry-safe. */
export function createDeviceActivities({ dataSource, outbox, relay, exportLimit }: DeviceActivityDeps) {
  return {
    /** When a device returned at `returnedAt` must have its footage exported, and when to warn. */
    async deviceExportDeadline({
      returnedAt,
      exportException,
    }: {
      returnedAt: string;
      exportException?: DeviceExportException | null;
    }): Promise<{ dueAt: string; warnAt: string }> {
      const dueAt = deviceExportDueAt(returnedAt, handOverDueAt(exportLimit, returnedAt), exportException);
      return { dueAt, warnAt: new Date(warningInstant(Date.parse(returnedAt), Date.parse(dueAt))).toISOString() };
    },

    async deviceExportRecordedAt({ checkoutId }: { checkoutId: string }): Promise<{ exportedAt: string | null }> {
      const [row] = await dataSource.query<{ exported_at: Date }[]>(
        `select exported_at from device_exports where checkout_id = $1`,
        [checkoutId],
      );
      return { exportedAt: row?.exported_at.toISOString() ?? null };
    },

    /**
     * A warning, or the miss recorded as a violation of the borrower and the unit (C2, R13), in the integrity log, and
     * announced on `enforcement.deadline.v1` (`process: device`, `limit: device-export`; the device's asset number
     * stands in the case-number field, as a device's log belongs to no case). Keyed by (checkout, kind).
     */
    async announceDeviceExport(
      n: DeviceExportInput & { dueAt: string; warnAt: string; kind: 'warning' | 'missed' },
    ): Promise<void> {
      await dataSource.transaction(async (m) => {
        const [row] = await m.query<Record<string, unknown>[]>(
          `insert into device_export_notices (checkout_id, kind, due_at, unit_id, responsible_user_id)
           values ($1, $2, $3, $4, $5) on conflict do nothing returning *`,
          [n.checkoutId, n.kind, n.dueAt, n.unitId, n.borrower],
        );
        if (!row) return;
        await appendLedgerLeaf(m, LEDGERS.deviceNotice, row);
        const base = {
          process: 'device',
          limit: 'device-export',
          subjectId: n.checkoutId,
          caseNo: n.assetNumber,
          unitId: n.unitId,
          responsibleUserId: n.borrower,
          responsibleRoles: ['officer', 'records-administrator'],
          round: null,
          deadline: n.dueAt,
          calendarFingerprint: 'workdays' in exportLimit ? calendarVersion().fingerprint : null,
        };
        const envelope = {
          id: deterministicEventId(`device-checkout:${n.checkoutId}`, `deadline/device-export/${n.kind}`),
          source: 'recording-svc',
          subject: n.assetNumber,
          correlationId: n.checkoutId,
        };
        if (n.kind === 'warning') {
          await outbox.append(m, deadlineWarningV1, {
            ...envelope,
            type: deadlineWarningV1.type,
            time: n.warnAt,
            data: { ...base, warningAt: n.warnAt, workdaysLeft: daysLeft(n.warnAt, n.dueAt) },
          });
        } else {
          await outbox.append(m, deadlineMissedV1, {
            ...envelope,
            type: deadlineMissedV1.type,
            time: n.dueAt,
            data: { ...base, missedAt: n.dueAt },
          });
        }
      });
      relay.kick();
    },
  };
}

/** The checkout return limit's side effects (SPEC R11, C2): each retry-safe. */
export function createDeviceReturnActivities({ dataSource, outbox, relay }: Omit<DeviceActivityDeps, 'exportLimit'>) {
  return {
    /**
     * Where the checkout stands in the store: `approved` (out), `returned`, `lost` (ended by a report of loss or
     * damage, R11), or `unapproved` — the approval the
     * workflow was started for never committed. The workflow asks this before it warns or records a miss, so a lost
     * return signal costs a late close, never a false violation.
     */
    async deviceReturnState({ checkoutId }: { checkoutId: string }): Promise<{
      state: 'approved' | 'returned' | 'lost' | 'unapproved';
    }> {
      const [row] = await dataSource.query<{ approved: boolean | null; returned: boolean; lost: boolean }[]>(
        `select d.approved, r.checkout_id is not null as returned, l.checkout_id is not null as lost
           from device_checkouts c
           left join device_checkout_decisions d on d.checkout_id = c.id
           left join device_returns r on r.checkout_id = c.id
           left join device_checkout_losses l on l.checkout_id = c.id
          where c.id = $1`,
        [checkoutId],
      );
      if (row?.returned) return { state: 'returned' };
      if (row?.lost) return { state: 'lost' };
      return { state: row?.approved ? 'approved' : 'unapproved' };
    },

    /**
     * A lapse's warning, or its miss recorded as a violation of the borrower and the unit (C2, R13): a notice row in
     * the integrity log and its `deadline.*` fact on `enforcement.deadline.v1`, in one transaction, keyed by
     * (checkout, kind).
     */
    async announceDeviceReturn(n: DeviceReturnInput & { warnAt: string; kind: 'warning' | 'missed' }): Promise<void> {
      await dataSource.transaction(async (m) => {
        const [row] = await m.query<Record<string, unknown>[]>(
          `insert into device_return_notices (checkout_id, kind, due_at, unit_id, responsible_user_id)
           values ($1, $2, $3, $4, $5) on conflict do nothing returning *`,
          [n.checkoutId, n.kind, n.expectedReturnAt, n.unitId, n.borrower],
        );
        if (!row) return;
        await appendLedgerLeaf(m, LEDGERS.deviceReturnNotice, row);
        const limit = { ...n, limit: 'device-return' as const, deadline: n.expectedReturnAt };
        await appendDeviceFact(
          outbox,
          m,
          limit,
          n.kind === 'warning'
            ? { kind: 'warning', at: n.warnAt, workdaysLeft: daysLeft(n.warnAt, n.expectedReturnAt) }
            : { kind: 'missed', at: n.expectedReturnAt },
        );
      });
      relay.kick();
    },
  };
}

export type DeviceActivities = ReturnType<typeof createDeviceActivities>;
export type DeviceReturnActivities = ReturnType<typeof createDeviceReturnActivities>;

function daysLeft(fromIso: string, dueIso: string): number {
  try {
    return Math.max(0, workdaysLeft(new Date(fromIso), new Date(dueIso)));
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return 0;
    throw err;
  }
}
