import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { issueToken } from '@enforcement/platform';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  CASE_PARTY,
  ensureCalendarAhead,
  expectStatus,
  gateway,
} from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * SPEC C3 on the real stack: a recording command, a review command and a disclosure action, each sent through the
 * gateway with its own request id and user agent, land in the services' append-only trails with who, when, from
 * where and the correlation id, and `GET /api/v1/audit` reads them per case and per person. The database refuses
 * to change or remove a trail row, whichever service's role asks.
 */
const env = stackEnv();
const run = randomUUID().slice(0, 8);
const caseNo = `AUD-${run}`;
const userAgent = `audit-e2e/${run}`;
const ids = {
  initiate: `aud-init-${run}`,
  record: `aud-rec-${run}`,
  review: `aud-prel-${run}`,
  disclose: `aud-dis-${run}`,
};

interface Entry {
  service: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  correlationId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
}

async function trail(query: Record<string, string>, token: string): Promise<request.Response> {
  return request(gateway).get('/api/v1/audit').query(query).set('authorization', `Bearer ${token}`);
}

async function entriesWhere(query: Record<string, string>, token: string, want: (e: Entry) => boolean): Promise<Entry> {
  return eventually(
    async () => {
      const res = await trail(query, token);
      return res.status === 200 ? (res.body.entries as Entry[]).find(want) : undefined;
    },
    `audit entry for ${JSON.stringify(query)}`,
  );
}

function expectFromTheCall(entry: Entry, service: string, actor: string, correlationId: string, startedAt: number) {
  expect(entry.service).toBe(service);
  expect(entry.actor).toBe(actor);
  expect(entry.correlationId).toBe(correlationId);
  expect(entry.userAgent).toBe(userAgent);
  // The test talks to the gateway over loopback; the address is the one the gateway saw.
  expect(entry.sourceIp).toMatch(/127\.0\.0\.1|::1/);
  expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt - 5_000);
  expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now() + 5_000);
}

describe('the audit trail (SPEC C3)', () => {
  it('C3: a recording command, a review command and a disclosure action each appear with who, when, from where and the correlation id; read per case and per person', async () => {
    await ensureCalendarAhead();
    const startedAt = Date.now();
    // Recording: the officer initiates the case (a workflow start), the agency head records the approval (a command).
    expectStatus(
      await request(gateway)
        .post('/api/v1/cases')
        .set('authorization', await bearer('u-officer-1'))
        .set('x-request-id', ids.initiate)
        .set('user-agent', userAgent)
        .send({ caseNumber: caseNo, category: 'penalty', title: `审计测试 ${caseNo}`, party: CASE_PARTY }),
      201,
    );
    await eventually(async () => {
      const res = await request(gateway)
        .post(`/api/v1/cases/${caseNo}/records`)
        .set('authorization', await bearer('u-agency-head'))
        .set('x-request-id', ids.record)
        .set('user-agent', userAgent)
        .send({
          type: 'initiation-approval',
          fields: { approvedBy: '吴局长', approvedAt: new Date().toISOString(), basis: '《行政处罚法》第五十四条' },
        });
      return res.status === 201 ? true : undefined;
    }, 'the approval recorded once the case is registered');
    // Review: the unit head signs the preliminary review.
    expectStatus(
      await request(gateway)
        .post(`/api/v1/reviews/${caseNo}/preliminary-review`)
        .set('authorization', await bearer('u-unit-head-1'))
        .set('x-request-id', ids.review)
        .set('user-agent', userAgent)
        .send({ outcome: 'passed', documentRef: 'sha256:audit-e2e' }),
      201,
    );
    // Disclosure: the office's disclosure officer drafts an ex-ante item.
    const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
    const officeId = `u-aud-office-${run}`;
    const office = await issueToken(
      key,
      { id: officeId, name: officeId, roles: ['disclosure-officer'], unitId: 'unit-office' },
      'enforcement-local',
      '10m',
    );
    expectStatus(
      await request(gateway)
        .post('/api/v1/disclosure/ex-ante')
        .set('authorization', `Bearer ${office}`)
        .set('x-request-id', ids.disclose)
        .set('user-agent', userAgent)
        .send({
          unitId: 'unit-enforcement-1',
          agencyId: 'agency-e2e',
          agencyName: '衡阳市民政局',
          kind: 'service-guide',
          title: `审计测试办事指南${run}`,
          body: `办理依据：《社会团体登记管理条例》。${run}`,
        }),
      201,
    );

    const legalHead = await tokenOf('u-legal-head');
    const byCase = { case: caseNo };
    expectFromTheCall(
      await entriesWhere(byCase, legalHead, (e) => e.action === 'cases.insert'),
      'recording-svc',
      'u-officer-1',
      ids.initiate,
      startedAt,
    );
    expectFromTheCall(
      await entriesWhere(byCase, legalHead, (e) => e.action === 'case_records.insert'),
      'recording-svc',
      'u-agency-head',
      ids.record,
      startedAt,
    );
    expectFromTheCall(
      await entriesWhere(byCase, legalHead, (e) => e.action === 'preliminary_reviews.insert'),
      'review-svc',
      'u-unit-head-1',
      ids.review,
      startedAt,
    );
    expectFromTheCall(
      await entriesWhere({ person: officeId }, legalHead, (e) => e.action === 'ex_ante_items.insert'),
      'disclosure-svc',
      officeId,
      ids.disclose,
      startedAt,
    );

    // Per person: the unit head's own actions.
    const head = await entriesWhere({ person: 'u-unit-head-1' }, legalHead, (e) => e.correlationId === ids.review);
    expect(head.subject).toBe(caseNo);
  }, 120_000);

  it('C3, C1: the case’s own unit head reads its trail, another unit’s head reads nothing of it, an officer is refused; a query without a filter is a bilingual 400', async () => {
    const own = await trail({ case: caseNo }, await tokenOf('u-unit-head-1'));
    expect(own.status).toBe(200);
    expect((own.body.entries as Entry[]).some((e) => e.action === 'cases.insert')).toBe(true);
    const other = await trail({ case: caseNo }, await tokenOf('u-unit-head-2'));
    expect(other.status).toBe(200);
    expect(other.body.entries).toEqual([]);
    expect((await trail({ case: caseNo }, await tokenOf('u-officer-1'))).status).toBe(403);
    const bare = await trail({}, await tokenOf('u-legal-head'));
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('AUDIT.FILTER_REQUIRED');
    expect(bare.body.message.zh).toContain('审计');
    expect(bare.body.message.en).toContain('audit trail');
  }, 30_000);

  it.each([
    ['gateway', env.GATEWAY_DATABASE_URL],
    ['recording-svc', env.RECORDING_DATABASE_URL],
    ['review-svc', env.REVIEW_DATABASE_URL],
    ['disclosure-svc', env.DISCLOSURE_DATABASE_URL],
  ])('C3: %s’s own database role cannot update, delete or truncate its audit rows', async (_svc, url) => {
    const db = new PgClient({ connectionString: url });
    await db.connect();
    try {
      // A row of this run: its login may append (and is refused the rest by privilege, the trigger being the second wall).
      await db.query(`insert into audit_log (actor, action, subject) values ('e2e', 'audit.probe', $1)`, [run]);
      await expect(db.query(`update audit_log set actor = 'someone-else' where subject = $1`, [run])).rejects.toThrow(
        /permission denied for table/,
      );
      await expect(db.query(`delete from audit_log where subject = $1`, [run])).rejects.toThrow(
        /permission denied for table/,
      );
      await expect(db.query(`truncate audit_log`)).rejects.toThrow(/permission denied for table/);
    } finally {
      await db.end();
    }
  });
});

async function tokenOf(user: 'u-unit-head-1' | 'u-unit-head-2' | 'u-officer-1' | 'u-legal-head'): Promise<string> {
  return (await bearer(user)).replace(/^Bearer /, '');
}
