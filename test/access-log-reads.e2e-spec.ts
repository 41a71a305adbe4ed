import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { Topics, caseDecisionIssuedV1, type EventEnvelope } from '@enforcement/domain';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  CASE_PARTY,
  ensureCalendarAhead,
  expectStatus,
  gateway,
  ReviewJourney,
} from '../apps/gateway/src/reviews/testing/review-journey';
import { accessProbe, accessRowsOf, audit, demoUnitOf, LOGS, token, type Service } from './access-log/access-records';

/*
 * SPEC R8, C3 on the real stack: every read of enforcement records through the gateway — a case's status and the
 * case list, a review and its opinion document, a publication draft with the unredacted original (and the answers of
 * the publication commands, which carry it too), the disclosure inbox — and a review read straight from
 * review-svc's port leaves exactly one access record, in the access log of the process that served it, naming the person,
 * their roles and unit, what was read, when, from where and the request's correlation id. GET /api/v1/audit finds
 * them per case and per person. The public portal's reads (published, redacted data) leave none.
 */
const env = stackEnv();
const run = randomUUID().slice(0, 8);
const { userAgent, read, expectOneRecord } = accessProbe(run);

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

    // review-svc's own review read: no part of the product calls it, but its port answers a valid token — so it
    // records the read itself, exactly once, like the gateway's.
    const direct = await read(`/reviews/${journey.caseNo}`, reviewer, {}, serviceUrl('review-svc'));
    expectStatus(direct.res, 200);
    expect(direct.res.body.caseNo).toBe(journey.caseNo);
    const directRow = await expectOneRecord(
      direct.requestId,
      'review-svc',
      who,
      { action: 'view', caseNumber: journey.caseNo, subject: `${journey.caseNo}/review` },
      startedAt,
    );
    expect(directRow.record_unit_id).toBe(UNIT);
    // Not found is no read: another unit's head gets the 404 a missing review gets, and no record is written.
    const stranger = await read(
      `/reviews/${journey.caseNo}`,
      await bearer('u-unit-head-2'),
      {},
      serviceUrl('review-svc'),
    );
    expectStatus(stranger.res, 404);
    expect(await accessRowsOf(stranger.requestId)).toEqual([]);

    // C3: the legal section head finds the reader's four reads under the case (the review through the gateway and
    // straight from review-svc, the list of the opinion document's copies, one copy's PDF); the case's unit head
    // too, another unit's head none.
    const byCase = await audit({ case: journey.caseNo, kind: 'read' }, await bearer('u-legal-head'));
    expect(
      byCase
        .filter((e) => e.actor === 'u-legal-reviewer')
        .map((e) => `${e.service} ${e.action}`)
        .sort(),
    ).toEqual([
      'gateway access.view',
      'review-svc access.download',
      'review-svc access.view',
      'review-svc access.view',
    ]);
    const ownHead = await audit({ case: journey.caseNo, kind: 'read' }, await bearer('u-unit-head-1'));
    expect(ownHead.some((e) => e.correlationId === pdf.requestId)).toBe(true);
    expect(await audit({ case: journey.caseNo, kind: 'read' }, await bearer('u-unit-head-2'))).toEqual([]);
  }, 120_000);

  it('R8, C3, D6: a disclosure officer opening a draft (the unredacted original), the inbox and a replayed command answer leaves one record each; the public portal’s reads leave none', async () => {
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

    // The command's answer carries the original too (D6): publishing leaves one read record beside its audit row.
    const publishId = `r8-${run}-publish`;
    const published = await request(gateway)
      .post(`${path}/publish`)
      .set('authorization', officer)
      .set('x-request-id', publishId)
      .set('user-agent', userAgent)
      .send({ mode: 'full-text' });
    expectStatus(published, 200);
    expect(published.body.original).toContain(ID_NUMBER);
    const answered = await expectOneRecord(
      publishId,
      'gateway',
      who,
      { action: 'view', caseNumber, subject: `publications/${decisionNumber}` },
      startedAt,
    );
    expect(answered.detail).toMatchObject({ decisionNumber, command: 'publish' });
    reads.push({ requestId: publishId, actor: disclosureOfficer.id, service: 'gateway' });

    // The same call again (a client's retry): the stored answer is replayed, the original in it, and nothing is
    // published twice — but it is shown again, so it leaves a record of its own that names the first call.
    const replay = await request(gateway)
      .post(`${path}/publish`)
      .set('authorization', officer)
      .set('x-request-id', publishId)
      .set('user-agent', userAgent)
      .send({ mode: 'full-text' });
    expectStatus(replay, 200);
    expect(replay.body.original).toContain(ID_NUMBER);
    const both = await accessRowsOf(publishId);
    expect(both).toHaveLength(2);
    const again = both.find((r) => r.detail.replayOf !== undefined);
    expect(again).toMatchObject({
      actor: disclosureOfficer.id,
      action: 'view',
      case_number: caseNumber,
      subject: `disclosure/publications/${decisionNumber}/publish`,
      record_unit_id: UNIT,
    });
    expect(again?.detail).toEqual({ replayOf: publishId });

    // Published, the decision is public data (redacted, D11): the portal's reads are anonymous and leave no record.
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
    // Status + list, review + PDF, draft + inbox + publish answer (the disclosure lists: access-log-disclosure).
    expect(reads).toHaveLength(7);
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
