/**
 * Typed client of the body-camera routes (gateway `/api/v1/recording/devices/…` and `…/device-administrators`, SPEC
 * R11); shapes mirror recording-svc's device, checkout and roster views. Every person comes with their name as it
 * was when they acted (`…Name`), null on rows from before names were kept.
 */
import type {
  DeviceExportState,
  DeviceRetirementKind,
  DeviceReturnState,
} from '@enforcement/domain/recording/device-lifecycle.rules';
import type { DeviceKind, DeviceStatus } from '@enforcement/domain/recording/device.rules';
import type { HearingRoomState, UnitEquipment } from '@enforcement/domain/recording/hearing-room.rules';
import { getJson, postJson } from './http';

export interface Device {
  assetNumber: string;
  kind: DeviceKind;
  unitId: string;
  /** The unit it was registered to (a reassignment moves `unitId`). */
  registeredUnitId: string;
  model: string | null;
  administrator: string;
  administratorName: string | null;
  registeredBy: string;
  registeredByName: string | null;
  registeredAt: string;
  status: DeviceStatus;
  retirement: {
    kind: DeviceRetirementKind;
    reason: string;
    by: string;
    byName: string;
    at: string;
    /** Lost while out: the borrower's report the retirement came from — who reported it and when it happened. */
    lossReport: { reportedBy: string; reportedByName: string | null; occurredAt: string | null } | null;
  } | null;
  /** 定期核查: null once retired; `nextDueAt` null when the calendar does not cover it. */
  periodicCheck: {
    intervalDays: number;
    lastCheckAt: string | null;
    nextDueAt: string | null;
    overdue: boolean;
  } | null;
}

/** The register's line: what needs attention in the checkouts of the caller's unit. */
export interface DeviceListItem extends Device {
  attention: { returnOverdue: boolean; exportsMissing: number; exportsLate: number };
}

export interface DeviceCheck {
  battery: 'sufficient' | 'low';
  storage: 'sufficient' | 'low';
  clock: 'set' | 'wrong';
  outcome: 'ok' | 'defect';
  note?: string;
}

export interface Notice {
  kind: 'warning' | 'missed';
  dueAt: string;
  noticedAt: string;
}

export interface Checkout {
  id: string;
  assetNumber: string;
  unitId: string;
  borrower: string;
  borrowerName: string | null;
  purpose: string;
  caseNumber: string | null;
  state: 'requested' | 'refused' | 'checked-out' | 'returned' | 'lost' | 'damaged';
  requestedAt: string;
  expectedReturnAt: string | null;
  returnState: DeviceReturnState | null;
  returnNotices: Notice[];
  approvedBy: string | null;
  approvedByName: string | null;
  decision: { approved: boolean; by: string; byName: string | null; reason: string | null; at: string } | null;
  returnedAt: string | null;
  receivedBy: string | null;
  receivedByName: string | null;
  exportException: 'continuous-work' | 'off-site' | null;
  /** By when the footage must be exported (the same day, or DEVICE_EXPORT_LIMIT on an exception). */
  exportDueAt: string | null;
  exportState: DeviceExportState | null;
  export: {
    at: string;
    evidenceIds: string[];
    memoryCleared: boolean;
    recordedBy: string;
    recordedByName: string | null;
  } | null;
  exportNotices: Notice[];
  /** 领用中丢失、损坏: the report that ended the checkout instead of a return. */
  loss: {
    kind: 'lost' | 'damaged';
    occurredAt: string;
    reason: string;
    reportedBy: string;
    reportedByName: string | null;
    reportedAt: string;
  } | null;
}

export interface Reassignment {
  id: string;
  fromUnitId: string;
  toUnitId: string;
  fromAdministrator: string;
  fromAdministratorName: string | null;
  toAdministrator: string;
  toAdministratorName: string | null;
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export interface DeviceRecord extends Device {
  checks: (DeviceCheck & {
    id: string;
    purpose: string;
    checkedBy: string;
    checkedByName: string | null;
    checkedAt: string;
  })[];
  reassignments: Reassignment[];
  checkouts: Checkout[];
}

export interface NewDevice {
  assetNumber: string;
  kind: DeviceKind;
  unitId: string;
  model?: string;
  administrator: string;
}

/** 管理员名册: one administrator as the roster stands. */
export interface Administrator {
  userId: string;
  name: string;
  unitId: string;
  phone: string | null;
  since: string;
  devices: number;
}

export interface NewAdministrator {
  userId: string;
  name: string;
  unitId: string;
  phone?: string;
}

/** 领用中丢失、损坏: what the borrower (or their unit head, or the administrator) reports instead of a return. */
export interface DeviceLossReport {
  kind: 'lost' | 'damaged';
  /** An instant with its offset (the form's Beijing wall-clock time, +08:00). */
  occurredAt: string;
  reason: string;
  /** A damaged device only: why its footage cannot be exported the same day. */
  exportException?: 'continuous-work' | 'off-site';
}

/**
 * 配备情况: one unit against one body camera per 5 officers and one AV hearing/interview room (seed 000) — the
 * domain's own shape.
 */
export type UnitCoverage = UnitEquipment;

/** 听证询问室 as recording-svc's register has it now (seed 000 三(二)3(1)). */
export interface HearingRoom {
  id: string;
  name: string;
  unitId: string;
  hasAv: boolean;
  inService: boolean;
  /** The latest change's reason (why it is out of service). */
  reason: string | null;
  registeredByName: string;
  registeredAt: string;
  changedByName: string | null;
  changedAt: string | null;
}

export interface HearingRoomChange {
  name?: string;
  hasAv?: boolean;
  inService?: boolean;
  reason?: string;
}

/** A room a transcript may name (the record form's picker): the place rule's own shape — name, unit, AV. */
export type RoomPlace = HearingRoomState;

const rooms = '/api/v1/recording/hearing-rooms';

const base = '/api/v1/recording/devices';
const roster = '/api/v1/recording/device-administrators';
const devicePath = (assetNumber: string) => `${base}/${encodeURIComponent(assetNumber)}`;
const checkoutPath = (id: string) => `${base}/checkouts/${encodeURIComponent(id)}`;

export const devicesApi = {
  list: () => getJson<DeviceListItem[]>(base),
  read: (assetNumber: string) => getJson<DeviceRecord>(devicePath(assetNumber)),
  register: (device: NewDevice) => postJson<Device>(base, device),
  checkout: (assetNumber: string, purpose: string, check: DeviceCheck, expectedReturnAt: string) =>
    postJson<Checkout>(`${devicePath(assetNumber)}/checkouts`, { purpose, check, expectedReturnAt }),
  decide: (id: string, approve: boolean, reason?: string) =>
    postJson<Checkout>(`${checkoutPath(id)}/decision`, { approve, ...(reason ? { reason } : {}) }),
  giveBack: (id: string) => postJson<Checkout>(`${checkoutPath(id)}/return`, {}),
  exported: (id: string, memoryCleared: boolean, note: string) =>
    postJson<Checkout>(`${checkoutPath(id)}/export`, { evidenceIds: [], memoryCleared, ...(note ? { note } : {}) }),
  retire: (assetNumber: string, kind: DeviceRetirementKind, reason: string) =>
    postJson<Device>(`${devicePath(assetNumber)}/retirement`, { kind, reason }),
  reassign: (assetNumber: string, to: { unitId?: string; administrator?: string; reason: string }) =>
    postJson<Device>(`${devicePath(assetNumber)}/reassignments`, to),
  reportLoss: (id: string, loss: DeviceLossReport) => postJson<Checkout>(`${checkoutPath(id)}/loss`, loss),
  coverage: () => getJson<UnitCoverage[]>('/api/v1/recording/device-coverage'),
  rooms: () => getJson<HearingRoom[]>(rooms),
  /** The caller's own unit's rooms in service, for a transcript's place (R5; officers may read these, not `rooms`). */
  roomPlaces: () => getJson<RoomPlace[]>(`${rooms}/places`),
  registerRoom: (room: { name: string; unitId: string; hasAv: boolean }) => postJson<HearingRoom>(rooms, room),
  changeRoom: (id: string, change: HearingRoomChange) =>
    postJson<HearingRoom>(`${rooms}/${encodeURIComponent(id)}/changes`, change),
  roster: () => getJson<Administrator[]>(roster),
  appoint: (a: NewAdministrator) => postJson<Administrator>(roster, a),
};
