import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { Topics, caseDecisionIssuedV1, type EventEnvelope } from '@enforcement/domain';
import { issueToken } from '@enforcement/platform';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  CASE_PARTY,
  ensureCalendarAhead,
  expectStatus,
  gateway,
  ReviewJourney,
} from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * SPEC R8, C3 on the real stack: every read of enforcement records through the gateway — a case's status and the
 * case list, a review and its opinion document, a publication draft with the unredacted original, the disclosure
 * inbox — leaves exactly one access record, in the access log of the process that served it, naming the person,
 * their roles and unit, what was read, when, from where and the request's correlation id. GET /api/v1/audit finds
 * them per case and per person. The public portal's reads (published, redacted data) leave none.
 */
const env = stackEnv();
const run = randomUUID().slice(0, 8);
const userAgent = `access-log-e2e/${run}`;
const LOGS = {
  gateway: env.GATEWAY_DATABASE_URL,
  'recording-svc': env.RECORDING_DATABASE_URL,
  'review-svc': env.REVIEW_DATABASE_URL,
  'disclosure-svc': env.DISCLOSURE_DATABASE_URL,
} as const;
type Service = keyof typeof LOGS;

interface AccessRow {
  service: Service;
  actor: string;
  roles: string[];
  unit_id: string | null;
  action: string;
  case_number: string | null;
  subject: string;
  record_unit_id: string | null;
  correlation_id: string;
  source_ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

/** The access rows of one request, from all four services' logs. */
async function accessRowsOf(correlationId: string): Promise<AccessRow[]> {
  const found: AccessRow[] = [];
  for (const [service, url] of Object.entries(LOGS) as [Service, string][]) {
    const db = new PgClient({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(`select * from access_log where correlation_id = $1`, [correlationId]);
      found.push(...(rows as Omit<AccessRow, 'service'>[]).map((r) => ({ ...r, service })));
    } finally {
      await db.end();
    }
  }
  return found;
}

/** A GET through the gateway with its own request id; the caller asserts the status. */
async function read(path: string, token: string | null, query: Record<string, string> = {}) {
  const requestId = `r8-${run}-${randomUUID().slice(0, 8)}`;
  let call = request(gateway).get(path).query(query).set('x-request-id', requestId).set('user-agent', userAgent);
  if (token !== null) call = call.set('authorization', token);
  const res = await call.buffer(true);
  return { res, requestId };
}

/** Exactly one access record for the request, in `service`'s log, naming the person and where the call came from. */
async function expectOneRecord(
  requestId: string,
  service: Service,
  who: { actor: string; role: string; unitId: string },
  what: { action: string; caseNumber: string | null; subject: string | RegExp },
  startedAt: number,
): Promise<AccessRow> {
  const rows = await accessRowsOf(requestId);
  expect(rows.map((r) => r.service)).toEqual([service]);
  const [row] = rows;
  expect(row).toMatchObject({ actor: who.actor, unit_id: who.unitId, action: what.action });
  expect(row.roles).toContain(who.role);
  expect(row.case_number).toBe(what.caseNumber);
  expect(row.subject).toMatch(what.subject);
  expect(row.user_agent).toBe(userAgent);
  // The test talks to the gateway over loopback; the address is the one the gateway saw.
  expect(row.source_ip).toMatch(/127\.0\.0\.1|::1/);
  expect(row.at.getTime()).toBeGreaterThanOrEqual(startedAt - 5_000);
  expect(row.at.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
  return row;
}

/** The unit of a seeded demo user (infra/local/demo-users.json), as its token carries it. */
function demoUnitOf(id: string): string {
  const { users } = JSON.parse(readFileSync(`${__dirname}/../infra/local/demo-users.json`, 'utf8')) as {
    users: { id: string; unitId: string }[];
  };
  const user = users.find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return user.unitId;
}

async function token(user: { id: string; roles: string[]; unitId: string }): Promise<string> {
  const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
  return `Bearer ${await issueToken(key, { ...user, name: user.id, roles: user.roles as never }, 'enforcement-local', '10m')}`;
}

const UNIT = 'unit-enforcement-1';
const disclosureOfficer = { id: `u-r8-disclosure-${run}`, roles: ['disclosure-officer'], unitId: UNIT };
const ID_NUMBER = '430223199001011235';
const WORD = `访问登记${run}`;
const caseNumber = `R8-DISC-${run}`;
const decisionNumber = `R8罚〔${new Date().getUTCFullYear()}〕${run}号`;

/** The decision fact, produced onto Kafka as recording-svc emits it, so disclosure-svc drafts its publication. */
async function produceDecision(): Promise<void> {
  const data = caseDecisionIssuedV1.data.parse({
    caseNumber,
    decisionNumber,
    category: 'penalty',
    permitGranted: null,
    party: { name: '某某访问登记测试有限公司', kind: 'organisation', idCode: '91430400MA4L0XXXXX' },
    conclusion: '罚款人民币一万元',
    text:
      `行政处罚决定书 ${decisionNumber}。当事人：某某访问登记测试有限公司。经查，当事人在${WORD}中未按规定登记。` +
      `证人王某某（身份证号${ID_NUMBER}）证实上述事实。决定：罚款人民币一万元。`,
    decidedAt: new Date().toISOString(),
    unitId: UNIT,
    agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
    officers: ['张执法'],
  });
  const kafka = new Kafka({ clientId: 'e2e-r8', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: caseDecisionIssuedV1.type,
      source: 'recording-svc',
      subject: caseNumber,
      time: new Date().toISOString(),
      correlationId: `e2e-r8-${run}`,
      data,
    };
    await producer.send({ topic: Topics.case, messages: [{ key: caseNumber, value: JSON.stringify(envelope) }] });
  } finally {
    await producer.disconnect();
  }
}

describe('every read of enforcement records is logged (SPEC R8, C3)', () => {
  const startedAt = Date.now();
  const reads: { requestId: string; actor: string; service: Service }[] = [];

  it('R8, C3: an officer reading a case’s status and the case list leaves one record each, naming them', async () => {
    await ensureCalendarAhead();
    const caseNo = `R8-${run}`;
    const officer = await bearer('u-officer-1');
    expectStatus(
      await request(gateway)
        .post('/api/v1/cases')
        .set('authorization', officer)
        .send({ caseNumber: caseNo, category: 'penalty', title: `访问登记测试 ${caseNo}`, party: CASE_PARTY }),
      201,
    );
    const who = { actor: 'u-officer-1', role: 'officer', unitId: UNIT };

    const status = await read(`/api/v1/cases/${caseNo}`, officer);
    expectStatus(status.res, 200);
    await expectOneRecord(
      status.requestId,
      'gateway',
      who,
      { action: 'view', caseNumber: caseNo, subject: `${caseNo}/status` },
      startedAt,
    );
    reads.push({ requestId: status.requestId, actor: 'u-officer-1', service: 'gateway' });

    // The list shows the case once recording-svc has projected it; the read that shows it is the one to check.
    const listed = await eventually(async () => {
      const r = await read('/api/v1/cases', officer, { caseNo, pageSize: '10' });
      return r.res.status === 200 && r.res.body.total === 1 ? r : undefined;
    }, 'the case in the officer’s list');
    const row = await expectOneRecord(
      listed.requestId,
      'recording-svc',
      who,
      { action: 'list', caseNumber: null, subject: 'cases' },
      startedAt,
    );
    // One record for the list: the query as asked and the count, not a row per case listed.
    expect(row.detail).toMatchObject({ query: { caseNo, page: 1, pageSize: 10 }, count: 1, returned: 1 });
    reads.push({ requestId: listed.requestId, actor: 'u-officer-1', service: 'recording-svc' });
  }, 60_000);

  it('R8, C3, L9: a legal reviewer viewing a review and its opinion document’s PDF leaves one record each, naming them', async () => {
    const journey = await ReviewJourney.withOpinion('approve');
    const reviewer = await bearer('u-legal-reviewer');
    const who = { actor: 'u-legal-reviewer', role: 'legal-reviewer', unitId: demoUnitOf('u-legal-reviewer') };

    const view = await read(`/api/v1/reviews/${journey.caseNo}`, reviewer);
    expectStatus(view.res, 200);
    const viewed = await expectOneRecord(
      view.requestId,
      'gateway',
      who,
      { action: 'view', caseNumber: journey.caseNo, subject: `${journey.caseNo}/review` },
      startedAt,
    );
    expect(viewed.record_unit_id).toBe(UNIT);

    const copies = expectStatus(await journey.opinionDocuments(), 200).body as { copy: string }[];
    const pdf = await read(`/api/v1/reviews/${journey.caseNo}/opinion-documents/${copies[0].copy}`, reviewer);
    expectStatus(pdf.res, 200);
    expect(pdf.res.headers['content-type']).toContain('application/pdf');
    const downloaded = await expectOneRecord(
      pdf.requestId,
      'review-svc',
      who,
      {
        action: 'download',
        caseNumber: journey.caseNo,
        subject: `${journey.caseNo}/opinion-documents/${copies[0].copy}`,
      },
      startedAt,
    );
    expect(downloaded.detail).toMatchObject({ sha256: pdf.res.headers['x-content-sha256'] });
    reads.push({ requestId: view.requestId, actor: 'u-legal-reviewer', service: 'gateway' });
    reads.push({ requestId: pdf.requestId, actor: 'u-legal-reviewer', service: 'review-svc' });

    // C3: the legal section head finds the reader's three reads under the case (the review, the list of the opinion
    // document's copies, one copy's PDF); the case's unit head too, another unit's head none.
    const byCase = await audit({ case: journey.caseNo, kind: 'read' }, await bearer('u-legal-head'));
    expect(
      byCase
        .filter((e) => e.actor === 'u-legal-reviewer')
        .map((e) => `${e.service} ${e.action}`)
        .sort(),
    ).toEqual(['gateway access.view', 'review-svc access.download', 'review-svc access.view']);
    const ownHead = await audit({ case: journey.caseNo, kind: 'read' }, await bearer('u-unit-head-1'));
    expect(ownHead.some((e) => e.correlationId === pdf.requestId)).toBe(true);
    expect(await audit({ case: journey.caseNo, kind: 'read' }, await bearer('u-unit-head-2'))).toEqual([]);
  }, 120_000);

  it('R8, C3, D6: a disclosure officer opening a draft (the unredacted original) and the inbox leaves one record each; the public portal’s reads leave none', async () => {
    const officer = await token(disclosureOfficer);
    const who = { actor: disclosureOfficer.id, role: 'disclosure-officer', unitId: UNIT };
    await produceDecision();
    const path = `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;
    const draft = await eventually(
      async () => {
        const r = await read(path, officer);
        return r.res.status === 200 ? r : undefined;
      },
      'the publication draft',
      60_000,
    );
    expect(draft.res.body.original).toContain(ID_NUMBER);
    const opened = await expectOneRecord(
      draft.requestId,
      'gateway',
      who,
      { action: 'view', caseNumber, subject: `publications/${decisionNumber}` },
      startedAt,
    );
    expect(opened.detail).toMatchObject({ decisionNumber });
    reads.push({ requestId: draft.requestId, actor: disclosureOfficer.id, service: 'gateway' });

    const inbox = await read('/api/v1/disclosure/inbox', officer);
    expectStatus(inbox.res, 200);
    const listed = await expectOneRecord(
      inbox.requestId,
      'disclosure-svc',
      who,
      { action: 'list', caseNumber: null, subject: 'disclosure/inbox' },
      startedAt,
    );
    expect(listed.detail).toMatchObject({ query: { page: 1, pageSize: 50 }, count: inbox.res.body.tasks.length });
    reads.push({ requestId: inbox.requestId, actor: disclosureOfficer.id, service: 'disclosure-svc' });

    // Published, the decision is public data (redacted, D11): the portal's reads are anonymous and leave no record.
    expectStatus(
      await request(gateway).post(`${path}/publish`).set('authorization', officer).send({ mode: 'full-text' }),
      200,
    );
    const found = await eventually(async () => {
      const r = await read('/api/v1/portal/items', null, { q: WORD, pageSize: '10' });
      return r.res.status === 200 && r.res.body.items.length === 1 ? r : undefined;
    }, 'the item on the portal');
    const item = await read(`/api/v1/portal/items/${encodeURIComponent(found.res.body.items[0].id)}`, null);
    expectStatus(item.res, 200);
    expect(await accessRowsOf(found.requestId)).toEqual([]);
    expect(await accessRowsOf(item.requestId)).toEqual([]);
  }, 120_000);

  it('R8, C3: GET /api/v1/audit finds each person’s reads across the services, with who, from where and the correlation id', async () => {
    expect(reads).toHaveLength(6);
    const legalHead = await bearer('u-legal-head');
    for (const r of reads) {
      const entries = await audit({ person: r.actor, kind: 'read' }, legalHead);
      const entry = entries.find((e) => e.correlationId === r.requestId);
      expect(entry).toMatchObject({ service: r.service, kind: 'read', actor: r.actor, userAgent });
    }
    // Only reads with kind=read; only changes with kind=change.
    const changes = await audit({ person: 'u-officer-1', kind: 'change' }, legalHead);
    expect(changes.every((e) => e.kind === 'change')).toBe(true);
    const bad = await request(gateway)
      .get('/api/v1/audit')
      .query({ person: 'u-officer-1', kind: 'everything' })
      .set('authorization', legalHead);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
  }, 60_000);

  it.each(Object.entries(LOGS))(
    'R8, C3: %s’s own database role cannot update, delete or truncate its access log',
    async (_svc, url) => {
      const db = new PgClient({ connectionString: url });
      await db.connect();
      try {
        const subject = `r8-probe-${run}`;
        await db.query(`insert into access_log (actor, roles, action, subject) values ('e2e', '{}', 'view', $1)`, [
          subject,
        ]);
        await expect(
          db.query(`update access_log set actor = 'someone-else' where subject = $1`, [subject]),
        ).rejects.toThrow(/permission denied for table/);
        await expect(db.query(`delete from access_log where subject = $1`, [subject])).rejects.toThrow(
          /permission denied for table/,
        );
        await expect(db.query(`truncate access_log`)).rejects.toThrow(/permission denied for table/);
      } finally {
        await db.end();
      }
    },
  );
});

interface Entry {
  service: string;
  kind: string;
  actor: string;
  action: string;
  subject: string;
  correlationId: string | null;
  userAgent: string | null;
}

async function audit(query: Record<string, string>, auth: string): Promise<Entry[]> {
  const res = await request(gateway).get('/api/v1/audit').query(query).set('authorization', auth);
  expectStatus(res, 200);
  return res.body.entries as Entry[];
}
