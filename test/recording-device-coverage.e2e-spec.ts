import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * Body cameras per unit on the real stack (SPEC R11; seed 000 三(二)3(1): 每5名执法人员至少配备一台执法记录仪). The
 * officers come from the user directory — on the test stack the demo users: unit 1 has two officers, unit 2 one,
 * unit 3 one (and no body camera that stays in service: this test loses the one it gives it). The cameras are the
 * register's body cameras in service; one lost no longer counts.
 */
const api = '/api/v1/recording/devices';
const coverageApi = '/api/v1/recording/device-coverage';
const roster = '/api/v1/recording/device-administrators';

type Coverage = { unitId: string; officers: number; bodyCameras: number; required: number; shortfall: number };

const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

async function coverage(user: string): Promise<Coverage[]> {
  const res = await request(gateway)
    .get(coverageApi)
    .set('authorization', await as(user));
  return expectStatus(res, 200).body as Coverage[];
}

const unitOf = (rows: Coverage[], unitId: string) => rows.find((r) => r.unitId === unitId);

describe('body cameras per unit, through the gateway (SPEC R11, seed 000)', () => {
  it('R11: unit 3’s one officer needs one body camera — registered, the shortfall is gone; lost, it no longer counts and the shortfall is back; a video camera never counts', async () => {
    const run = randomUUID().slice(0, 8);
    const admin = await as('u-records-admin');
    const appoint = { userId: 'u-records-admin', name: '郑管理员', unitId: 'unit-records' };
    expectStatus(await request(gateway).post(roster).set('authorization', admin).send(appoint), 200);

    const before = unitOf(await coverage('u-legal-reviewer'), 'unit-enforcement-3')!;
    expect(before).toMatchObject({ officers: 1, required: 1 });
    expect(before.shortfall).toBe(Math.max(0, 1 - before.bodyCameras));

    const register = (assetNumber: string, kind: string) =>
      request(gateway)
        .post(api)
        .set('authorization', admin)
        .send({ assetNumber, kind, unitId: 'unit-enforcement-3', administrator: 'u-records-admin' });
    expectStatus(await register(`COV-V-${run}`, 'video-camera'), 201);
    const afterVideo = unitOf(await coverage('u-records-admin'), 'unit-enforcement-3')!;
    expect(afterVideo.bodyCameras).toBe(before.bodyCameras);

    expectStatus(await register(`COV-${run}`, 'body-camera'), 201);
    const equipped = unitOf(await coverage('u-legal-head'), 'unit-enforcement-3');
    expect(equipped).toMatchObject({ officers: 1, bodyCameras: before.bodyCameras + 1, required: 1, shortfall: 0 });

    // 丢失: retired as lost, it stays in the register but leaves the count.
    const lost = await request(gateway)
      .post(`${api}/COV-${run}/retirement`)
      .set('authorization', admin)
      .send({ kind: 'lost', reason: '外勤途中遗失，多方寻找未果' });
    expectStatus(lost, 201);
    const after = unitOf(await coverage('u-legal-reviewer'), 'unit-enforcement-3')!;
    expect(after).toEqual(before);
  }, 120_000);

  it('R11, C1: a unit head sees their own unit only, the officers counted from the directory; the legal section and the records administrator see every unit; an officer is refused in both languages', async () => {
    const head1 = await coverage('u-unit-head-1');
    expect(head1.map((r) => r.unitId)).toEqual(['unit-enforcement-1']);
    expect(head1[0]).toMatchObject({ officers: 2, required: 1 });
    expect(head1[0].shortfall).toBe(Math.max(0, 1 - head1[0].bodyCameras));
    const head2 = await coverage('u-unit-head-2');
    expect(head2.map((r) => r.unitId)).toEqual(['unit-enforcement-2']);
    expect(head2[0]).toMatchObject({ officers: 1, required: 1 });

    for (const user of ['u-legal-reviewer', 'u-legal-head', 'u-records-admin']) {
      const units = (await coverage(user)).map((r) => r.unitId);
      expect(units).toEqual(expect.arrayContaining(['unit-enforcement-1', 'unit-enforcement-2', 'unit-enforcement-3']));
    }
    // The cameras counted are the register's: the administrator's list agrees for unit 1.
    const register = expectStatus(
      await request(gateway)
        .get(api)
        .set('authorization', await as('u-records-admin')),
      200,
    ).body as { kind: string; unitId: string; status: string }[];
    const inService = register.filter(
      (d) => d.kind === 'body-camera' && d.unitId === 'unit-enforcement-1' && d.status !== 'retired',
    ).length;
    expect(unitOf(await coverage('u-records-admin'), 'unit-enforcement-1')!.bodyCameras).toBe(inService);

    const refused = await request(gateway)
      .get(coverageApi)
      .set('authorization', await as('u-officer-1'));
    const body = expectStatus(refused, 403).body as { message: { zh: string; en: string } };
    expect(body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(body.message.en).toMatch(/[a-z]/);
  }, 120_000);
});
