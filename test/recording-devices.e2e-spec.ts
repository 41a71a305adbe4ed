import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { deviceExportWorkflowId } from '@enforcement/domain';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { bearer, expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * 执法记录仪 end to end on the real stack (SPEC R11): the administrator registers a device; a defect found in the
 * pre-use check keeps it in (and out of use until the administrator's check); the head of the borrower's unit
 * approves a checkout — never the borrower, never another unit; the return starts the 24-hour export limit, which the
 * recorded hand-over of the device's footage (evidence uploaded with the device's number) closes.
 */
const HOUR = 3_600_000;
const api = '/api/v1/recording/devices';
const ready = { battery: 'sufficient', storage: 'sufficient', clock: 'set', outcome: 'ok' };
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A small body-camera file of `caseNo` recorded on `device`, uploaded with tus through the gateway. */
async function uploadFrom(device: string, caseNo: string, recordId: string): Promise<string> {
  const officer = await bearer('u-officer-1');
  const bytes = randomBytes(64 * 1024);
  const at = (offset: number) => new Date(Date.now() + offset).toISOString();
  const meta = {
    caseNumber: caseNo,
    recordId,
    kind: 'video',
    party: '某养老服务有限公司',
    officer: 'u-officer-1',
    device,
    startedAt: at(-3 * HOUR),
    endedAt: at(-2 * HOUR),
    place: '衡阳市某区某路1号',
    fileName: `${device}_clip.mp4`,
  };
  const created = await request(gateway)
    .post('/api/v1/evidence/uploads')
    .set('authorization', officer)
    .set('tus-resumable', '1.0.0')
    .set('upload-length', String(bytes.length))
    .set(
      'upload-metadata',
      Object.entries(meta)
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(','),
    );
  const location = expectStatus(created, 201).headers.location;
  const done = await request(gateway)
    .patch(location)
    .set('authorization', officer)
    .set('tus-resumable', '1.0.0')
    .set('upload-offset', '0')
    .set('content-type', 'application/offset+octet-stream')
    .send(bytes);
  expectStatus(done, 204);
  return done.headers['evidence-id'];
}

describe('devices through the gateway (SPEC R11)', () => {
  let connection: Connection;
  afterAll(async () => {
    await connection?.close();
  });

  it('R11: register; a defective check refused; checkout approved by the unit head only; return (back from off-site work: export due in 24 h, an unknown reason 400); export in time closes the limit; wrong role and another unit refused', async () => {
    const run = randomUUID().slice(0, 8);
    const asset = `DSJ-${run}`;
    const admin = `Bearer ${await tokenFor('u-records-admin')}`;
    const officer = await bearer('u-officer-1');
    const head = await bearer('u-unit-head-1');
    const otherOfficer = await bearer('u-officer-2');
    const otherHead = await bearer('u-unit-head-2');
    const device = {
      assetNumber: asset,
      kind: 'body-camera',
      unitId: 'unit-enforcement-1',
      administrator: 'u-records-admin',
    };

    // The administrator named must be on the roster (管理员名册) first; only the records administrator registers
    // (000 附件6 第六条 指定专人管理).
    expect(
      expectStatus(
        await request(gateway)
          .post(api)
          .set('authorization', admin)
          .send({ ...device, administrator: `u-nobody-${run}` }),
        422,
      ).body.code,
    ).toBe('DEVICE.NOT_ON_ROSTER');
    expectStatus(
      await request(gateway)
        .post('/api/v1/recording/device-administrators')
        .set('authorization', admin)
        .send({ userId: 'u-records-admin', name: '郑管理员', unitId: 'unit-records' }),
      200,
    );
    expectStatus(await request(gateway).post(api).set('authorization', officer).send(device), 403);
    const registered = expectStatus(await request(gateway).post(api).set('authorization', admin).send(device), 201);
    expect(registered.body).toMatchObject({
      assetNumber: asset,
      status: 'available',
      registeredBy: 'u-records-admin',
      registeredByName: '郑管理员',
      administratorName: '郑管理员',
    });
    expectStatus(await request(gateway).post(api).set('authorization', admin).send(device), 409);
    const badKind = expectStatus(
      await request(gateway)
        .post(api)
        .set('authorization', admin)
        .send({ ...device, kind: 'drone' }),
      400,
    ).body;
    expect(JSON.stringify(badKind.details)).toContain('kind');

    // A defect found before use: refused with the check named, recorded, and the device stays in until fixed.
    const checkout = (auth: string, check: Record<string, string>) =>
      request(gateway)
        .post(`${api}/${asset}/checkouts`)
        .set('authorization', auth)
        .send({ purpose: '养老机构现场检查', check, expectedReturnAt: new Date(Date.now() + 8 * HOUR).toISOString() });
    const defect = expectStatus(await checkout(officer, { ...ready, outcome: 'defect', note: '无法开机' }), 422).body;
    expect(defect.code).toBe('DEVICE.CHECK_FAILED');
    expect(defect.details.map((d: { field: string }) => d.field)).toEqual(['check.outcome']);
    expect(defect.message.zh).toContain('使用前检查未通过');
    expect(defect.message.en).toContain('pre-use check failed');
    expect(expectStatus(await checkout(officer, ready), 409).body.code).toBe('DEVICE.NOT_AVAILABLE');
    const fixed = expectStatus(
      await request(gateway)
        .post(`${api}/${asset}/checks`)
        .set('authorization', admin)
        .send({ ...ready, note: '已维修' }),
      201,
    ).body;
    expect(fixed.status).toBe('available');
    const lowBattery = expectStatus(await checkout(officer, { ...ready, battery: 'low' }), 422).body;
    expect(lowBattery.details.map((d: { field: string }) => d.field)).toEqual(['check.battery']);

    // Another unit cannot even see the device.
    expectStatus(await checkout(otherOfficer, ready), 404);
    expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', otherOfficer), 404);

    const asked = expectStatus(await checkout(officer, ready), 201).body;
    expect(asked).toMatchObject({ state: 'requested', borrower: 'u-officer-1', assetNumber: asset });
    const decide = (auth: string, body: Record<string, unknown> = { approve: true }) =>
      request(gateway).post(`${api}/checkouts/${asked.id}/decision`).set('authorization', auth).send(body);
    // An officer is not an approver (role), another unit's head does not see it, the head decides.
    expectStatus(await decide(officer), 403);
    expectStatus(await decide(otherHead), 404);
    expectStatus(await decide(head, { approve: false }), 400);
    const out = expectStatus(await decide(head), 200).body;
    expect(out).toMatchObject({
      state: 'checked-out',
      approvedBy: 'u-unit-head-1',
      approvedByName: '李科长',
      borrowerName: '张执法',
      returnState: 'out',
    });
    expect(expectStatus(await decide(head), 409).body.code).toBe('DEVICE.CHECKOUT_STATE');

    // Separation of duties: a unit head borrowing a device cannot approve their own checkout.
    const spare = `${asset}-B`;
    expectStatus(
      await request(gateway)
        .post(api)
        .set('authorization', admin)
        .send({ ...device, assetNumber: spare }),
      201,
    );
    const own = expectStatus(
      await request(gateway)
        .post(`${api}/${spare}/checkouts`)
        .set('authorization', head)
        .send({ purpose: '听证', check: ready, expectedReturnAt: new Date(Date.now() + 4 * HOUR).toISOString() }),
      201,
    ).body;
    const refused = expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${own.id}/decision`)
        .set('authorization', head)
        .send({ approve: true }),
      403,
    ).body;
    expect(refused.code).toBe('DEVICE.OWN_CHECKOUT');

    // The return starts the export limit (000 附件6 第十九条): the same day, or — here, back from work away from the
    // unit — 24 hours (the same-day rule's dates are proven in libs/domain and on the workflow).
    expectStatus(
      await request(gateway).post(`${api}/checkouts/${asked.id}/return`).set('authorization', otherOfficer).send({}),
      404,
    );
    const unknownReason = expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${asked.id}/return`)
        .set('authorization', officer)
        .send({ exportException: 'holiday' }),
      400,
    ).body;
    expect(unknownReason.message.zh).toBeTruthy();
    expect(unknownReason.details.map((d: { field: string }) => d.field)).toEqual(['exportException']);
    const back = expectStatus(
      await request(gateway)
        .post(`${api}/checkouts/${asked.id}/return`)
        .set('authorization', officer)
        .send({ exportException: 'off-site' }),
      200,
    ).body;
    expect(back).toMatchObject({
      state: 'returned',
      exportException: 'off-site',
      exportState: 'pending',
      returnState: 'returned',
      receivedByName: '张执法',
    });
    expect(Date.parse(back.exportDueAt) - Date.parse(back.returnedAt)).toBe(24 * HOUR);
    const env = stackEnv();
    connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    const limit = temporal.workflow.getHandle(deviceExportWorkflowId(asked.id));
    expect((await limit.describe()).status.name).toBe('RUNNING');

    // The hand-over: the footage uploaded as evidence with the device's number, then the export recorded.
    const journey = await ReviewJourney.initiated('DV');
    const approval = await request(gateway)
      .post(`/api/v1/cases/${encodeURIComponent(journey.caseNo)}/records`)
      .set('authorization', await bearer('u-agency-head'))
      .send({
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: new Date().toISOString(), basis: '《行政处罚法》第五十四条' },
      });
    const [recordId] = expectStatus(approval, 201).body.recordIds as string[];
    const evidenceId = await uploadFrom(asset, journey.caseNo, recordId);
    const otherFile = await uploadFrom(`OTHER-${run}`, journey.caseNo, recordId);
    const exportAs = (auth: string, body: Record<string, unknown>) =>
      request(gateway).post(`${api}/checkouts/${asked.id}/export`).set('authorization', auth).send(body);
    const wrongFile = expectStatus(
      await exportAs(officer, { evidenceIds: [otherFile], memoryCleared: true }),
      422,
    ).body;
    expect(wrongFile.details.map((d: { field: string }) => d.field)).toEqual(['evidenceIds']);
    expect(wrongFile.message.en).toContain(otherFile);
    const notCleared = expectStatus(
      await exportAs(officer, { evidenceIds: [evidenceId], memoryCleared: false }),
      422,
    ).body;
    expect(notCleared.details.map((d: { field: string }) => d.field)).toEqual(['memoryCleared']);
    const exported = expectStatus(
      await exportAs(officer, { evidenceIds: [evidenceId], memoryCleared: true }),
      200,
    ).body;
    expect(exported.export).toMatchObject({ evidenceIds: [evidenceId], memoryCleared: true, recordedByName: '张执法' });
    expect(exported.exportState).toBe('exported');
    await eventually(
      async () => ((await limit.describe()).status.name === 'COMPLETED' ? true : undefined),
      'the export limit closed by the hand-over',
    );

    // The device's log (使用档案): who, approver, times, export; no late-export notice; available again.
    const log = expectStatus(await request(gateway).get(`${api}/${asset}`).set('authorization', head), 200).body;
    expect(log.status).toBe('available');
    expect(log.checks.map((c: { purpose: string; outcome: string }) => `${c.purpose}:${c.outcome}`)).toEqual([
      'pre-use:ok',
      'pre-use:ok',
      'periodic:ok',
      'pre-use:defect',
    ]);
    expect(log.checkouts[0]).toMatchObject({
      id: asked.id,
      borrower: 'u-officer-1',
      approvedBy: 'u-unit-head-1',
      state: 'returned',
      exportNotices: [],
    });
    const listed = expectStatus(await request(gateway).get(api).set('authorization', otherOfficer), 200).body;
    expect(listed.map((d: { assetNumber: string }) => d.assetNumber)).not.toContain(asset);
  }, 180_000);
});
