import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * A device's life on the real stack (SPEC R11, C1, C2): the records administrator keeps the roster of administrators
 * (管理员名册), retires a device (报废/停用/丢失 — it stays in the register and never goes out again) and moves one to
 * another unit or administrator (调拨); a checkout not back by its expected return is warned about and then recorded
 * as a violation on the supervision board (`deadline.*`, kind `device`), and its late return closes it as met, late.
 */
const HOUR = 3_600_000;
const api = '/api/v1/recording/devices';
const roster = '/api/v1/recording/device-administrators';
const ready = { battery: 'sufficient', storage: 'sufficient', clock: 'set', outcome: 'ok' };
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

type BoardItem = {
  kind: string;
  limit: string;
  caseNo: string;
  state: string;
  late: boolean;
  unitId: string;
  responsibleUserId: string | null;
  deadline: string;
};

/** A demo user's bearer token (the records administrator included). */
async function as(user: string): Promise<string> {
  return `Bearer ${await tokenFor(user)}`;
}

/** Appoints `userId` to the roster and registers a body camera of unit 1 kept by them. */
async function registered(asset: string, administrator = 'u-records-admin', name = '郑管理员') {
  const admin = await as('u-records-admin');
  expectStatus(
    await request(gateway)
      .post(roster)
      .set('authorization', admin)
      .send({ userId: administrator, name, unitId: 'unit-records' }),
    200,
  );
  const device = { assetNumber: asset, kind: 'body-camera', unitId: 'unit-enforcement-1', administrator };
  return expectStatus(await request(gateway).post(api).set('authorization', admin).send(device), 201).body;
}

const checkout = async (user: string, asset: string, expectedReturnAt: string) =>
  request(gateway)
    .post(`${api}/${asset}/checkouts`)
    .set('authorization', await as(user))
    .send({ purpose: '养老机构现场检查', check: ready, expectedReturnAt });

describe('a device’s life through the gateway (SPEC R11)', () => {
  it('R11, C1: a retired device (with its reason) stays in the register, and refuses checkout, checks and reassignment; retiring is the records administrator’s, and needs a known kind and a reason', async () => {
    const asset = `RET-${randomUUID().slice(0, 8)}`;
    await registered(asset);
    const admin = await as('u-records-admin');
    const retire = (auth: string, body: Record<string, unknown>) =>
      request(gateway).post(`${api}/${asset}/retirement`).set('authorization', auth).send(body);

    expectStatus(await retire(await as('u-unit-head-1'), { kind: 'scrapped', reason: '镜头破损无法修复' }), 403);
    const badKind = expectStatus(await retire(admin, { kind: 'sold', reason: 'x' }), 400).body;
    expect(badKind.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    expect(badKind.message.zh).toContain('kind');
    expect(badKind.message.en).toContain('kind');
    const noReason = expectStatus(await retire(admin, { kind: 'scrapped' }), 400).body;
    expect(noReason.details.map((d: { field: string }) => d.field)).toEqual(['reason']);

    // Out or asked for: settle the checkout first.
    expectStatus(await checkout('u-officer-1', asset, inHours(8)), 201);
    expect(expectStatus(await retire(admin, { kind: 'scrapped', reason: '镜头破损' }), 409).body.code).toBe(
      'DEVICE.IN_USE',
    );
    const [asked] = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', admin), 200).body
      .checkouts;
    expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${asked.id}/decision`)
        .set('authorization', await as('u-unit-head-1'))
        .send({ approve: false, reason: '设备待报废' }),
      200,
    );

    const retired = expectStatus(await retire(admin, { kind: 'scrapped', reason: '镜头破损无法修复' }), 201).body;
    expect(retired).toMatchObject({
      status: 'retired',
      retirement: { kind: 'scrapped', reason: '镜头破损无法修复', by: 'u-records-admin', byName: '郑管理员' },
      periodicCheck: null,
    });
    expect(expectStatus(await retire(admin, { kind: 'lost', reason: '再次' }), 409).body.code).toBe('DEVICE.RETIRED');

    const refused = expectStatus(await checkout('u-officer-1', asset, inHours(8)), 409).body;
    expect(refused.code).toBe('DEVICE.RETIRED');
    expect(refused.message.zh).toContain('已报废或停用');
    expect(refused.message.en).toContain('retired');
    const check = await request(gateway).post(`${api}/${asset}/checks`).set('authorization', admin).send(ready);
    expect(expectStatus(check, 409).body.code).toBe('DEVICE.RETIRED');
    const move = await request(gateway)
      .post(`${api}/${asset}/reassignments`)
      .set('authorization', admin)
      .send({ unitId: 'unit-enforcement-2', reason: '调配' });
    expect(expectStatus(move, 409).body.code).toBe('DEVICE.RETIRED');

    // Never deleted: the register still lists it, with its log.
    const list = expectStatus(
      await request(gateway)
        .get(api)
        .set('authorization', await as('u-officer-1')),
      200,
    ).body;
    expect(list.find((d: { assetNumber: string }) => d.assetNumber === asset)).toMatchObject({ status: 'retired' });
    const log = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', admin), 200).body;
    expect(log.checkouts.map((c: { state: string }) => c.state)).toEqual(['refused']);
  }, 180_000);

  it('R11, C1: a device reassigned to another unit answers the old unit like a missing one and shows the new one its new administrator by name; the roster refuses unknown administrators and removing one who still keeps devices', async () => {
    const run = randomUUID().slice(0, 8);
    const asset = `MOV-${run}`;
    const keeper = `u-keeper-${run}`;
    await registered(asset);
    const admin = await as('u-records-admin');
    const officer1 = await as('u-officer-1');
    const officer2 = await as('u-officer-2');
    const reassign = (auth: string, body: Record<string, unknown>) =>
      request(gateway).post(`${api}/${asset}/reassignments`).set('authorization', auth).send(body);

    // Unit 1 uses it once, so it has a log there.
    const used = expectStatus(await checkout('u-officer-1', asset, inHours(8)), 201).body;
    expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${used.id}/decision`)
        .set('authorization', await as('u-unit-head-1'))
        .send({ approve: true }),
      200,
    );
    expect(expectStatus(await reassign(admin, { unitId: 'unit-enforcement-2', reason: '调配' }), 409).body.code).toBe(
      'DEVICE.IN_USE',
    );
    expectStatus(
      await request(gateway).post(`${api}/checkouts/${used.id}/return`).set('authorization', officer1).send({}),
      200,
    );

    expectStatus(await reassign(officer1, { unitId: 'unit-enforcement-2', reason: '调配' }), 403);
    const nothing = expectStatus(await reassign(admin, { unitId: 'unit-enforcement-1', reason: '无变化' }), 400).body;
    expect(nothing.details.map((d: { field: string }) => d.field)).toEqual(['unitId']);
    expect(nothing.message.en).toContain('unitId');
    const unknown = expectStatus(await reassign(admin, { administrator: keeper, reason: '更换管理员' }), 422).body;
    expect(unknown.code).toBe('DEVICE.NOT_ON_ROSTER');
    expect(unknown.details.map((d: { field: string }) => d.field)).toEqual(['administrator']);

    // The roster: a new administrator, appointed (twice: nothing new the second time), then given the device.
    const appoint = { userId: keeper, name: '孙保管', unitId: 'unit-enforcement-2', phone: '0734-8888 1234' };
    const badPhone = await request(gateway)
      .post(roster)
      .set('authorization', admin)
      .send({ ...appoint, phone: 'call me' });
    expect(expectStatus(badPhone, 400).body.details.map((d: { field: string }) => d.field)).toEqual(['phone']);
    expectStatus(await request(gateway).post(roster).set('authorization', officer1).send(appoint), 403);
    const entry = expectStatus(await request(gateway).post(roster).set('authorization', admin).send(appoint), 200).body;
    expect(entry).toMatchObject({ userId: keeper, name: '孙保管', devices: 0 });
    const again = expectStatus(await request(gateway).post(roster).set('authorization', admin).send(appoint), 200).body;
    expect(again.since).toBe(entry.since);

    const moved = expectStatus(
      await reassign(admin, { unitId: 'unit-enforcement-2', administrator: keeper, reason: '二大队执法任务增加' }),
      201,
    ).body;
    expect(moved).toMatchObject({
      unitId: 'unit-enforcement-2',
      registeredUnitId: 'unit-enforcement-1',
      administrator: keeper,
      administratorName: '孙保管',
      status: 'available',
    });

    // The old unit: 404 like a device that does not exist, and gone from its register; the new unit sees it.
    const gone = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', officer1), 404).body;
    const missing = expectStatus(
      await request(gateway).get(`${api}/NO-SUCH-${run}`).set('authorization', officer1),
      404,
    ).body;
    expect(gone.code).toBe(missing.code);
    expectStatus(await checkout('u-officer-1', asset, inHours(8)), 404);
    const list1 = expectStatus(await request(gateway).get(api).set('authorization', officer1), 200).body;
    expect(list1.map((d: { assetNumber: string }) => d.assetNumber)).not.toContain(asset);
    const seen = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', officer2), 200).body;
    expect(seen).toMatchObject({ unitId: 'unit-enforcement-2', administratorName: '孙保管' });
    // Unit 1's use of it stays unit 1's (C1); the history of the move is there for all to read.
    expect(seen.checkouts).toEqual([]);
    expect(seen.reassignments).toEqual([
      expect.objectContaining({
        fromUnitId: 'unit-enforcement-1',
        toUnitId: 'unit-enforcement-2',
        fromAdministratorName: '郑管理员',
        toAdministratorName: '孙保管',
        reason: '二大队执法任务增加',
        byName: '郑管理员',
      }),
    ]);
    const log = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', admin), 200).body;
    expect(log.checkouts.map((c: { id: string }) => c.id)).toEqual([used.id]);

    // The keeper cannot leave the roster while keeping it; the roster shows them with the device.
    const list = expectStatus(await request(gateway).get(roster).set('authorization', admin), 200).body;
    expect(list.find((a: { userId: string }) => a.userId === keeper)).toMatchObject({ name: '孙保管', devices: 1 });
    const leave = await request(gateway)
      .post(`${roster}/${keeper}/removal`)
      .set('authorization', admin)
      .send({ reason: '调离' });
    expect(expectStatus(leave, 409).body.code).toBe('DEVICE.ADMINISTRATOR_IN_CHARGE');
    expectStatus(await reassign(admin, { administrator: 'u-records-admin', reason: '交回局办公室' }), 201);
    const left = await request(gateway)
      .post(`${roster}/${keeper}/removal`)
      .set('authorization', admin)
      .send({ reason: '调离' });
    expect(expectStatus(left, 200).body).toMatchObject({ userId: keeper, removed: true });
    const after = expectStatus(await request(gateway).get(roster).set('authorization', admin), 200).body;
    expect(after.map((a: { userId: string }) => a.userId)).not.toContain(keeper);
  }, 180_000);

  it('R11, C2: a checkout not back by its expected return is warned, then recorded as missed on the supervision board for the borrower, shown overdue on the device, and counted late when it comes back', async () => {
    const asset = `LAP-${randomUUID().slice(0, 8)}`;
    await registered(asset);
    const officer = await as('u-officer-1');
    const head = await as('u-unit-head-1');

    // The expected return is validated at the edge against the clock, naming the field.
    const past = expectStatus(await checkout('u-officer-1', asset, inHours(-1)), 400).body;
    expect(past.details.map((d: { field: string }) => d.field)).toEqual(['expectedReturnAt']);
    expect(past.message.zh).toContain('expectedReturnAt');
    const notADate = expectStatus(await checkout('u-officer-1', asset, 'tomorrow'), 400).body;
    expect(notADate.details.map((d: { field: string }) => d.field)).toEqual(['expectedReturnAt']);

    // A short task: back in 20 seconds (the warning comes three quarters in, the miss at the expected instant).
    const asked = expectStatus(
      await checkout('u-officer-1', asset, new Date(Date.now() + 20_000).toISOString()),
      201,
    ).body;
    const out = expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${asked.id}/decision`)
        .set('authorization', head)
        .send({ approve: true }),
      200,
    ).body;
    expect(out.returnState).toBe('out');

    type Person = { unitId: string; responsibleUserId: string | null; missed: number; late: number };
    const boardOf = async () => {
      const res = await request(gateway)
        .get('/api/v1/supervision/deadlines')
        .query({ caseNo: asset, kind: 'device-return', pageSize: 100 })
        .set('authorization', head);
      return expectStatus(res, 200).body as { items: BoardItem[]; byPerson: Person[] };
    };
    const board = async () => (await boardOf()).items.filter((i) => i.limit === 'device-return');
    const lateOf = async () => (await boardOf()).byPerson.find((p) => p.responsibleUserId === 'u-officer-1')?.late ?? 0;
    const [missed] = await eventually(
      async () => {
        const items = await board();
        return items.some((i) => i.state === 'missed') ? items : undefined;
      },
      'the lapse recorded on the board',
      120_000,
    );
    expect(missed).toMatchObject({
      kind: 'device-return',
      caseNo: asset,
      unitId: 'unit-enforcement-1',
      responsibleUserId: 'u-officer-1',
    });
    expect(Date.parse(missed.deadline)).toBe(Date.parse(asked.expectedReturnAt));

    // The device shows it: the checkout overdue with its warning and its miss, the register flags the device.
    const log = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', officer), 200).body;
    expect(log.checkouts[0]).toMatchObject({ id: asked.id, returnState: 'overdue', borrowerName: '张执法' });
    expect(log.checkouts[0].returnNotices.map((n: { kind: string }) => n.kind)).toEqual(['warning', 'missed']);
    const list = expectStatus(await request(gateway).get(api).set('authorization', head), 200).body;
    expect(list.find((d: { assetNumber: string }) => d.assetNumber === asset).attention).toMatchObject({
      returnOverdue: true,
    });

    // Back at last: the limit is met, late — it leaves the board and counts against the borrower as late.
    const lateBefore = await lateOf();
    const back = expectStatus(
      await request(gateway).post(`${api}/checkouts/${asked.id}/return`).set('authorization', officer).send({}),
      200,
    ).body;
    expect(back).toMatchObject({ returnState: 'returned-late', exportState: 'pending' });
    await eventually(
      async () => ((await board()).length === 0 && (await lateOf()) === lateBefore + 1 ? true : undefined),
      'the late return off the board and counted late',
      60_000,
    );
  }, 240_000);
});
