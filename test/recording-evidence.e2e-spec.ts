import { createHash, randomBytes } from 'node:crypto';
import { chmod, open } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { bearer, expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { CHUNK, footage, head, patch, tusMetadata } from './evidence/tus';

/*
 * The evidence store end to end on the real stack (SPEC R5, R6, R7): a body-camera file of several GiB, generated on
 * the fly and streamed, uploaded with tus through the gateway, cut off part-way and resumed from the offset the
 * server reports; the file becomes the seizure's full-process AV, so the step can complete; verify re-hashes it;
 * a byte changed on disk is named by verify; another unit's officer meets 404 everywhere.
 * EVIDENCE_E2E_BYTES sets the size (default 2 GiB).
 */
const env = stackEnv() as unknown as Record<string, string>;
const SIZE = Number(process.env.EVIDENCE_E2E_BYTES ?? 2 * 1024 ** 3);
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const OFFICERS = [
  { name: '张执法', certificateNo: '43040001', certificateShown: true },
  { name: '王执法', certificateNo: '43040002', certificateShown: true },
];

describe('the evidence store through the gateway (SPEC R5, R6, R7)', () => {
  it(`R5, R6, R7: a ${Math.round(SIZE / 1024 ** 2)} MiB file uploaded, interrupted and resumed, meets the seizure's AV need; tampering is named; another unit gets 404`, async () => {
    const journey = await ReviewJourney.initiated('EV');
    const caseNo = journey.caseNo;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const officer = await bearer('u-officer-1');
    const otherUnit = await bearer('u-officer-2');
    const admin = `Bearer ${await tokenFor('u-records-admin')}`;

    // A seizure under full-process AV (R5): investigation cannot complete without its footage.
    await request(gateway)
      .post(`${base}/records`)
      .set('authorization', await bearer('u-agency-head'))
      .send({
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
      })
      .expect(201);
    await request(gateway).post(`${base}/steps/initiation/complete`).set('authorization', officer).send({}).expect(200);
    const startedAt = iso(-2 * HOUR);
    const endedAt = iso(-1 * HOUR);
    const seizure = await request(gateway)
      .post(`${base}/records`)
      .set('authorization', officer)
      .send({
        type: 'seizure',
        fields: {
          officers: OFFICERS,
          basis: '《行政强制法》第二十二条',
          necessity: '防止证据灭失',
          items: ['账簿三册'],
          place: '某路1号',
          startedAt,
          endedAt,
          signedBy: '当事人代表',
        },
      });
    const [seizureId] = expectStatus(seizure, 201).body.recordIds as string[];
    expectStatus(
      await request(gateway).post(`${base}/steps/investigation/complete`).set('authorization', officer).send({}),
      422,
    );

    const metadata = {
      caseNumber: caseNo,
      recordId: seizureId,
      kind: 'video',
      party: '某养老服务有限公司',
      officer: 'u-officer-1',
      device: 'DSJ-007',
      startedAt: iso(-2 * HOUR - 60_000),
      endedAt: iso(-1 * HOUR + 60_000),
      place: '衡阳市某区某路1号',
      fileName: 'DSJ007_20300304_0900.mp4',
    };
    const create = (auth: string, meta: Record<string, unknown>) =>
      request(gateway)
        .post('/api/v1/evidence/uploads')
        .set('authorization', auth)
        .set('tus-resumable', '1.0.0')
        .set('upload-length', String(SIZE))
        .set('upload-metadata', tusMetadata(meta));

    // R7 at the edge: a gap whose footage is lost needs a written report, named in both languages.
    const lost = expectStatus(
      await create(officer, {
        ...metadata,
        interruptions: [{ at: iso(-1.5 * HOUR), reason: '存储卡损坏', lost: true }],
      }),
      400,
    ).body;
    expect(lost.details.map((d: { field: string }) => d.field)).toEqual(['lossReport']);
    expect(lost.message.zh).toContain('书面说明');
    expect(lost.message.en).toContain('written report');
    // C1: another unit cannot even learn the case exists.
    expectStatus(await create(otherUnit, metadata), 404);

    const created = expectStatus(await create(officer, metadata), 201);
    const location = created.headers.location;
    expect(location).toMatch(/^\/api\/v1\/evidence\/uploads\/[0-9a-f-]{36}$/);

    const block = randomBytes(CHUNK);
    const expected = createHash('sha256');
    for (const chunk of footage(block, 0, SIZE)) expected.update(chunk);
    const sha256 = expected.digest('hex');

    // R6: the connection drops part-way; the server keeps what arrived and says where to resume.
    expect(await patch(gateway, location, officer, 0, footage(block, 0, SIZE), Math.floor(SIZE * 0.4))).toBe('cut');
    expectStatus(await head(gateway, location, otherUnit), 404);
    let offset = await eventually(async () => {
      const h = await head(gateway, location, officer);
      const at = Number(h.headers['upload-offset']);
      return h.status === 200 && at > 0 ? at : undefined;
    }, 'the upload offset after the interruption');
    expect(offset).toBeLessThan(SIZE);

    let done: { status: number; headers: Record<string, string | string[] | undefined> } | undefined;
    for (let attempt = 0; attempt < 5 && !done; attempt++) {
      const res = await patch(gateway, location, officer, offset, footage(block, offset, SIZE));
      if (res !== 'cut' && res.status === 204) done = res;
      else offset = Number((await head(gateway, location, officer)).headers['upload-offset']);
    }
    expect(done?.headers['evidence-sha256']).toBe(sha256);
    expect(done?.headers['evidence-attached']).toBe('true');
    const evidenceId = done?.headers['evidence-id'] as string;

    // R5, R6: the seizure's AV is handed over, so the investigation completes.
    expect(
      expectStatus(
        await request(gateway).post(`${base}/steps/investigation/complete`).set('authorization', officer).send({}),
        200,
      ).body.step,
    ).toBe('review');

    const listed = expectStatus(await request(gateway).get(`${base}/evidence`).set('authorization', officer), 200).body;
    expect(listed).toEqual([
      expect.objectContaining({ id: evidenceId, sha256, size: SIZE, recordId: seizureId, store: 'local' }),
    ]);
    expectStatus(await request(gateway).get(`${base}/evidence`).set('authorization', otherUnit), 404);
    expectStatus(await request(gateway).get(`${base}/evidence/verify`).set('authorization', otherUnit), 404);

    const intact = expectStatus(
      await request(gateway).get(`${base}/evidence/verify`).set('authorization', admin),
      200,
    ).body;
    expect(intact).toMatchObject({ intact: true, filesChecked: 1, bytesChecked: SIZE, problems: [] });

    // R7: one byte changed in the stored file is named: which file, which case, which hash it no longer has.
    const stored = join(env.EVIDENCE_DIR, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await chmod(stored, 0o644);
    const fh = await open(stored, 'r+');
    await fh.write(Buffer.from([0x42]), 0, 1, Math.floor(SIZE / 2));
    await fh.close();
    const altered = expectStatus(
      await request(gateway).get(`/api/v1/evidence/files/${evidenceId}/verify`).set('authorization', admin),
      200,
    ).body;
    expect(altered.intact).toBe(false);
    expect(altered.problems).toEqual([
      expect.objectContaining({ kind: 'file-altered', evidenceId, caseNumber: caseNo, recordId: seizureId, sha256 }),
    ]);
    expect(altered.problems[0].zh).toContain('篡改');
    expect(altered.problems[0].en).toContain(metadata.fileName);
  }, 600_000);
});
