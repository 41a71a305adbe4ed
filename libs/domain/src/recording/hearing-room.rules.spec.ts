import type { Role } from '../access/roles';
import { avNeedOf, avShortfall, defaultAvRequirements } from './av-requirements.rules';
import {
  emptyUnitEquipment,
  equipmentByUnit,
  placeProblems,
  roomChangeProblems,
  type HearingRoomState,
} from './hearing-room.rules';
import { video } from './testing/case.fixtures';

const officer = (unitId: string) => ({ roles: ['officer'] as Role[], unitId });
const room = (over: Partial<HearingRoomState> = {}): HearingRoomState => ({
  id: 'room-1',
  name: '第一听证询问室',
  unitId: 'unit-1',
  hasAv: true,
  inService: true,
  ...over,
});
const inquiry = (roomAv: boolean | null) => ({
  type: 'inquiry-transcript' as const,
  fields: {
    interviewee: '李四',
    place: '第一听证询问室',
    startedAt: '2030-01-03T01:00:00Z',
    endedAt: '2030-01-03T02:00:00Z',
    content: '问答',
    ...(roomAv === null ? {} : { room: { id: 'room-1', name: '第一听证询问室', unitId: 'unit-1', av: roomAv } }),
  },
});

describe('hearing/interview rooms (seed 000 三(二)3: 每个单位必须配备一间带有视频监控录音录像功能的听证询问室)', () => {
  it('R11: a unit with officers and cameras but no AV room lacks the room; a room with AV in service covers it', () => {
    const people = [officer('unit-1')];
    const cameras = [{ kind: 'body-camera' as const, unitId: 'unit-1', retired: false }];
    expect(equipmentByUnit(people, cameras, [])).toEqual([
      { unitId: 'unit-1', officers: 1, bodyCameras: 1, required: 1, shortfall: 0, avRooms: 0, roomShortfall: 1 },
    ]);
    expect(equipmentByUnit(people, cameras, [room()])).toEqual([
      { unitId: 'unit-1', officers: 1, bodyCameras: 1, required: 1, shortfall: 0, avRooms: 1, roomShortfall: 0 },
    ]);
  });

  it('R11: a room without AV, or out of service, does not count; the unit stays listed with its shortfall', () => {
    const rows = equipmentByUnit([], [], [room({ hasAv: false }), room({ id: 'room-2', inService: false })]);
    expect(rows).toEqual([emptyUnitEquipment('unit-1')]);
    expect(rows[0]).toMatchObject({ avRooms: 0, roomShortfall: 1, required: 0, shortfall: 0 });
  });

  it('R11: each unit is judged on its own rooms — another unit’s room does not cover it', () => {
    const rows = equipmentByUnit([officer('unit-1'), officer('unit-2')], [], [room({ unitId: 'unit-2' })]);
    expect(rows.map((r) => [r.unitId, r.roomShortfall, r.shortfall])).toEqual([
      ['unit-1', 1, 1],
      ['unit-2', 0, 1],
    ]);
  });

  it('R5, R11: a transcript in a room with AV needs full-process AV (执法办案场所); without AV the list decides', () => {
    expect(avNeedOf({ type: 'inquiry-transcript', fields: {} }, defaultAvRequirements)).toBe('optional');
    expect(avNeedOf(inquiry(null), defaultAvRequirements)).toBe('optional');
    expect(avNeedOf(inquiry(false), defaultAvRequirements)).toBe('optional');
    expect(avNeedOf(inquiry(true), defaultAvRequirements)).toBe('full-process');
    expect(avNeedOf({ ...inquiry(true), type: 'hearing-transcript' }, defaultAvRequirements)).toBe('full-process');
    // Only transcripts are taken in a room: a room on another record changes nothing.
    expect(avNeedOf({ ...inquiry(true), type: 'closure-report' }, defaultAvRequirements)).toBe('optional');
  });

  it('R5, R11: in an AV room the step lacks AV until the whole inquiry is covered, or a reason is recorded', () => {
    expect(avShortfall(inquiry(true), [], defaultAvRequirements)?.field).toBe('av');
    expect(
      avShortfall(inquiry(true), [video('2030-01-03T01:10:00Z', '2030-01-03T02:00:00Z')], defaultAvRequirements),
    ).not.toBeNull();
    expect(
      avShortfall(inquiry(true), [video('2030-01-03T00:59:00Z', '2030-01-03T02:00:00Z')], defaultAvRequirements),
    ).toBeNull();
    expect(
      avShortfall({ ...inquiry(true), avMissingReason: '监控设备断电，无法录制' }, [], defaultAvRequirements),
    ).toBeNull();
  });

  it('R11: a room of another unit, an unknown or out-of-service room, or a room on another record type is refused naming roomId', () => {
    expect(placeProblems('inquiry-transcript', room(), 'unit-1')).toEqual([]);
    expect(placeProblems('hearing-transcript', room(), 'unit-1')).toEqual([]);
    for (const [type, r, unit] of [
      ['inquiry-transcript', room({ unitId: 'unit-2' }), 'unit-1'],
      ['inquiry-transcript', null, 'unit-1'],
      ['hearing-transcript', room({ inService: false }), 'unit-1'],
      ['seizure', room(), 'unit-1'],
    ] as const) {
      const [p] = placeProblems(type, r, unit);
      expect(p.field).toBe('roomId');
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).toMatch(/[a-z]/);
    }
  });

  it('R11: a change must change something, and taking a room out of service needs the reason', () => {
    const now = { name: '第一听证询问室', hasAv: true, inService: true };
    expect(roomChangeProblems(now, { name: '第一听证询问室' })[0].field).toBe('name');
    expect(roomChangeProblems(now, { inService: false })[0].field).toBe('reason');
    expect(roomChangeProblems(now, { inService: false, reason: '监控设备损坏待修' })).toEqual([]);
    expect(roomChangeProblems({ ...now, inService: false }, { inService: true })).toEqual([]);
    expect(roomChangeProblems(now, { hasAv: false, reason: '拆除监控' })).toEqual([]);
  });
});
