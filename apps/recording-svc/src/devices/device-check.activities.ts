import type { DataSource } from 'typeorm';
import {
  deadlineMetV1,
  deadlineMissedV1,
  deadlineStartedV1,
  deadlineWarningV1,
  deviceCheckSubjectId,
  periodicCheckDueAt,
  warningInstant,
  type DeviceCheckCycle,
  type DeviceCheckFact,
  type DevicePeriodicCheckInput,
} from '@enforcement/domain';
import { deterministicEventId, type OutboxRelay, type OutboxWriter } from '@enforcement/platform';
import { CalendarNotCoveredError, workdaysLeft } from '@enforcement/workdays';

export interface DeviceCheckActivityDeps {
  dataSource: DataSource;
  outbox: OutboxWriter;
  relay: OutboxRelay;
  /** `DEVICE_CHECK_INTERVAL` in days (the page shows the same due date). */
  checkIntervalDays: number;
}

const DAY_MS = 86_400_000;

/** The periodic check limit's side effects (SPEC R11, C2): reads of the store, and facts keyed per cycle and kind. */
export function createDeviceCheckActivities({ dataSource, outbox, relay, checkIntervalDays }: DeviceCheckActivityDeps) {
  return {
    /**
     * The device's current cycle: from its last periodic check (or registration), with its unit and administrator as
     * they stand after any reassignment; `retired` once it left service, `gone` if it was never registered.
     */
    async devicePeriodicCycle({ assetNumber }: DevicePeriodicCheckInput): Promise<DeviceCheckCycle> {
      const [d] = await dataSource.query<
        { unit_id: string; administrator: string; from: Date; retired_at: Date | null }[]
      >(
        `select coalesce(ra.to_unit_id, d.unit_id) as unit_id,
                coalesce(ra.to_administrator, d.administrator) as administrator,
                coalesce((select max(c.checked_at) from device_checks c
                           where c.asset_number = d.asset_number and c.purpose = 'periodic'), d.registered_at) as "from",
                rt.retired_at
           from devices d
           left join lateral (select x.to_unit_id, x.to_administrator from device_reassignments x
                               where x.asset_number = d.asset_number
                               order by x.reassigned_at desc, x.id desc limit 1) ra on true
           left join device_retirements rt on rt.asset_number = d.asset_number
          where d.asset_number = $1`,
        [assetNumber],
      );
      if (!d) return { state: 'gone' };
      if (d.retired_at) return { state: 'retired', retiredAt: d.retired_at.toISOString() };
      const from = d.from.toISOString();
      const dueAt = dueAfter(from, checkIntervalDays);
      const warnAt = new Date(warningInstant(Date.parse(from), Date.parse(dueAt))).toISOString();
      return { state: 'due', unitId: d.unit_id, administrator: d.administrator, from, dueAt, warnAt };
    },

    /**
     * One fact of a cycle on `enforcement.deadline.v1` (`process: device`, `limit: device-check`), for the device's
     * administrator and the records administrators. The event id is fixed per (device, cycle, kind): a retry or a
     * replayed workflow appends nothing twice.
     */
    async announceDeviceCheck(f: DeviceCheckFact): Promise<void> {
      const subjectId = deviceCheckSubjectId(f.assetNumber, f.from);
      const base = {
        process: 'device',
        limit: 'device-check',
        subjectId,
        caseNo: f.assetNumber,
        unitId: f.unitId,
        responsibleUserId: f.administrator,
        responsibleRoles: ['records-administrator'],
        round: null,
        deadline: f.dueAt,
        calendarFingerprint: null,
      };
      const envelope = {
        id: deterministicEventId(`device-check:${f.assetNumber}`, `${f.from}/${f.kind}`),
        source: 'recording-svc',
        subject: f.assetNumber,
        time: f.at,
        correlationId: subjectId,
      };
      await dataSource.transaction(async (m) => {
        switch (f.kind) {
          case 'started':
            return outbox.append(m, deadlineStartedV1, {
              ...envelope,
              type: deadlineStartedV1.type,
              data: { ...base, startedAt: f.at },
            });
          case 'warning':
            return outbox.append(m, deadlineWarningV1, {
              ...envelope,
              type: deadlineWarningV1.type,
              data: { ...base, warningAt: f.at, workdaysLeft: daysLeft(f.at, f.dueAt) },
            });
          case 'missed':
            return outbox.append(m, deadlineMissedV1, {
              ...envelope,
              type: deadlineMissedV1.type,
              data: { ...base, missedAt: f.at },
            });
          case 'met':
            return outbox.append(m, deadlineMetV1, {
              ...envelope,
              type: deadlineMetV1.type,
              data: { ...base, metAt: f.at },
            });
        }
      });
      relay.kick();
    },
  };
}

export type DeviceCheckActivities = ReturnType<typeof createDeviceCheckActivities>;

/**
 * The due instant as the device page shows it (`periodicCheckDueAt`: W5's N日, a last day off work moved on). In a
 * year the working-day calendar does not cover yet, the plain N days, so the limit still runs rather than stalls.
 */
function dueAfter(fromIso: string, days: number): string {
  try {
    return periodicCheckDueAt(fromIso, days);
  } catch (err) {
    if (!(err instanceof CalendarNotCoveredError)) throw err;
    return new Date(Date.parse(fromIso) + days * DAY_MS).toISOString();
  }
}

function daysLeft(fromIso: string, dueIso: string): number {
  try {
    return Math.max(0, workdaysLeft(new Date(fromIso), new Date(dueIso)));
  } catch (err) {
    if (err instanceof CalendarNotCoveredError) return 0;
    throw err;
  }
}
