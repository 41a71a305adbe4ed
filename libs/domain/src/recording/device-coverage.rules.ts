import type { Role } from '../access/roles';
import type { DeviceKind } from './device.rules';

/**
 * 执法记录仪配备 (seed 000 三(二)3(1)): 原则上……保证每5名执法人员至少配备一台执法记录仪 — every unit keeps at least one
 * body camera for every five of its enforcement officers. SPEC R11 lists the register, checkouts, exports and checks
 * but not this ratio; the seed is the rule.
 */
export const OFFICERS_PER_BODY_CAMERA = 5;

/** A person of the user directory, as far as the ratio needs them. */
export interface CoveragePerson {
  roles: readonly Role[];
  unitId: string;
}

/** A device of the register as it stands now: its current unit, and whether it has left service (报废、停用、丢失). */
export interface CoverageDevice {
  kind: DeviceKind;
  unitId: string;
  retired: boolean;
}

export interface UnitCoverage {
  unitId: string;
  /** People of the unit holding the officer role (执法人员). */
  officers: number;
  /** Body cameras of the unit still in service: not retired, decommissioned or lost (a faulty one is still owned). */
  bodyCameras: number;
  /** ⌈officers / 5⌉: none for a unit without officers. */
  required: number;
  /** How many body cameras the unit lacks; 0 when it has enough. */
  shortfall: number;
}

/** At least one body camera per 5 officers, rounded up: 5 officers need 1, 6 need 2, none need none. */
export function requiredBodyCameras(officers: number): number {
  return Math.ceil(officers / OFFICERS_PER_BODY_CAMERA);
}

export function unitCoverage(unitId: string, officers: number, bodyCameras: number): UnitCoverage {
  const required = requiredBodyCameras(officers);
  return { unitId, officers, bodyCameras, required, shortfall: Math.max(0, required - bodyCameras) };
}

/**
 * The ratio for every unit that has officers or devices, by unit id. An officer is a person with the `officer` role
 * in that unit (a unit head who is not also an officer does not count); only body cameras count, and only while in
 * service — other recorders (cameras, video cameras, audio recorders) are not 执法记录仪.
 */
export function coverageByUnit(people: readonly CoveragePerson[], devices: readonly CoverageDevice[]): UnitCoverage[] {
  const officers = new Map<string, number>();
  const cameras = new Map<string, number>();
  for (const p of people) {
    if (p.roles.includes('officer')) officers.set(p.unitId, (officers.get(p.unitId) ?? 0) + 1);
  }
  for (const d of devices) {
    if (d.kind === 'body-camera' && !d.retired) cameras.set(d.unitId, (cameras.get(d.unitId) ?? 0) + 1);
  }
  const units = [...new Set([...officers.keys(), ...cameras.keys()])].sort();
  return units.map((u) => unitCoverage(u, officers.get(u) ?? 0, cameras.get(u) ?? 0));
}
