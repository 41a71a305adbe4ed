import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { bearer, expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * 听证询问室 on the real stack (seed 000 三(二)3: 原则上，每个单位必须配备一间带有视频监控录音录像功能的听证询问室; 对……
 * 执法办案场所，必须进行全程音像记录 — SPEC R11 and R5 leave both out, the seed is the rule). The records administrator
 * registers and changes rooms (append-only history); the coverage answer per unit shows a unit without an AV room in
 * service as short; an inquiry transcript taken in an AV room cannot let its step complete without AV covering the
 * whole inquiry, or a recorded reason; another unit's or an out-of-service room is refused naming `roomId`.
 */
const env = stackEnv();
const rooms = '/api/v1/recording/hearing-rooms';
const coverageApi = '/api/v1/recording/device-coverage';
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
const hex = (n: number) => n.toString(16).padStart(64, 'b');
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3_600_000;
const OFFICERS = [
  { name: '张执法', certificateNo: '43040001', certificateShown: true },
  { name: '王执法', certificateNo: '43040002', certificateShown: true },
];

type Room = { id: string; name: string; unitId: string; hasAv: boolean; inService: boolean; reason: string | null };
type Coverage = { unitId: string; avRooms: number; roomShortfall: number; shortfall: number };

async function register(body: object, user = 'u-records-admin') {
  return request(gateway)
    .post(rooms)
    .set('authorization', await as(user))
    .send(body);
}

async function change(id: string, body: object, user = 'u-records-admin') {
  return request(gateway)
    .post(`${rooms}/${id}/changes`)
    .set('authorization', await as(user))
    .send(body);
}

async function unitCoverage(unitId: string, user = 'u-legal-reviewer'): Promise<Coverage | undefined> {
  const res = await request(gateway)
    .get(coverageApi)
    .set('authorization', await as(user));
  return (expectStatus(res, 200).body as Coverage[]).find((u) => u.unitId === unitId);
}

function bilingual(body: { message: { zh: string; en: string } }) {
  expect(body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.message.en).toMatch(/[a-z]/);
}

describe('hearing/interview rooms through the gateway (seed 000; SPEC R11, R5)', () => {
  it('R11: a unit’s room without AV leaves it short; AV fitted covers it; out of service (with the reason) it is short again — every change kept, the rows append-only', async () => {
    const unit = `unit-room-${randomUUID().slice(0, 8)}`;
    const made = expectStatus(await register({ name: '第一询问室', unitId: unit, hasAv: false }), 201).body as Room;
    expect(made).toMatchObject({ name: '第一询问室', unitId: unit, hasAv: false, inService: true });
    expect(await unitCoverage(unit)).toMatchObject({ avRooms: 0, roomShortfall: 1 });

    expectStatus(await change(made.id, { hasAv: true }), 201);
    expect(await unitCoverage(unit, 'u-records-admin')).toMatchObject({ avRooms: 1, roomShortfall: 0 });

    // Out of service needs the reason, refused naming it in both languages.
    const noReason = expectStatus(await change(made.id, { inService: false }), 400).body;
    expect(noReason.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    bilingual(noReason);
    const out = expectStatus(await change(made.id, { inService: false, reason: '监控设备故障待修' }), 201).body;
    expect(out).toMatchObject({ inService: false, reason: '监控设备故障待修', hasAv: true });
    expect(out.history.map((h: { kind: string; inService: boolean }) => [h.kind, h.inService])).toEqual([
      ['registered', true],
      ['changed', true],
      ['changed', false],
    ]);
    expect(await unitCoverage(unit)).toMatchObject({ avRooms: 0, roomShortfall: 1 });

    // Bad input is a 400 naming the field, never a 500.
    const bad = expectStatus(await register({ name: '', unitId: unit, hasAv: 'yes' }), 400).body;
    expect(bad.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['hasAv']));

    // The service's own login cannot rewrite or remove a room's history.
    const db = new PgClient({ connectionString: env.RECORDING_DATABASE_URL });
    await db.connect();
    try {
      // Readable to the login (so a refusal below is the wall, not a missing table), never rewritten.
      const [{ n }] = (
        await db.query(`select count(*)::int as n from recording.hearing_room_changes where room_id = $1`, [made.id])
      ).rows;
      expect(n).toBe(2);
      await expect(
        db.query(`update recording.hearing_room_changes set in_service = true where room_id = $1`, [made.id]),
      ).rejects.toThrow(/permission denied|append-only/);
      await expect(db.query(`delete from recording.hearing_rooms where id = $1`, [made.id])).rejects.toThrow(
        /permission denied|append-only/,
      );
    } finally {
      await db.end();
    }
  }, 120_000);

  it('R11, C1: a unit head reads their own unit’s rooms only, the legal section every unit’s; an officer and the legal section may not register (403, both languages)', async () => {
    const own = expectStatus(await register({ name: '一科询问室', unitId: 'unit-enforcement-1', hasAv: true }), 201)
      .body as Room;
    const other = expectStatus(await register({ name: '二科询问室', unitId: 'unit-enforcement-2', hasAv: true }), 201)
      .body as Room;
    const list = async (user: string) =>
      expectStatus(
        await request(gateway)
          .get(rooms)
          .set('authorization', await as(user)),
        200,
      ).body as Room[];
    const head = await list('u-unit-head-1');
    expect(head.map((r) => r.id)).toContain(own.id);
    expect(head.every((r) => r.unitId === 'unit-enforcement-1')).toBe(true);
    const notHers = await request(gateway)
      .get(`${rooms}/${other.id}`)
      .set('authorization', await as('u-unit-head-1'));
    expectStatus(notHers, 404);
    expect((await list('u-legal-reviewer')).map((r) => r.id)).toEqual(expect.arrayContaining([own.id, other.id]));

    for (const user of ['u-officer-1', 'u-legal-reviewer', 'u-unit-head-1']) {
      bilingual(
        expectStatus(await register({ name: '擅自登记', unitId: 'unit-enforcement-1', hasAv: true }, user), 403).body,
      );
      bilingual(expectStatus(await change(own.id, { name: '擅自改名' }, user), 403).body);
    }
    const officerRead = await request(gateway)
      .get(rooms)
      .set('authorization', await as('u-officer-1'));
    bilingual(expectStatus(officerRead, 403).body);
  }, 120_000);

  it('R5, R11, C1: whoever makes a case’s records lists their own unit’s rooms in service for a transcript — name, unit and AV only; another unit’s and an out-of-service room are not listed; the legal section may not (403, both languages)', async () => {
    const run = randomUUID().slice(0, 6);
    const mine = expectStatus(
      await register({ name: `一科可选${run}`, unitId: 'unit-enforcement-1', hasAv: true }),
      201,
    ).body as Room;
    const closed = expectStatus(
      await register({ name: `一科停用${run}`, unitId: 'unit-enforcement-1', hasAv: false }),
      201,
    ).body as Room;
    expectStatus(await change(closed.id, { inService: false, reason: '改作档案室' }), 201);
    const theirs = expectStatus(
      await register({ name: `二科可选${run}`, unitId: 'unit-enforcement-2', hasAv: true }),
      201,
    ).body as Room;
    const places = async (user: string) =>
      request(gateway)
        .get(`${rooms}/places`)
        .set('authorization', await as(user));

    const officer = expectStatus(await places('u-officer-1'), 200).body as Record<string, unknown>[];
    expect(officer.find((r) => r.id === mine.id)).toEqual({
      id: mine.id,
      name: `一科可选${run}`,
      unitId: 'unit-enforcement-1',
      hasAv: true,
      inService: true,
    });
    expect(officer.map((r) => r.id)).not.toContain(closed.id);
    expect(officer.every((r) => r.unitId === 'unit-enforcement-1' && r.inService === true)).toBe(true);
    const otherOfficer = expectStatus(await places('u-officer-2'), 200).body as Room[];
    expect(otherOfficer.map((r) => r.id)).toContain(theirs.id);
    expect(otherOfficer.map((r) => r.id)).not.toContain(mine.id);
    bilingual(expectStatus(await places('u-legal-reviewer'), 403).body);
  }, 120_000);

  it('R5, R11: an inquiry taken in the unit’s AV room needs full-process AV — the investigation cannot complete without it; another unit’s or an out-of-service room is refused naming roomId', async () => {
    const journey = await ReviewJourney.initiated('RM', {});
    const base = `/api/v1/cases/${encodeURIComponent(journey.caseNo)}`;
    const record = async (body: object, user = 'u-officer-1') =>
      request(gateway)
        .post(`${base}/records`)
        .set('authorization', await bearer(user as 'u-officer-1'))
        .send(body);
    const complete = async (step: string) =>
      request(gateway)
        .post(`${base}/steps/${step}/complete`)
        .set('authorization', await bearer('u-officer-1'))
        .send({});
    const approval = {
      type: 'initiation-approval',
      fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《社会组织登记管理条例》第三十条' },
    };
    expectStatus(await record(approval, 'u-agency-head'), 201);
    expectStatus(await complete('initiation'), 200);

    const avRoom = expectStatus(
      await register({ name: '一科听证询问室', unitId: 'unit-enforcement-1', hasAv: true }),
      201,
    ).body as Room;
    const otherUnit = expectStatus(
      await register({ name: '二科听证询问室', unitId: 'unit-enforcement-2', hasAv: true }),
      201,
    ).body as Room;
    const closed = expectStatus(
      await register({ name: '一科旧询问室', unitId: 'unit-enforcement-1', hasAv: true }),
      201,
    ).body as Room;
    expectStatus(await change(closed.id, { inService: false, reason: '装修停用' }), 201);

    const inquiry = (roomId: string | undefined, extra: object = {}) => ({
      type: 'inquiry-transcript',
      roomId,
      fields: {
        officers: OFFICERS,
        interviewee: '李某',
        place: '一科听证询问室',
        startedAt: iso(-2 * HOUR),
        endedAt: iso(-1 * HOUR),
        content: '问：……答：……',
        signedBy: '李某',
      },
      ...extra,
    });

    for (const roomId of [otherUnit.id, closed.id, randomUUID()]) {
      const refused = expectStatus(await record(inquiry(roomId)), 400).body;
      expect(refused.details.map((d: { field: string }) => d.field)).toEqual(['roomId']);
      bilingual(refused);
    }
    const notUuid = expectStatus(await record(inquiry('not-a-room')), 400).body;
    expect(notUuid.details.map((d: { field: string }) => d.field)).toEqual(['roomId']);

    // In the AV room: accepted, but the step waits for AV of the whole inquiry.
    const [inquiryId] = expectStatus(await record(inquiry(avRoom.id)), 201).body.recordIds as string[];
    const noAv = expectStatus(await complete('investigation'), 422).body;
    expect(noAv.details.map((d: { field: string }) => d.field)).toEqual([`${inquiryId}.av`]);
    expect(noAv.message.zh).toContain('覆盖执法全过程的音像记录');
    bilingual(noAv);
    // Only a transcript names a room.
    const wrongType = { type: 'inspection-transcript', roomId: avRoom.id, fields: inquiry(undefined).fields };
    expect(expectStatus(await record(wrongType), 400).body.details.map((d: { field: string }) => d.field)).toEqual([
      'roomId',
    ]);
    // A recording that starts late does not cover the inquiry.
    const late = [{ sha256: hex(1), kind: 'video', startedAt: iso(-1.5 * HOUR), endedAt: iso(-1 * HOUR) }];
    expectStatus(
      await request(gateway)
        .post(`${base}/av`)
        .set('authorization', await bearer('u-officer-1'))
        .send({ recordId: inquiryId, files: late }),
      200,
    );
    expectStatus(await complete('investigation'), 422);
    // One recording from before the inquiry began to after it ended: the whole of it.
    const whole = [
      { sha256: hex(2), kind: 'video', startedAt: iso(-2 * HOUR - 60_000), endedAt: iso(-1 * HOUR + 60_000) },
    ];
    expectStatus(
      await request(gateway)
        .post(`${base}/av`)
        .set('authorization', await bearer('u-officer-1'))
        .send({ recordId: inquiryId, files: whole }),
      200,
    );
    expect(expectStatus(await complete('investigation'), 200).body.step).toBe('review');
  }, 180_000);

  it('R5: the room in the record is the register’s, never the caller’s — a room claimed in the fields without roomId is dropped, and an AV room’s transcript with a recorded reason needs no AV', async () => {
    const journey = await ReviewJourney.initiated('RN', {});
    const base = `/api/v1/cases/${encodeURIComponent(journey.caseNo)}`;
    const record = async (body: object, user: 'u-officer-1' | 'u-agency-head' = 'u-officer-1') =>
      request(gateway)
        .post(`${base}/records`)
        .set('authorization', await bearer(user))
        .send(body);
    const complete = async (step: string) =>
      request(gateway)
        .post(`${base}/steps/${step}/complete`)
        .set('authorization', await bearer('u-officer-1'))
        .send({});
    const approval = {
      type: 'initiation-approval',
      fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《社会组织登记管理条例》第三十条' },
    };
    expectStatus(await record(approval, 'u-agency-head'), 201);
    expectStatus(await complete('initiation'), 200);
    const avRoom = expectStatus(await register({ name: '一科听证室', unitId: 'unit-enforcement-1', hasAv: true }), 201)
      .body as Room;
    const fields = {
      officers: OFFICERS,
      interviewee: '赵某',
      place: '一科听证室',
      startedAt: iso(-2 * HOUR),
      endedAt: iso(-1 * HOUR),
      content: '问：……答：……',
      signedBy: '赵某',
    };
    // A caller's own claim of an AV room (no roomId) is not the register's word: the transcript stays optional.
    const claimed = { ...fields, room: { id: avRoom.id, name: '一科听证室', unitId: 'unit-enforcement-1', av: true } };
    expectStatus(await record({ type: 'inquiry-transcript', fields: claimed }), 201);
    // In the AV room, with the reason the recording could not be made: the step may complete.
    expectStatus(
      await record({
        type: 'inquiry-transcript',
        roomId: avRoom.id,
        fields,
        avMissingReason: '询问室监控主机断电，无法录制',
      }),
      201,
    );
    expect(expectStatus(await complete('investigation'), 200).body.step).toBe('review');
  }, 180_000);
});
