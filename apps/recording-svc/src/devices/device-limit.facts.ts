import type { EntityManager } from 'typeorm';
import { deadlineMetV1, deadlineMissedV1, deadlineStartedV1, deadlineWarningV1 } from '@enforcement/domain';
import { deterministicEventId, type OutboxWriter } from '@enforcement/platform';

/**
 * A device limit as the supervision board keys it (C2): `process: device`, the limit (`device-return`: back by the
 * expected time; `device-export`: footage exported after the return), the checkout as subject, and the device's asset
 * number in the case-number field — a device's log belongs to no case.
 */
export interface DeviceLimit {
  limit: 'device-return' | 'device-export';
  checkoutId: string;
  assetNumber: string;
  unitId: string;
  borrower: string;
  deadline: string;
}

/** A checkout's limit, as the board keys it. */
export function limitOf(
  c: { id: string; asset_number: string; unit_id: string; borrower: string },
  limit: DeviceLimit['limit'],
  deadline: string,
): DeviceLimit {
  return { limit, checkoutId: c.id, assetNumber: c.asset_number, unitId: c.unit_id, borrower: c.borrower, deadline };
}

/** Who must act: the borrower brings the device back; the unit head answers for the unit's devices. */
const RESPONSIBLE_ROLES: Record<DeviceLimit['limit'], string[]> = {
  'device-return': ['officer', 'unit-head'],
  'device-export': ['officer', 'records-administrator'],
};

export type DeviceFact =
  | { kind: 'started'; at: string }
  | { kind: 'warning'; at: string; workdaysLeft: number }
  | { kind: 'missed'; at: string }
  | { kind: 'met'; at: string };

/**
 * Appends one fact of a device limit to the outbox in the caller's transaction — with the step that starts or ends
 * it (approval, return), or with the notice row of a warning or a miss. The event id is fixed per (checkout, limit,
 * kind), so a retry appends nothing twice.
 */
export async function appendDeviceFact(
  outbox: OutboxWriter,
  m: EntityManager,
  l: DeviceLimit,
  fact: DeviceFact,
): Promise<void> {
  const base = {
    process: 'device',
    limit: l.limit,
    subjectId: l.checkoutId,
    caseNo: l.assetNumber,
    unitId: l.unitId,
    responsibleUserId: l.borrower,
    responsibleRoles: RESPONSIBLE_ROLES[l.limit],
    round: null,
    deadline: l.deadline,
    calendarFingerprint: null,
  };
  const envelope = {
    id: deterministicEventId(`device-checkout:${l.checkoutId}`, `deadline/${l.limit}/${fact.kind}`),
    source: 'recording-svc',
    subject: l.assetNumber,
    time: fact.at,
    correlationId: l.checkoutId,
  };
  switch (fact.kind) {
    case 'started':
      return outbox.append(m, deadlineStartedV1, {
        ...envelope,
        type: deadlineStartedV1.type,
        data: { ...base, startedAt: fact.at },
      });
    case 'warning':
      return outbox.append(m, deadlineWarningV1, {
        ...envelope,
        type: deadlineWarningV1.type,
        data: { ...base, warningAt: fact.at, workdaysLeft: fact.workdaysLeft },
      });
    case 'missed':
      return outbox.append(m, deadlineMissedV1, {
        ...envelope,
        type: deadlineMissedV1.type,
        data: { ...base, missedAt: fact.at },
      });
    case 'met':
      return outbox.append(m, deadlineMetV1, {
        ...envelope,
        type: deadlineMetV1.type,
        data: { ...base, metAt: fact.at },
      });
  }
}
