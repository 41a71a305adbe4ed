import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * A device lost or damaged while checked out, on the real stack (SPEC R11, C2): the report ends the checkout instead
 * of a return — who, when, why, append-only — and closes its return limit on the supervision board, so no warning or
 * miss follows. A lost device leaves service as 丢失 and its footage is no longer due (said so on the checkout); a
 * damaged one is handed in, its footage due as after a return, and it stays out of use until a check finds it fixed.
 */
const api = '/api/v1/recording/devices';
const roster = '/api/v1/recording/device-administrators';
const ready = { battery: 'sufficient', storage: 'sufficient', clock: 'set', outcome: 'ok' };
const HOUR = 3_600_000;

type BoardItem = { kind: string; limit: string; caseNo: string; state: string; deadline: string };

const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

/** A body camera of unit 1, registered, checked out by officer 1 for `ms` and approved by their unit head. */
async function outFor(asset: string, ms: number) {
  const admin = await as('u-records-admin');
  const appoint = { userId: 'u-records-admin', name: '郑管理员', unitId: 'unit-records' };
  expectStatus(await request(gateway).post(roster).set('authorization', admin).send(appoint), 200);
  const device = {
    assetNumber: asset,
    kind: 'body-camera',
    unitId: 'unit-enforcement-1',
    administrator: 'u-records-admin',
  };
  expectStatus(await request(gateway).post(api).set('authorization', admin).send(device), 201);
  const asked = expectStatus(
    await request(gateway)
      .post(`${api}/${asset}/checkouts`)
      .set('authorization', await as('u-officer-1'))
      .send({ purpose: '夜间巡查', check: ready, expectedReturnAt: new Date(Date.now() + ms).toISOString() }),
    201,
  ).body;
  return expectStatus(
    await request(gateway)
      .post(`${api}/checkouts/${asked.id}/decision`)
      .set('authorization', await as('u-unit-head-1'))
      .send({ approve: true }),
    200,
  ).body as { id: string; expectedReturnAt: string; decision: { at: string } };
}

const report = async (user: string, id: string, body: Record<string, unknown>) =>
  request(gateway)
    .post(`${api}/checkouts/${id}/loss`)
    .set('authorization', await as(user))
    .send(body);

async function boardOf(asset: string, kind: string): Promise<BoardItem[]> {
  const res = await request(gateway)
    .get('/api/v1/supervision/deadlines')
    .query({ caseNo: asset, kind, pageSize: 100 })
    .set('authorization', await as('u-unit-head-1'));
  return (expectStatus(res, 200).body as { items: BoardItem[] }).items;
}

describe('a device lost or damaged while out, through the gateway (SPEC R11)', () => {
  it('R11, C2: a device lost while out ends its checkout as lost (who, when, why), is retired as lost, owes no export, and its return limit closes with no warning or miss afterwards; bad reports are refused in both languages naming the field', async () => {
    const asset = `LOST-${randomUUID().slice(0, 8)}`;
    // Back in 20 s: the warning would come at 15 s and the miss at 20 s, were the limit still running.
    const out = await outFor(asset, 20_000);
    await eventually(
      async () => ((await boardOf(asset, 'device-return')).length === 1 ? true : undefined),
      'the return limit on the board',
      30_000,
    );

    const future = expectStatus(
      await report('u-officer-1', out.id, {
        kind: 'lost',
        occurredAt: new Date(Date.now() + HOUR).toISOString(),
        reason: '巡查途中遗失',
      }),
      400,
    ).body;
    expect(future.details.map((d: { field: string }) => d.field)).toEqual(['occurredAt']);
    expect(future.message.zh).toContain('occurredAt');
    expect(future.message.zh).toContain('不得晚于现在');
    expect(future.message.en).toContain('occurredAt');
    const before = expectStatus(
      await report('u-officer-1', out.id, {
        kind: 'lost',
        occurredAt: new Date(Date.parse(out.decision.at) - HOUR).toISOString(),
        reason: '巡查途中遗失',
      }),
      400,
    ).body;
    expect(before.message.en).toContain('before the checkout was approved');
    const noExport = expectStatus(
      await report('u-officer-1', out.id, {
        kind: 'lost',
        occurredAt: new Date().toISOString(),
        reason: '巡查途中遗失',
        exportException: 'off-site',
      }),
      400,
    ).body;
    expect(noExport.details.map((d: { field: string }) => d.field)).toEqual(['exportException']);
    const badKind = expectStatus(
      await report('u-officer-1', out.id, { kind: 'stolen', occurredAt: new Date().toISOString(), reason: 'x' }),
      400,
    ).body;
    expect(badKind.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    const noReason = expectStatus(
      await report('u-officer-1', out.id, { kind: 'lost', occurredAt: new Date().toISOString() }),
      400,
    ).body;
    expect(noReason.details.map((d: { field: string }) => d.field)).toEqual(['reason']);
    // Another unit's officer does not know of the checkout (C1).
    expectStatus(
      await report('u-officer-2', out.id, { kind: 'lost', occurredAt: new Date().toISOString(), reason: 'x' }),
      404,
    );

    // A second ago, but never before the approval: on a quick run the approval may be younger than that.
    const occurredAt = new Date(Math.max(Date.parse(out.decision.at) + 1, Date.now() - 1_000)).toISOString();
    const lost = expectStatus(
      await report('u-officer-1', out.id, { kind: 'lost', occurredAt, reason: '巡查途中在河边遗失' }),
      201,
    ).body;
    expect(lost).toMatchObject({
      state: 'lost',
      returnState: 'returned',
      exportDueAt: null,
      exportState: 'lost-with-device',
      loss: { kind: 'lost', reason: '巡查途中在河边遗失', reportedBy: 'u-officer-1', reportedByName: '张执法' },
    });
    expect(Date.parse(lost.loss.occurredAt)).toBe(Date.parse(occurredAt));

    // Once: no return, no export, no second report; the device is retired as lost and stays in the register.
    const admin = await as('u-records-admin');
    const giveBack = await request(gateway)
      .post(`${api}/checkouts/${out.id}/return`)
      .set('authorization', admin)
      .send({});
    const refused = expectStatus(giveBack, 409).body;
    expect(refused.code).toBe('DEVICE.CHECKOUT_STATE');
    expect(refused.message.zh).toContain('lost');
    expect(refused.message.en).toContain('lost');
    const exported = await request(gateway)
      .post(`${api}/checkouts/${out.id}/export`)
      .set('authorization', admin)
      .send({ evidenceIds: [], memoryCleared: true, note: '设备丢失' });
    expect(expectStatus(exported, 409).body.code).toBe('DEVICE.CHECKOUT_STATE');
    const again = await report('u-records-admin', out.id, { kind: 'damaged', occurredAt, reason: '再次' });
    expect(expectStatus(again, 409).body.code).toBe('DEVICE.CHECKOUT_STATE');
    const device = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', admin), 200).body;
    expect(device).toMatchObject({ status: 'retired', retirement: { kind: 'lost', byName: '张执法' } });
    // What a person reads: the reporter's words and the report (who, when it happened), never the checkout's id.
    expect(device.retirement).toMatchObject({
      reason: '巡查途中在河边遗失',
      lossReport: {
        reportedBy: 'u-officer-1',
        reportedByName: '张执法',
        occurredAt: new Date(occurredAt).toISOString(),
      },
    });
    expect(device.retirement.reason).not.toContain(out.id);

    // The return limit is closed at the report: off the board, and past its warning and miss nothing fires.
    await eventually(
      async () => ((await boardOf(asset, 'device-return')).length === 0 ? true : undefined),
      'the return limit closed',
      30_000,
    );
    const quietUntil = Date.parse(out.expectedReturnAt) + 5_000;
    await new Promise((r) => setTimeout(r, Math.max(0, quietUntil - Date.now())));
    const later = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', admin), 200).body;
    expect(later.checkouts[0]).toMatchObject({ state: 'lost', returnNotices: [], exportNotices: [] });
    expect(await boardOf(asset, 'device-return')).toEqual([]);
    expect(await boardOf(asset, 'device-export')).toEqual([]);
  }, 180_000);

  it('R11, C2: a device damaged while out is handed in by the report — its footage due within 24 h on an off-site exception, the device out of use until a check finds it fixed', async () => {
    const asset = `DMG-${randomUUID().slice(0, 8)}`;
    const out = await outFor(asset, 8 * HOUR);
    const head = await as('u-unit-head-1');
    const damaged = expectStatus(
      await report('u-unit-head-1', out.id, {
        kind: 'damaged',
        occurredAt: new Date().toISOString(),
        reason: '执法中被当事人摔坏，屏幕碎裂',
        exportException: 'off-site',
      }),
      201,
    ).body;
    expect(damaged).toMatchObject({
      state: 'damaged',
      returnState: 'returned',
      exportException: 'off-site',
      exportState: 'pending',
      loss: { kind: 'damaged', reportedBy: 'u-unit-head-1' },
    });
    expect(Date.parse(damaged.exportDueAt) - Date.parse(damaged.loss.reportedAt)).toBe(24 * HOUR);

    // The export limit runs for the borrower, as after a return; the return limit is closed.
    const [due] = await eventually(
      async () => {
        const items = await boardOf(asset, 'device-export');
        return items.length === 1 ? items : undefined;
      },
      'the export limit on the board',
      30_000,
    );
    expect(Date.parse(due.deadline)).toBe(Date.parse(damaged.exportDueAt));
    await eventually(
      async () => ((await boardOf(asset, 'device-return')).length === 0 ? true : undefined),
      'the return limit closed',
      30_000,
    );

    // Out of use: no checkout until the administrator's check finds it fixed.
    const admin = await as('u-records-admin');
    const ask = () =>
      request(gateway)
        .post(`${api}/${asset}/checkouts`)
        .set('authorization', head)
        .send({ purpose: '复查', check: ready, expectedReturnAt: new Date(Date.now() + HOUR).toISOString() });
    const busy = expectStatus(await ask(), 409).body;
    expect(busy).toMatchObject({ code: 'DEVICE.NOT_AVAILABLE' });
    expect(busy.message.zh).toContain('故障');

    // Nothing could be saved from it: the export says so, with the memory cleared (the card was wiped at repair).
    const exported = expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${out.id}/export`)
        .set('authorization', admin)
        .send({ evidenceIds: [], memoryCleared: true, note: '存储卡损坏，无可导出的音像' }),
      200,
    ).body;
    expect(exported).toMatchObject({ state: 'damaged', exportState: 'exported' });
    await eventually(
      async () => ((await boardOf(asset, 'device-export')).length === 0 ? true : undefined),
      'the export limit met',
      30_000,
    );

    const fixed = expectStatus(
      await request(gateway).post(`${api}/${asset}/checks`).set('authorization', admin).send(ready),
      201,
    ).body;
    expect(fixed.status).toBe('available');
    expectStatus(await ask(), 201);
  }, 180_000);
});
