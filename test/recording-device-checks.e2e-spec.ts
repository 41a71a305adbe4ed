import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * The periodic check as a limit, on the real stack (SPEC R11, C2; 000 附件6 第七条): a registered device's check is due
 * within DEVICE_CHECK_INTERVAL, and that shows where every other limit does — on the supervision board (kind
 * `device-check`) and in the records administrator's 我的待办, with the due instant the device page shows. The
 * administrator's check meets it and the next interval starts from the check; a retirement closes it. (The warning
 * and the miss, 29 and 30 days on, are timed by the time-skipping workflow test.)
 */
const api = '/api/v1/recording/devices';
const roster = '/api/v1/recording/device-administrators';
const ready = { battery: 'sufficient', storage: 'sufficient', clock: 'set', outcome: 'ok' };

type Item = {
  kind: string;
  subjectId: string;
  caseNo: string;
  state: string;
  deadline: string;
  responsibleUserId: string | null;
};
type Task = {
  kind: string;
  caseNo: string;
  deadline: string;
  link: string | null;
  subject: { type: string; id: string };
};

const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

async function board(asset: string): Promise<Item[]> {
  const res = await request(gateway)
    .get('/api/v1/supervision/deadlines')
    .query({ caseNo: asset, kind: 'device-check', pageSize: 100 })
    .set('authorization', await as('u-legal-head'));
  return (expectStatus(res, 200).body as { items: Item[] }).items;
}

async function tasks(user: string, asset: string): Promise<Task[]> {
  const mine: Task[] = [];
  for (let page = 1; ; page += 1) {
    const res = await request(gateway)
      .get('/api/v1/tasks/mine')
      .query({ kind: 'device-check', page, pageSize: 100 })
      .set('authorization', await as(user));
    const body = expectStatus(res, 200).body as { total: number; items: Task[] };
    mine.push(...body.items);
    if (body.items.length === 0 || mine.length >= body.total) break;
  }
  return mine.filter((t) => t.caseNo === asset);
}

const boardUntil = (asset: string, ok: (items: Item[]) => boolean, what: string) =>
  eventually(
    async () => {
      const items = await board(asset);
      return ok(items) ? items : undefined;
    },
    what,
    60_000,
  );

describe('the periodic device check as a limit, through the gateway (SPEC R11, C2)', () => {
  it('R11, C2: a registered device’s periodic check runs on the board and in the records administrator’s 我的待办 until the check, which starts the next interval from itself; a retirement closes it', async () => {
    const asset = `CHK-${randomUUID().slice(0, 8)}`;
    const admin = await as('u-records-admin');
    const appoint = { userId: 'u-records-admin', name: '郑管理员', unitId: 'unit-records' };
    expectStatus(await request(gateway).post(roster).set('authorization', admin).send(appoint), 200);
    const device = {
      assetNumber: asset,
      kind: 'body-camera',
      unitId: 'unit-enforcement-1',
      administrator: 'u-records-admin',
    };
    const registered = expectStatus(
      await request(gateway).post(api).set('authorization', admin).send(device),
      201,
    ).body;
    const firstDue = registered.periodicCheck.nextDueAt as string;

    const [first] = await boardUntil(asset, (items) => items.length === 1, 'the first interval on the board');
    expect(first).toMatchObject({
      kind: 'device-check',
      state: 'running',
      responsibleUserId: 'u-records-admin',
      // One limit per interval, named by the instant it runs from: here the registration.
      subjectId: `device-check:${asset}@${registered.registeredAt}`,
    });
    expect(Date.parse(first.deadline)).toBe(Date.parse(firstDue));
    const [task] = await eventually(
      async () => {
        const mine = await tasks('u-records-admin', asset);
        return mine.length === 1 ? mine : undefined;
      },
      'the check in the administrator’s 我的待办',
      60_000,
    );
    expect(task).toMatchObject({ kind: 'device-check', subject: { type: 'device', id: asset }, link: '/devices' });
    expect(Date.parse(task.deadline)).toBe(Date.parse(firstDue));
    // An officer of the unit checks no devices: not theirs.
    expect(await tasks('u-officer-1', asset)).toEqual([]);

    // The check meets the interval; the next runs from the check, to the date the page shows.
    const checked = expectStatus(
      await request(gateway).post(`${api}/${asset}/checks`).set('authorization', admin).send(ready),
      201,
    ).body;
    const nextDue = checked.periodicCheck.nextDueAt as string;
    expect(Date.parse(nextDue)).toBeGreaterThanOrEqual(Date.parse(firstDue));
    // (Registered and checked the same day, both intervals end the same day: W5 counts N日 by dates.)
    const [next] = await boardUntil(
      asset,
      (items) => items.length === 1 && items[0].subjectId !== first.subjectId,
      'the next interval on the board, the first one met',
    );
    expect(next.subjectId).toBe(`device-check:${asset}@${checked.periodicCheck.lastCheckAt}`);
    expect(Date.parse(next.deadline)).toBe(Date.parse(nextDue));

    // Retired: no more checks are due.
    expectStatus(
      await request(gateway)
        .post(`${api}/${asset}/retirement`)
        .set('authorization', admin)
        .send({ kind: 'decommissioned', reason: '型号淘汰' }),
      201,
    );
    await boardUntil(asset, (items) => items.length === 0, 'the interval closed by the retirement');
    expect(await tasks('u-records-admin', asset)).toEqual([]);
  }, 180_000);
});
