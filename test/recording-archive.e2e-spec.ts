import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';
import { CHUNK, footage, patch, tusMetadata } from './evidence/tus';

/*
 * 立卷归档 end to end on the real stack (SPEC R9, R10): a complaint not taken up closes at once and reaches its
 * archiving step; the records administrator builds the case file — a cover and 卷内文件目录 listing every record and
 * AV file with its hash, the records, the AV files' bytes (an uploaded one under av/<sha256>; one referenced by hash
 * only, which the store does not hold, named with the reason), a manifest whose hash goes into the integrity log;
 * nothing is disposed of before the retention period ends.
 */
const env = stackEnv();
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function db<T>(fn: (c: PgClient) => Promise<T>): Promise<T> {
  const c = new PgClient({ connectionString: env.ADMIN_DATABASE_URL });
  await c.connect();
  try {
    await c.query('set search_path to recording');
    return await fn(c);
  } finally {
    await c.end();
  }
}

function binary(res: request.Request) {
  return res.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

describe('the archive bundle through the gateway (SPEC R9, R10)', () => {
  it('R10, R9: the case file lists every record and AV file with its hash and carries the stored AV bytes, its hash is logged; no disposal before the retention ends', async () => {
    const journey = await ReviewJourney.initiated('RZ', { initiationMode: 'complaint' });
    const caseNo = journey.caseNo;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const audio = 'c'.repeat(64);
    const now = new Date().toISOString();
    const declined = expectStatus(
      await request(gateway)
        .post(`${base}/records`)
        .set('authorization', await as('u-officer-1'))
        .send({
          type: 'complaint-declined',
          fields: { complainant: '匿名来电', named: false, reason: '不属于本机关职责范围（《行政处罚法》第二十二条）' },
          av: [{ sha256: audio, kind: 'audio', startedAt: now, endedAt: now }],
        }),
      201,
    ).body;
    const [recordId] = declined.recordIds as string[];
    // The call's recording, uploaded to the record through the gateway (R6): its bytes go into the case file.
    const size = CHUNK + 12_345;
    const block = randomBytes(CHUNK);
    const uploadedSha = createHash('sha256');
    for (const c of footage(block, 0, size)) uploadedSha.update(c);
    const recording = uploadedSha.digest('hex');
    const created = expectStatus(
      await request(gateway)
        .post('/api/v1/evidence/uploads')
        .set('authorization', await as('u-officer-1'))
        .set('tus-resumable', '1.0.0')
        .set('upload-length', String(size))
        .set(
          'upload-metadata',
          tusMetadata({
            caseNumber: caseNo,
            recordId,
            kind: 'audio',
            party: '匿名来电',
            officer: 'u-officer-1',
            device: 'REC-001',
            startedAt: new Date(Date.now() - 600_000).toISOString(),
            endedAt: new Date(Date.now() - 60_000).toISOString(),
            place: '12345 热线',
            fileName: 'call.wav',
          }),
        ),
      201,
    );
    const uploaded = await patch(
      gateway,
      created.headers.location,
      await as('u-officer-1'),
      0,
      footage(block, 0, size),
    );
    expect(uploaded !== 'cut' && [uploaded.status, uploaded.headers['evidence-sha256']]).toEqual([204, recording]);

    // The archive waits for the case to close; here it has (a complaint not taken up ends at once).
    expectStatus(
      await request(gateway)
        .post(`${base}/archive-bundle`)
        .set('authorization', await as('u-officer-1')),
      403,
    );
    // R9: nothing is deleted before its time.
    const early = expectStatus(
      await request(gateway)
        .post(`${base}/retention/disposal`)
        .set('authorization', await as('u-records-admin'))
        .send({ reason: '期满清理' }),
      409,
    ).body;
    expect(early.code).toBe('RETENTION.NOT_ENDED');

    const built = expectStatus(
      await request(gateway)
        .post(`${base}/archive-bundle`)
        .set('authorization', await as('u-records-admin')),
      201,
    ).body;
    const logged = await db((c) =>
      c.query<{ subject: string; entry: string }>(
        `select subject, entry from integrity_log where case_number = $1 order by idx`,
        [caseNo],
      ),
    );
    const recordEntry = logged.rows.find((r) => r.subject === recordId)!;
    // 卷内文件目录: the record (hash of its logged content) and its AV files (content hashes), in order.
    expect(built.manifest.index).toEqual([
      expect.objectContaining({ seq: 1, sha256: sha256(recordEntry.entry), note: `record ${recordId}` }),
      expect.objectContaining({ seq: 2, sha256: audio }),
      expect.objectContaining({ seq: 3, sha256: recording }),
    ]);
    // "Plus the files" (R10): the uploaded recording's bytes are in the bundle under their hash; the audio referenced
    // by hash only is not in the store, and the manifest says so and why.
    expect(built.manifest.avBytesIncluded).toBe(true);
    expect(built.manifest.files).toContainEqual({ name: `av/${recording}`, sha256: recording, bytes: size });
    expect(built.manifest.avNotInStore).toEqual([
      { sha256: audio, reason: expect.stringContaining('not in the evidence store') },
    ]);
    // The bundle's hash is its manifest's, and it is a leaf of the integrity log.
    const manifestOnDisk = readFileSync(join(built.location, 'manifest.json'));
    expect(sha256(manifestOnDisk)).toBe(built.bundleSha256);
    expect(logged.rows.map((r) => r.subject)).toContain(`archive/${caseNo}#${built.bundleSha256}`);
    for (const f of built.manifest.files as { name: string; sha256: string }[]) {
      expect(sha256(readFileSync(join(built.location, f.name)))).toBe(f.sha256);
    }
    // Built once: asking again answers the same bundle.
    const again = expectStatus(
      await request(gateway)
        .post(`${base}/archive-bundle`)
        .set('authorization', await as('u-records-admin')),
      201,
    ).body;
    expect(again.bundleSha256).toBe(built.bundleSha256);

    const cover = await binary(
      request(gateway)
        .get(`${base}/archive-bundle/cover.pdf`)
        .set('authorization', await as('u-officer-1')),
    );
    expectStatus(cover, 200);
    const file = join(mkdtempSync(join(tmpdir(), 'r10-')), 'cover.pdf');
    writeFileSync(file, cover.body as Buffer);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('卷内文件目录');
    expect(text).toContain(sha256(recordEntry.entry));
    expect(text).toContain(audio);
    const out = join(__dirname, '../.local/test-results/recording-documents');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(out, 'e2e-archive-cover')]);

    // The case still verifies intact with the bundle's entry in its log (R7); reading the bundle was logged (R8).
    const report = expectStatus(
      await request(gateway)
        .get(`${base}/integrity`)
        .set('authorization', await as('u-records-admin')),
      200,
    ).body;
    expect(report).toMatchObject({ intact: true, problems: [] });
    const reads = await db((c) =>
      c.query<{ action: string }>(`select action from access_log where case_number = $1 and actor = 'u-officer-1'`, [
        caseNo,
      ]),
    );
    expect(reads.rows.map((r) => r.action)).toContain('download');
  }, 120_000);
});
