/**
 * Typed client of the body-camera routes (gateway `/api/v1/recording/devices/…`, SPEC R11); shapes mirror
 * recording-svc's device and checkout views.
 */
import type { DeviceKind, DeviceStatus } from '@enforcement/domain/recording/device.rules';
import { getJson, postJson } from './http';

export interface Device {
  assetNumber: string;
  kind: DeviceKind;
  unitId: string;
  model: string | null;
  administrator: string;
  registeredBy: string;
  registeredAt: string;
  status: DeviceStatus;
}

export interface DeviceCheck {
  battery: 'sufficient' | 'low';
  storage: 'sufficient' | 'low';
  clock: 'set' | 'wrong';
  outcome: 'ok' | 'defect';
  note?: string;
}

export interface Checkout {
  id: string;
  assetNumber: string;
  unitId: string;
  borrower: string;
  purpose: string;
  caseNumber: string | null;
  state: 'requested' | 'refused' | 'checked-out' | 'returned';
  requestedAt: string;
  approvedBy: string | null;
  decision: { approved: boolean; by: string; reason: string | null; at: string } | null;
  returnedAt: string | null;
  receivedBy: string | null;
  export: { at: string; evidenceIds: string[]; memoryCleared: boolean } | null;
  /** Set on the return's answer: by when the footage must be exported (DEVICE_EXPORT_LIMIT). */
  exportDueAt?: string;
}

export interface DeviceRecord extends Device {
  checks: (DeviceCheck & { id: string; purpose: string; checkedBy: string; checkedAt: string })[];
  checkouts: Checkout[];
}

export interface NewDevice {
  assetNumber: string;
  kind: DeviceKind;
  unitId: string;
  model?: string;
  administrator: string;
}

const base = '/api/v1/recording/devices';
const checkoutPath = (id: string) => `${base}/checkouts/${encodeURIComponent(id)}`;

export const devicesApi = {
  list: () => getJson<Device[]>(base),
  read: (assetNumber: string) => getJson<DeviceRecord>(`${base}/${encodeURIComponent(assetNumber)}`),
  register: (device: NewDevice) => postJson<Device>(base, device),
  checkout: (assetNumber: string, purpose: string, check: DeviceCheck) =>
    postJson<Checkout>(`${base}/${encodeURIComponent(assetNumber)}/checkouts`, { purpose, check }),
  decide: (id: string, approve: boolean, reason?: string) =>
    postJson<Checkout>(`${checkoutPath(id)}/decision`, { approve, ...(reason ? { reason } : {}) }),
  giveBack: (id: string) => postJson<Checkout>(`${checkoutPath(id)}/return`, {}),
  exported: (id: string, memoryCleared: boolean, note: string) =>
    postJson<Checkout>(`${checkoutPath(id)}/export`, { evidenceIds: [], memoryCleared, ...(note ? { note } : {}) }),
};
