import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * 调阅、复制 end to end on the real stack (SPEC R8): an officer of another unit is refused a case's records until the
 * supervising leader approves their application; the wrong approver is refused; the approved view and the export are
 * in the access log with the approver; the export PDF names the requester on every page.
 */
const env = stackEnv();
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

async function accessLog(caseNo: string) {
  const db = new PgClient({ connectionString: env.ADMIN_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ actor: string; action: string; approver: string | null; reason: string | null }>(
      `select actor, action, approver, reason from recording.access_log where case_number = $1 order by id`,
      [caseNo],
    );
    return rows;
  } finally {
    await db.end();
  }
}

describe('access applications through the gateway (SPEC R8)', () => {
  it('R8: access without approval is refused; the right approver decides; approved views and exports are logged and watermarked', async () => {
    const journey = await ReviewJourney.initiated('RA');
    const caseNo = journey.caseNo;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    // The case gets a record: the agency head's approval of the initiation (R2).
    expectStatus(
      await request(gateway)
        .post(`${base}/records`)
        .set('authorization', await as('u-agency-head'))
        .send({
          type: 'initiation-approval',
          fields: { approvedBy: '吴局长', approvedAt: new Date().toISOString(), basis: '《行政处罚法》第五十四条' },
        }),
      201,
    );

    // By right: the officer who initiated the case reads its records without applying.
    const own = expectStatus(
      await request(gateway)
        .get(`${base}/records`)
        .set('authorization', await as('u-officer-1')),
      200,
    );
    expect(own.body.approver).toBeNull();
    expect(own.body.rows[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    // Another unit's officer: refused until an application is approved.
    const refused = expectStatus(
      await request(gateway)
        .get(`${base}/records`)
        .set('authorization', await as('u-officer-2')),
      403,
    ).body;
    expect(refused.code).toBe('ACCESS.APPLICATION_REQUIRED');
    expect(refused.message.zh).toContain('申请');
    expectStatus(
      await request(gateway)
        .get(`${base}/export.pdf`)
        .query({ reason: '复议答辩' })
        .set('authorization', await as('u-officer-2')),
      403,
    );
    // A police/court request filed by an officer rather than the administrator is refused, naming the field.
    const wrongFiler = expectStatus(
      await request(gateway)
        .post('/api/v1/recording/access-applications')
        .set('authorization', await as('u-officer-2'))
        .send({ caseNumber: caseNo, kind: 'police-court', actions: ['view'], reason: '协查', items: '全部' }),
      422,
    ).body;
    expect(wrongFiler.details[0].field).toBe('requester');

    const applied = expectStatus(
      await request(gateway)
        .post('/api/v1/recording/access-applications')
        .set('authorization', await as('u-officer-2'))
        .send({
          caseNumber: caseNo,
          kind: 'staff',
          actions: ['view', 'export'],
          reason: '行政复议答辩需要',
          items: '全部执法记录',
        }),
      201,
    ).body;
    expect(applied).toMatchObject({ state: 'pending', approverRole: 'supervising-leader' });
    const decision = `/api/v1/recording/access-applications/${applied.id}/decision`;
    // The unit head is not this kind's approver.
    const notApprover = expectStatus(
      await request(gateway)
        .post(decision)
        .set('authorization', await as('u-unit-head-1'))
        .send({ approve: true, reason: '同意' }),
      403,
    ).body;
    expect(notApprover.code).toBe('ACCESS.NOT_THE_APPROVER');
    const approved = expectStatus(
      await request(gateway)
        .post(decision)
        .set('authorization', await as('u-supervising-leader'))
        .send({ approve: true, reason: '同意调阅' }),
      200,
    ).body;
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'u-supervising-leader' });
    expectStatus(
      await request(gateway)
        .post(decision)
        .set('authorization', await as('u-supervising-leader'))
        .send({ approve: false, reason: '再议' }),
      409,
    );

    const viewed = expectStatus(
      await request(gateway)
        .get(`${base}/records`)
        .set('authorization', await as('u-officer-2')),
      200,
    );
    expect(viewed.body).toMatchObject({ approver: 'u-supervising-leader', applicationId: applied.id });
    const exported = await request(gateway)
      .get(`${base}/export.pdf`)
      .query({ reason: '复议答辩' })
      .set('authorization', await as('u-officer-2'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expectStatus(exported, 200);
    expect(exported.headers['content-type']).toContain('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'r8-'));
    const file = join(dir, 'export.pdf');
    writeFileSync(file, exported.body as Buffer);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-raw', '-f', `${p}`, '-l', `${p}`, '-enc', 'UTF-8', file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      expect(text).toContain('u-officer-2');
      expect(text).toContain('仅供调阅');
    }
    const out = join(__dirname, '../.local/test-results/recording-documents');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(out, 'e2e-records-export')]);

    const log = await accessLog(caseNo);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'u-officer-1', action: 'view', approver: null }),
        expect.objectContaining({ actor: 'u-officer-2', action: 'view', approver: 'u-supervising-leader' }),
        expect.objectContaining({ actor: 'u-officer-2', action: 'export', approver: 'u-supervising-leader' }),
      ]),
    );
    // Refused attempts read nothing, so they leave no access entry.
    expect(log.filter((l) => l.actor === 'u-officer-2')).toHaveLength(2);
  }, 120_000);
});
