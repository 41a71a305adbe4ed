import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * 立卷归档 end to end on the real stack (SPEC R9, R10): a complaint not taken up closes at once and reaches its
 * archiving step; the records administrator builds the case file — a cover and 卷内文件目录 listing every record and
 * AV file with its hash, the records, a manifest whose hash goes into the integrity log; nothing is disposed of before
 * the retention period ends.
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
  it('R10, R9: the case file lists every record and AV file with its hash, its hash is logged; no disposal before the retention ends', async () => {
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
    // 卷内文件目录: the record (hash of its logged content) and its AV file (content hash), in order.
    expect(built.manifest.index).toEqual([
      expect.objectContaining({ seq: 1, sha256: sha256(recordEntry.entry), note: `record ${recordId}` }),
      expect.objectContaining({ seq: 2, sha256: audio }),
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
