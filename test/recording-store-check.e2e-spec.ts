import { createHash, randomBytes } from 'node:crypto';
import { chmod, open } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { asSuperuser } from '@enforcement/platform/testing/superuser';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { bearer, expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { patch, tusMetadata } from './evidence/tus';

/*
 * The whole-store integrity check as a background run on the real stack (SPEC R7, R8; issue 9): a file's bytes changed
 * on disk and another file's row changed in the database around the system; a run started through the gateway
 * answers 202 at once, is polled to its end and names both; a second start while it runs answers the same run; a role
 * without the right meets 403; every start and read is in the access log.
 */
const env = stackEnv() as unknown as Record<string, string>;
const SIZE = 8 * 1024 * 1024;
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const api = '/api/v1/evidence/verify-runs';

/** A seizure under full-process AV in a new case: the record the test's footage belongs to. */
async function seizureCase(): Promise<{ caseNo: string; seizureId: string }> {
  const { caseNo } = await ReviewJourney.initiated('SC');
  const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
  const officer = await bearer('u-officer-1');
  expectStatus(
    await request(gateway)
      .post(`${base}/records`)
      .set('authorization', await bearer('u-agency-head'))
      .send({
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
      }),
    201,
  );
  expectStatus(
    await request(gateway).post(`${base}/steps/initiation/complete`).set('authorization', officer).send({}),
    200,
  );
  const seizure = await request(gateway)
    .post(`${base}/records`)
    .set('authorization', officer)
    .send({
      type: 'seizure',
      fields: {
        officers: [
          { name: '张执法', certificateNo: '43040001', certificateShown: true },
          { name: '王执法', certificateNo: '43040002', certificateShown: true },
        ],
        basis: '《行政强制法》第二十二条',
        necessity: '防止证据灭失',
        items: ['账簿三册'],
        place: '某路1号',
        startedAt: iso(-2 * HOUR),
        endedAt: iso(-1 * HOUR),
        signedBy: '当事人代表',
      },
    });
  return { caseNo, seizureId: (expectStatus(seizure, 201).body.recordIds as string[])[0] };
}

/** Uploads `bytes` with tus in one PATCH; the stored file's id. */
async function upload(caseNo: string, recordId: string, fileName: string, bytes: Buffer): Promise<string> {
  const officer = await bearer('u-officer-1');
  const created = await request(gateway)
    .post('/api/v1/evidence/uploads')
    .set('authorization', officer)
    .set('tus-resumable', '1.0.0')
    .set('upload-length', String(bytes.length))
    .set(
      'upload-metadata',
      tusMetadata({
        caseNumber: caseNo,
        recordId,
        kind: 'video',
        party: '某养老服务有限公司',
        officer: 'u-officer-1',
        device: 'DSJ-007',
        startedAt: iso(-2 * HOUR - 60_000),
        endedAt: iso(-1 * HOUR + 60_000),
        place: '衡阳市某区某路1号',
        fileName,
      }),
    );
  const done = await patch(gateway, expectStatus(created, 201).headers.location, officer, 0, [bytes]);
  if (done === 'cut') throw new Error('the upload was cut');
  expect(done.status).toBe(204);
  return done.headers['evidence-id'] as string;
}

describe('the whole-store integrity check as a background run (SPEC R7, R8)', () => {
  it('R7, R8: a run started through the gateway answers 202 at once, reports progress, and names the altered file and the altered row; a second start answers the same run; 403 without the right', async () => {
    const admin = `Bearer ${await tokenFor('u-records-admin')}`;
    const officer = await bearer('u-officer-1');
    const { caseNo, seizureId } = await seizureCase();
    const footage = randomBytes(SIZE);
    const alteredId = await upload(caseNo, seizureId, 'DSJ007_tampered.mp4', footage);
    const rowId = await upload(caseNo, seizureId, 'DSJ007_renamed.mp4', randomBytes(SIZE));

    // R7: one byte changed in a stored file on disk…
    const sha256 = createHash('sha256').update(footage).digest('hex');
    const stored = join(env.EVIDENCE_DIR, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await chmod(stored, 0o644);
    const fh = await open(stored, 'r+');
    await fh.write(Buffer.from([footage[SIZE / 2] ^ 0xff]), 0, 1, SIZE / 2);
    await fh.close();
    // …and another file's row changed by someone who can bypass the append-only trigger.
    await asSuperuser(async (su) => {
      await su.query('set session_replication_role = replica');
      await su.query(
        `update evidence_files set metadata = jsonb_set(metadata, '{fileName}', '"innocent.mp4"') where id = $1`,
        [rowId],
      );
    }, 'recording');

    // C1: a role the access module does not give the whole-store check is refused, starting and reading.
    expectStatus(await request(gateway).post(api).set('authorization', officer), 403);
    expectStatus(await request(gateway).get(api).set('authorization', officer), 403);

    // Two starts at once: one run, the second answered with it while it runs.
    const [first, second] = await Promise.all([
      request(gateway).post(api).set('authorization', admin),
      request(gateway).post(api).set('authorization', admin),
    ]);
    expectStatus(first, 202);
    expectStatus(second, 202);
    const runId = first.body.id as string;
    expect(second.body.id).toBe(runId);
    expect([first.body.started, second.body.started].sort()).toEqual([false, true]);
    expect(first.headers.location).toBe(`${api}/${runId}`);
    expect(first.body).toMatchObject({ status: 'running', intact: null, startedBy: 'u-records-admin' });
    expect(first.body.progress.filesTotal).toBeGreaterThanOrEqual(2);
    expect(first.body.progress.bytesTotal).toBeGreaterThanOrEqual(2 * SIZE);

    expectStatus(await request(gateway).get(`${api}/${runId}`).set('authorization', officer), 403);
    expectStatus(await request(gateway).get(`${api}/not-a-run`).set('authorization', admin), 404);

    const report = await eventually(
      async () => {
        const r = expectStatus(await request(gateway).get(`${api}/${runId}`).set('authorization', admin), 200).body;
        return r.status === 'running' ? undefined : r;
      },
      'the run to end',
      120_000,
    );
    expect(report).toMatchObject({ id: runId, status: 'finished', intact: false, reason: null });
    expect(report.progress.filesChecked).toBe(report.progress.filesTotal);
    expect(report.progress.bytesChecked).toBeGreaterThanOrEqual(2 * SIZE);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'file-altered', evidenceId: alteredId, caseNumber: caseNo, sha256 }),
        expect.objectContaining({ kind: 'file-row-altered', evidenceId: rowId, caseNumber: caseNo }),
      ]),
    );
    expect(report.problemCount).toBe(report.problems.length);

    // The run is kept: listed among past runs, ended; and a start now begins a new one.
    const listed = expectStatus(await request(gateway).get(api).set('authorization', admin), 200).body;
    expect(listed[0]).toMatchObject({ id: runId, status: 'finished', intact: false });
    const next = expectStatus(await request(gateway).post(api).set('authorization', admin), 202).body;
    expect(next.id).not.toBe(runId);
    expect(next.started).toBe(true);

    // R8: each start and each read of a report is an access record.
    const logged = await asSuperuser(
      async (su) =>
        (
          await su.query(`select action, subject from access_log where actor = 'u-records-admin' and subject like $1`, [
            `evidence/verify-runs%`,
          ])
        ).rows as { action: string; subject: string }[],
      'recording',
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        { action: 'verify', subject: `evidence/verify-runs/${runId}` },
        { action: 'view', subject: `evidence/verify-runs/${runId}` },
        { action: 'list', subject: 'evidence/verify-runs' },
        { action: 'verify', subject: `evidence/verify-runs/${next.id}` },
      ]),
    );
    expect(logged.filter((l) => l.action === 'verify' && l.subject.endsWith(runId))).toHaveLength(2);

    await eventually(
      async () => {
        const r = expectStatus(await request(gateway).get(`${api}/${next.id}`).set('authorization', admin), 200).body;
        return r.status === 'running' ? undefined : r;
      },
      'the second run to end',
      120_000,
    );
  }, 600_000);
});
