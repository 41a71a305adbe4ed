import { createHash, randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import request from 'supertest';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { bearer, expectStatus, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { footage, head, patch, tusMetadata, type PatchResult } from './evidence/tus';

/*
 * The evidence flow of recording-evidence.e2e-spec.ts against the S3 store (SPEC R5, R6, R7): the test stack runs
 * SeaweedFS (a real S3 server, built from its Go module) and a replica of recording-svc whose evidence store is S3,
 * behind its own gateway (infra/local/services: recording-svc-s3, gateway-s3). A file uploaded with tus, cut off and
 * resumed, lands in the bucket under its hash (and nowhere on local disk); verify re-hashes it from S3; one byte
 * changed in the object, and then the object deleted, are each named by verify.
 * EVIDENCE_S3_E2E_BYTES sets the size (default 512 MiB: 64 multipart parts of 8 MiB; the local-store test already
 * covers several GiB).
 */
const env = stackEnv() as unknown as Record<string, string>;
const gatewayS3 = `http://127.0.0.1:${process.env.GATEWAY_S3_PORT ?? '3105'}`;
const SIZE = Number(process.env.EVIDENCE_S3_E2E_BYTES ?? 512 * 1024 ** 2);
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const OFFICERS = [
  { name: '张执法', certificateNo: '43040001', certificateShown: true },
  { name: '王执法', certificateNo: '43040002', certificateShown: true },
];

function s3Client(): S3Client {
  const missing = ['EVIDENCE_S3_ENDPOINT', 'EVIDENCE_S3_BUCKET', 'EVIDENCE_S3_ACCESS_KEY_ID'].filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new Error(`the test stack runs no S3 server (${missing.join(', ')} missing): start it with STACK_S3=on`);
  }
  return new S3Client({
    endpoint: env.EVIDENCE_S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: env.EVIDENCE_S3_ACCESS_KEY_ID, secretAccessKey: env.EVIDENCE_S3_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Flips the byte at `at` of a passing stream: tampering by someone holding the bucket's keys. */
function flipByteAt(at: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (at >= seen && at < seen + chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[at - seen] ^= 0xff;
      }
      seen += chunk.length;
      done(null, chunk);
    },
  });
}

describe('the evidence store on S3 through the gateway (SPEC R5, R6, R7)', () => {
  const s3 = s3Client();
  afterAll(() => s3.destroy());

  it(`R5, R6, R7: a ${Math.round(SIZE / 1024 ** 2)} MiB file uploaded, interrupted and resumed, is stored in S3 under its hash and meets the seizure's AV need; a byte changed and the object deleted are each named by verify`, async () => {
    const journey = await ReviewJourney.initiated('EVS3');
    const caseNo = journey.caseNo;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const officer = await bearer('u-officer-1');
    const otherUnit = await bearer('u-officer-2');
    const admin = `Bearer ${await tokenFor('u-records-admin')}`;

    await request(gatewayS3)
      .post(`${base}/records`)
      .set('authorization', await bearer('u-agency-head'))
      .send({
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
      })
      .expect(201);
    await request(gatewayS3)
      .post(`${base}/steps/initiation/complete`)
      .set('authorization', officer)
      .send({})
      .expect(200);
    const seizure = await request(gatewayS3)
      .post(`${base}/records`)
      .set('authorization', officer)
      .send({
        type: 'seizure',
        fields: {
          officers: OFFICERS,
          basis: '《行政强制法》第二十二条',
          necessity: '防止证据灭失',
          items: ['冷冻食品十二箱'],
          place: '某路2号',
          startedAt: iso(-2 * HOUR),
          endedAt: iso(-1 * HOUR),
          signedBy: '当事人代表',
        },
      });
    const [seizureId] = expectStatus(seizure, 201).body.recordIds as string[];
    expectStatus(
      await request(gatewayS3).post(`${base}/steps/investigation/complete`).set('authorization', officer).send({}),
      422,
    );

    const metadata = {
      caseNumber: caseNo,
      recordId: seizureId,
      kind: 'video',
      party: '某冷链物流有限公司',
      officer: 'u-officer-1',
      device: 'DSJ-012',
      startedAt: iso(-2 * HOUR - 60_000),
      endedAt: iso(-1 * HOUR + 60_000),
      place: '衡阳市某区某路2号',
      fileName: 'DSJ012_20300305_1400.mp4',
    };
    const created = expectStatus(
      await request(gatewayS3)
        .post('/api/v1/evidence/uploads')
        .set('authorization', officer)
        .set('tus-resumable', '1.0.0')
        .set('upload-length', String(SIZE))
        .set('upload-metadata', tusMetadata(metadata)),
      201,
    );
    const location = created.headers.location;

    const block = randomBytes(4 * 1024 * 1024);
    const expected = createHash('sha256');
    for (const chunk of footage(block, 0, SIZE)) expected.update(chunk);
    const sha256 = expected.digest('hex');

    // R6: cut off part-way, resumed from the offset the server reports.
    expect(await patch(gatewayS3, location, officer, 0, footage(block, 0, SIZE), Math.floor(SIZE * 0.4))).toBe('cut');
    expectStatus(await head(gatewayS3, location, otherUnit), 404);
    let offset = await eventually(async () => {
      const h = await head(gatewayS3, location, officer);
      const at = Number(h.headers['upload-offset']);
      return h.status === 200 && at > 0 ? at : undefined;
    }, 'the upload offset after the interruption');
    expect(offset).toBeLessThan(SIZE);
    let done: Exclude<PatchResult, 'cut'> | undefined;
    for (let attempt = 0; attempt < 5 && !done; attempt++) {
      const res = await patch(gatewayS3, location, officer, offset, footage(block, offset, SIZE));
      if (res !== 'cut' && res.status === 204) done = res;
      else offset = Number((await head(gatewayS3, location, officer)).headers['upload-offset']);
    }
    expect(done?.headers['evidence-sha256']).toBe(sha256);
    expect(done?.headers['evidence-attached']).toBe('true');
    const evidenceId = done?.headers['evidence-id'] as string;

    // R6: the object is in the bucket under its content key, whole; neither the local store nor staging keeps a copy.
    const key = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    const object = await s3.send(new HeadObjectCommand({ Bucket: env.EVIDENCE_S3_BUCKET, Key: key }));
    expect(object.ContentLength).toBe(SIZE);
    expect(object.Metadata?.sha256).toBe(sha256);
    const gone = async (path: string) =>
      stat(path).then(
        () => false,
        (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
      );
    expect(await gone(join(env.EVIDENCE_DIR, key))).toBe(true);
    expect(await gone(join(env.STACK_DIR, 'evidence-s3-staging', evidenceId))).toBe(true);

    expect(
      expectStatus(
        await request(gatewayS3).post(`${base}/steps/investigation/complete`).set('authorization', officer).send({}),
        200,
      ).body.step,
    ).toBe('review');
    const listed = expectStatus(await request(gatewayS3).get(`${base}/evidence`).set('authorization', officer), 200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: evidenceId, sha256, size: SIZE, recordId: seizureId, store: 's3' }),
    ]);
    const intact = expectStatus(
      await request(gatewayS3).get(`${base}/evidence/verify`).set('authorization', admin),
      200,
    ).body;
    expect(intact).toMatchObject({ intact: true, filesChecked: 1, bytesChecked: SIZE, problems: [] });

    // R7: one byte changed in the object (rewritten by someone holding the bucket's keys) is named.
    const original = await s3.send(new GetObjectCommand({ Bucket: env.EVIDENCE_S3_BUCKET, Key: key }));
    await new Upload({
      client: s3,
      params: {
        Bucket: env.EVIDENCE_S3_BUCKET,
        Key: key,
        Body: (original.Body as Readable).pipe(flipByteAt(Math.floor(SIZE / 2))),
        Metadata: { sha256 },
      },
      partSize: 8 * 1024 * 1024,
    }).done();
    const altered = expectStatus(
      await request(gatewayS3).get(`/api/v1/evidence/files/${evidenceId}/verify`).set('authorization', admin),
      200,
    ).body;
    expect(altered.intact).toBe(false);
    expect(altered.problems).toEqual([
      expect.objectContaining({
        kind: 'file-altered',
        evidenceId,
        caseNumber: caseNo,
        recordId: seizureId,
        sha256,
        location: `s3://${env.EVIDENCE_S3_BUCKET}/${key}`,
      }),
    ]);
    expect(altered.problems[0].actualSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(altered.problems[0].actualSha256).not.toBe(sha256);
    expect(altered.problems[0].zh).toContain('篡改');

    // R7: the object deleted from the bucket is named as missing.
    await s3.send(new DeleteObjectCommand({ Bucket: env.EVIDENCE_S3_BUCKET, Key: key }));
    const missing = expectStatus(
      await request(gatewayS3).get(`${base}/evidence/verify`).set('authorization', admin),
      200,
    ).body;
    expect(missing.intact).toBe(false);
    expect(missing.problems).toEqual([
      expect.objectContaining({ kind: 'file-missing', evidenceId, caseNumber: caseNo, sha256 }),
    ]);
    expect(missing.problems[0].en).toContain('gone from the store');
  }, 600_000);
});
