import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Role } from '@enforcement/domain';
import { issueToken } from '@enforcement/platform';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';

/*
 * SPEC D10 end to end on the real stack, through the gateway's routes to disclosure-svc: the legal section starts a year's annual report (the schedule's job each
 * 1 January, by hand here), disclosure-svc's workflow assembles the figures from its tables into annual_reports, the
 * report is read as JSON and as a PDF (read back with pdftotext, page 1 rendered with pdftoppm), recorded as sent to
 * the justice bureau, made public, and then served on the portal without login. The year is a past one the bundled
 * calendar covers and this test database has no report of yet, so nothing depends on today's date.
 */
const env = stackEnv();
const gateway = serviceUrl('gateway');

async function token(id: string, roles: Role[], unitId: string): Promise<string> {
  const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
  return issueToken(key, { id, name: id, roles, unitId }, 'enforcement-local', '10m');
}

describe('annual report (D10, e2e)', () => {
  it('D10, D11: a year’s report is assembled by its workflow, served as JSON and a Chinese PDF, sent to the justice bureau, made public and then open on the portal; bad input is a bilingual 400, other roles a 403', async () => {
    const head = await token('u-e2e-legal-head', ['legal-section-head'], 'unit-legal');
    const clerk = await token('u-e2e-officer', ['officer'], 'unit-enforcement-1');
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });

    let year = 0;
    const seen: string[] = [];
    for (let y = 2024; y >= 2014 && year === 0; y--) {
      const res = await request(gateway).get(`/api/v1/disclosure/annual-reports/${y}`).set(auth(head));
      if (res.status === 404 && res.body.code === 'DISCLOSURE.ANNUAL_REPORT_NOT_FOUND') year = y;
      else seen.push(`${y}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    // Should no year be free, the failure names what each answered instead.
    if (year === 0) throw new Error(`no free year: ${seen.join('; ')}`);

    const badYear = await request(gateway).get('/api/v1/disclosure/annual-reports/19x').set(auth(head));
    expect(badYear.status).toBe(400);
    expect(JSON.stringify(badYear.body)).toContain('year');
    expect(JSON.stringify(badYear.body)).toMatch(/年份/);
    expect(
      (await request(gateway).post('/api/v1/disclosure/annual-reports').set(auth(clerk)).send({ year })).status,
    ).toBe(403);

    const started = await request(gateway).post('/api/v1/disclosure/annual-reports').set(auth(head)).send({ year });
    expect(started.status).toBe(202);
    const report = await eventually(async () => {
      const res = await request(gateway).get(`/api/v1/disclosure/annual-reports/${year}`).set(auth(head));
      return res.status === 200 ? res.body : undefined;
    }, 'the assembled report');
    expect(report).toMatchObject({ year, submittedAt: null, publishedAt: null });
    expect(report.statistics.year).toBe(year);
    expect(Date.parse(report.submitBy)).toBe(Date.parse(`${year + 1}-01-16T00:00:00+08:00`));
    expect(Date.parse(report.publicBy)).toBe(Date.parse(`${year + 1}-02-01T00:00:00+08:00`));
    expect((await request(gateway).get(`/api/v1/portal/annual-reports/${year}`)).status).toBe(404);

    const pdf = await request(gateway)
      .get(`/api/v1/disclosure/annual-reports/${year}/pdf`)
      .set(auth(head))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'annual-report-e2e-'));
    writeFileSync(join(dir, 'report.pdf'), pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(`${year}年度行政执法统计年报`);
    expect(text).toContain(`报送司法行政部门期限：${year + 1}-01-15`);
    expect(text).toContain('合计 total');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', join(dir, 'report.pdf'), join(dir, 'page')]);
    expect(readFileSync(join(dir, 'page-1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');

    const empty = await request(gateway)
      .post(`/api/v1/disclosure/annual-reports/${year}/submit`)
      .set(auth(head))
      .send({ reference: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('reference');
    const submitted = await request(gateway)
      .post(`/api/v1/disclosure/annual-reports/${year}/submit`)
      .set(auth(head))
      .send({ reference: `司报〔${year + 1}〕1号` });
    expect(submitted.status).toBe(201);
    expect(submitted.body.submissionReference).toBe(`司报〔${year + 1}〕1号`);
    const published = await request(gateway).post(`/api/v1/disclosure/annual-reports/${year}/publish`).set(auth(head));
    expect(published.status).toBe(201);
    expect(published.body.publishedAt).not.toBeNull();

    const open = await eventually(async () => {
      const res = await request(gateway).get(`/api/v1/portal/annual-reports/${year}`);
      return res.status === 200 ? res.body : undefined;
    }, 'the public report');
    expect(open).toMatchObject({ year, statistics: { year } });
    const openPdf = await request(gateway).get(`/api/v1/portal/annual-reports/${year}/pdf`);
    expect(openPdf.status).toBe(200);
    expect(openPdf.headers['content-type']).toContain('application/pdf');
  }, 120_000);
});
