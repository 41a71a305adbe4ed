import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import {
  Topics,
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  type CaseDecisionIssuedV1,
  type CaseDecisionRevokedV1,
  type EventEnvelope,
} from '@enforcement/domain';
import { issueToken } from '@enforcement/platform';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';

/*
 * SPEC D4, D6, D8, D11 end to end on the real stack: a penalty decision fact (produced onto Kafka exactly as
 * recording-svc will emit it) becomes a redacted draft in disclosure-svc, the disclosure officer reviews and
 * publishes it through the gateway, the public finds it on the portal by a word of its text, and it is gone the
 * moment the revocation fact arrives.
 */
const env = stackEnv();
const gateway = serviceUrl('gateway');
const run = randomUUID().slice(0, 8);
const caseNumber = `E2E-DISC-${run}`;
const decisionNumber = `E2E罚〔${new Date().getUTCFullYear()}〕${run}号`;
const UNIT = 'unit-enforcement-1';
const ID_NUMBER = '430223199001011235';
const PHONE = '13812345678';
const WORD = `危化品仓储${run}`;

/** A disclosure officer (信息联络员) of the handling unit, signed by the test stack's issuer. */
async function officerToken(unitId = UNIT): Promise<string> {
  const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
  return issueToken(
    key,
    { id: `u-disclosure-${unitId}`, name: '公示联络员', roles: ['disclosure-officer'], unitId },
    'enforcement-local',
    '10m',
  );
}

async function produce(type: string, data: unknown): Promise<void> {
  const kafka = new Kafka({
    clientId: 'e2e-disclosure',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type,
      source: 'recording-svc',
      subject: caseNumber,
      time: new Date().toISOString(),
      correlationId: `e2e-${run}`,
      data,
    };
    await producer.send({ topic: Topics.case, messages: [{ key: caseNumber, value: JSON.stringify(envelope) }] });
  } finally {
    await producer.disconnect();
  }
}

/** The disclosure facts published for the case (the outbox also carries its deadline.* facts for C2). */
async function outboxTypes(): Promise<string[]> {
  const client = new PgClient({ connectionString: env.DISCLOSURE_DATABASE_URL });
  await client.connect();
  try {
    const rows = (
      await client.query(
        `select type from outbox where key = $1 and type like 'disclosure.%' and published_at is not null order by seq`,
        [caseNumber],
      )
    ).rows as { type: string }[];
    return rows.map((r) => r.type);
  } finally {
    await client.end();
  }
}

const decision: CaseDecisionIssuedV1 = caseDecisionIssuedV1.data.parse({
  caseNumber,
  decisionNumber,
  category: 'penalty',
  permitGranted: null,
  party: { name: '某某危化品储运有限公司', kind: 'organisation', idCode: '91430400MA4L0XXXXX' },
  conclusion: '罚款人民币三万元',
  text:
    `行政处罚决定书 ${decisionNumber}。当事人：某某危化品储运有限公司。经查，当事人在${WORD}作业中未按规定设置警示标志。` +
    `证人李小红（身份证号${ID_NUMBER}，联系电话${PHONE}）证实上述事实。决定：罚款人民币三万元。执法人员：张执法。`,
  decidedAt: new Date().toISOString(),
  unitId: UNIT,
  agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
  officers: ['张执法'],
});

describe('disclosure: a decision from fact to portal and back (SPEC D4, D6, D8, D9, D11)', () => {
  it('D4, D6, D8, D9, D11, D12: a penalty decision appears redacted on the portal after the officer’s review, found by a word of its text, within its 7 working days; D9: an objection with evidence is answered with reasons and corrects it; it is gone when revoked; the unit’s record counts it on time', async () => {
    const token = await officerToken();
    await produce(caseDecisionIssuedV1.type, decision);
    const path = `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;

    // D6: the draft, beside the original, hides the witness's ID number and phone.
    const draft = await eventually(
      async () => {
        const res = await request(gateway).get(path).set('authorization', `Bearer ${token}`);
        return res.status === 200
          ? (res.body as { status: string; original: string; redacted: string; publishBy: { deadline: string } })
          : undefined;
      },
      'the publication draft',
      60_000,
    );
    expect(draft.status).toBe('in-review');
    expect(draft.original).toContain(ID_NUMBER);
    expect(draft.redacted).not.toContain(ID_NUMBER);
    expect(draft.redacted).not.toContain(PHONE);

    // C1: the agency office's disclosure officer sees every unit's (000 附件1 第四条); an enforcement officer does not
    // review publications; the public cannot review.
    await request(gateway)
      .get(path)
      .set('authorization', `Bearer ${await officerToken('unit-office')}`)
      .expect(200);
    const key = readFileSync(env.JWT_PRIVATE_KEY_FILE, 'utf8');
    const enforcementOfficer = { id: 'u-e2e-officer', name: '执法员', roles: ['officer' as const], unitId: UNIT };
    await request(gateway)
      .get(path)
      .set('authorization', `Bearer ${await issueToken(key, enforcementOfficer, 'enforcement-local', '10m')}`)
      .expect(403);
    await request(gateway).post(`${path}/publish`).send({ mode: 'full-text' }).expect(401);

    // D6: a penalty may not be published in a mode that does not exist; a malformed body is a 400, never a 500.
    await request(gateway)
      .post(`${path}/publish`)
      .set('authorization', `Bearer ${token}`)
      .send({ mode: 'everything' })
      .expect(400);

    const published = await request(gateway)
      .post(`${path}/publish`)
      .set('authorization', `Bearer ${token}`)
      .send({ mode: 'full-text' })
      .expect(200);
    expect(published.body.status).toBe('published');
    expect(Date.parse(published.body.publishedAt)).toBeLessThanOrEqual(Date.parse(draft.publishBy.deadline));

    // D11: anyone finds it by a word of its text, without a token; only the redacted text leaves the service.
    const found = await eventually(async () => {
      const res = await request(gateway).get('/api/v1/portal/items').query({ q: WORD, pageSize: 10 });
      return res.status === 200 && res.body.items.length === 1 ? res.body : undefined;
    }, 'the item on the portal');
    const item = found.items[0];
    expect(item).toMatchObject({
      decisionNumber,
      category: 'penalty',
      mode: 'full-text',
      target: '某某危化品储运有限公司',
    });
    expect(item.body).toContain(WORD);
    expect(item.body).not.toContain(ID_NUMBER);
    expect(item.body).not.toContain(PHONE);
    expect(item.body).not.toContain('李小红');
    const byId = await request(gateway)
      .get(`/api/v1/portal/items/${encodeURIComponent(item.id)}`)
      .expect(200);
    expect(byId.body.body).toBe(item.body);
    await request(gateway).get('/api/v1/portal/items').query({ pageSize: 500 }).expect(400);

    // D9: anyone may object, with evidence; the unit's disclosure officer answers with reasons and corrects.
    await request(gateway)
      .post('/api/v1/portal/objections')
      .send({
        itemId: item.id,
        name: '王某',
        contact: '13900000000',
        content: '公示的罚款金额有误。',
        evidenceRefs: [],
      })
      .expect(400);
    const filed = await request(gateway)
      .post('/api/v1/portal/objections')
      .send({
        itemId: item.id,
        name: '王某',
        contact: '13900000000',
        content: '公示的罚款金额与送达的决定书不一致。',
        evidenceRefs: ['决定书送达回证'],
      })
      .expect(201);
    expect(Date.parse(filed.body.decideBy)).toBeGreaterThan(Date.now());
    const objectionPath = `/api/v1/portal/objections/${filed.body.objectionId}`;
    expect((await request(gateway).get(objectionPath).expect(200)).body).toMatchObject({
      status: 'open',
      decision: null,
    });
    const amount = decision.text.indexOf('三万元');
    await request(gateway)
      .post(`/api/v1/disclosure/objections/${filed.body.objectionId}/decision`)
      .set('authorization', `Bearer ${token}`)
      .send({
        outcome: 'corrected',
        reasons: '经核实，公示的罚款金额有误，予以更正。',
        correction: {
          changes: [{ op: 'add', type: 'other', start: amount, end: amount + 3 }],
          summary: '更正罚款金额',
        },
      })
      .expect(200);
    const answered = (await request(gateway).get(objectionPath).expect(200)).body;
    expect(answered).toMatchObject({ status: 'decided', decision: { outcome: 'corrected' } });
    expect(answered.decision.reasons).toContain('予以更正');
    expect(JSON.stringify(answered)).not.toContain('13900000000');
    const corrected = await request(gateway)
      .get(`/api/v1/portal/items/${encodeURIComponent(item.id)}`)
      .expect(200);
    expect(corrected.body.body).not.toContain('三万元');

    // D8: revoked — gone from the portal at once.
    const revocation: CaseDecisionRevokedV1 = {
      caseNumber,
      decisionNumber,
      kind: 'revoked',
      legalDocument: { number: `复决${run}`, issuedBy: '演示市人民政府', receivedAt: new Date().toISOString() },
      explanation: '原处罚决定经行政复议被撤销。',
      newDecisionNumber: null,
      unitId: UNIT,
    };
    await produce(caseDecisionRevokedV1.type, caseDecisionRevokedV1.data.parse(revocation));
    await eventually(
      async () => {
        const res = await request(gateway).get('/api/v1/portal/items').query({ q: WORD });
        return res.status === 200 && res.body.items.length === 0 ? true : undefined;
      },
      'the item gone from the portal',
      60_000,
    );
    await request(gateway)
      .get(`/api/v1/portal/items/${encodeURIComponent(item.id)}`)
      .expect(404);

    // D12: the unit's record counts the publication as on time. The disclosure officer is agency-wide (000 附件1
    // 第四条), so other units' records (results of draws, other tests) are listed too unless one unit is asked for.
    const record = await request(gateway)
      .get('/api/v1/disclosure/accountability')
      .query({ unitId: UNIT })
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(record.body.units).toEqual([expect.objectContaining({ unitId: UNIT })]);
    expect(record.body.units[0].onTime).toBeGreaterThanOrEqual(1);
    await request(gateway).get('/api/v1/disclosure/accountability').expect(401);

    // The facts went out through the outbox, in order.
    expect(
      await eventually(async () => {
        const types = await outboxTypes();
        return types.length === 3 ? types : undefined;
      }, 'disclosure facts published'),
    ).toEqual(['disclosure.published.v1', 'disclosure.corrected.v1', 'disclosure.withdrawn.v1']);
  }, 180_000);
});
