import type { CoverageDevice, CoveragePerson, UnitCoverage } from './device-coverage.rules';
import { coverageByUnit, unitCoverage } from './device-coverage.rules';
import type { DeviceProblem } from './device-lifecycle.rules';
import type { RecordType } from './record-types.table';

/**
 * 听证询问室 (seed 000 三(二)3(1)): 原则上，每个单位必须配备一间带有视频监控录音录像功能的听证询问室 — every unit keeps
 * one hearing/interview room with video surveillance that records sound and picture; and 三(二)3(2): 对……执法办案场所，
 * 必须进行全程音像记录 — what happens in such a room is recorded from start to end. SPEC R11 and R5 leave both out; the
 * seed is the rule.
 */

/** A room of the register as it stands now (its registration and its latest change). */
export interface HearingRoomState {
  id: string;
  name: string;
  unitId: string;
  /** 视频监控录音录像功能: the room records sound and picture. */
  hasAv: boolean;
  inService: boolean;
}

/** The place a transcript names, as the service puts it into the record from the register (never the caller's word). */
export interface RecordRoom {
  id: string;
  name: string;
  unitId: string;
  av: boolean;
}

/** Records taken in a room: 询问笔录 and 听证笔录. */
export const ROOM_RECORD_TYPES: readonly RecordType[] = ['inquiry-transcript', 'hearing-transcript'];

export const isRoomRecordType = (type: string): boolean => (ROOM_RECORD_TYPES as readonly string[]).includes(type);

/** The room a record names, if it names one the service resolved (`fields.room`). */
export function roomOfRecord(fields: Record<string, unknown>): RecordRoom | null {
  const room = fields.room as Partial<RecordRoom> | undefined;
  return room && typeof room === 'object' && typeof room.id === 'string' ? (room as RecordRoom) : null;
}

/**
 * 执法办案场所: a transcript taken in a room with AV is a record of a place that must be recorded whole — its AV need
 * is full-process, whatever the list says of its type.
 */
export function takenInAvRoom(record: { type: string; fields: Record<string, unknown> }): boolean {
  return isRoomRecordType(record.type) && roomOfRecord(record.fields)?.av === true;
}

/**
 * Whether a room may be named as a record's place: it names the field `roomId` in both languages when the record is
 * not of a room type, the room is unknown or of another unit, or it is out of service.
 */
export function placeProblems(recordType: string, room: HearingRoomState | null, caseUnitId: string): DeviceProblem[] {
  if (!isRoomRecordType(recordType)) {
    return [
      {
        field: 'roomId',
        zh: '只有询问笔录和听证笔录可以注明听证询问室',
        en: 'only an inquiry or hearing transcript names a hearing/interview room',
      },
    ];
  }
  if (room === null || room.unitId !== caseUnitId) {
    return [
      {
        field: 'roomId',
        zh: '办案单位没有这间听证询问室',
        en: 'the case’s unit has no such hearing/interview room',
      },
    ];
  }
  if (!room.inService) {
    return [{ field: 'roomId', zh: '该听证询问室已停用', en: 'the hearing/interview room is out of service' }];
  }
  return [];
}

/** A change of a room: something must change, and taking it out of service needs the reason. */
export function roomChangeProblems(
  current: Pick<HearingRoomState, 'name' | 'hasAv' | 'inService'>,
  change: { name?: string; hasAv?: boolean; inService?: boolean; reason?: string },
): DeviceProblem[] {
  const same =
    (change.name === undefined || change.name === current.name) &&
    (change.hasAv === undefined || change.hasAv === current.hasAv) &&
    (change.inService === undefined || change.inService === current.inService);
  if (same) {
    return [{ field: 'name', zh: '变更内容与现状相同', en: 'the change changes nothing' }];
  }
  if (change.inService === false && current.inService && (change.reason ?? '').trim() === '') {
    return [{ field: 'reason', zh: '停用听证询问室须说明原因', en: 'taking a room out of service needs the reason' }];
  }
  return [];
}

/** One coverage answer per unit: the body cameras (one per 5 officers) and the AV hearing/interview room. */
export interface UnitEquipment extends UnitCoverage {
  /** Rooms of the unit in service that record sound and picture. */
  avRooms: number;
  /** 1 while the unit has no such room, else 0. */
  roomShortfall: number;
}

const withRooms = (c: UnitCoverage, avRooms: number): UnitEquipment => ({
  ...c,
  avRooms,
  roomShortfall: avRooms > 0 ? 0 : 1,
});

/** A unit seen with nothing at all: no officers, no cameras, no room — so it lacks the room. */
export const emptyUnitEquipment = (unitId: string): UnitEquipment => withRooms(unitCoverage(unitId, 0, 0), 0);

/**
 * Every unit that has officers, devices or rooms: its body cameras against its officers and its AV rooms in service.
 * Every such unit needs a room ("每个单位"), whether or not it has officers yet; a room without AV or out of service
 * does not count.
 */
export function equipmentByUnit(
  people: readonly CoveragePerson[],
  devices: readonly CoverageDevice[],
  rooms: readonly Pick<HearingRoomState, 'unitId' | 'hasAv' | 'inService'>[],
): UnitEquipment[] {
  const cameras = new Map(coverageByUnit(people, devices).map((c) => [c.unitId, c]));
  const avRooms = new Map<string, number>();
  for (const r of rooms) {
    avRooms.set(r.unitId, (avRooms.get(r.unitId) ?? 0) + (r.hasAv && r.inService ? 1 : 0));
  }
  const units = [...new Set([...cameras.keys(), ...avRooms.keys()])].sort();
  return units.map((u) => withRooms(cameras.get(u) ?? unitCoverage(u, 0, 0), avRooms.get(u) ?? 0));
}
