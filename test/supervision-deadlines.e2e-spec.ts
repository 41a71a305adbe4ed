import { randomUUID } from 'node:crypto';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import {
  DEADLINE_DIGEST_SCHEDULE_ID,
  Topics,
  caseDecisionIssuedV1,
  type CaseDecisionIssuedV1,
  type EventEnvelope,
} from '@enforcement/domain';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  expectStatus,
  gateway,
  ReviewJourney,
  type DemoUser,
} from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * SPEC C2 on the real stack: a review accepted by the legal section (review-svc's own limit) and publications of
 * decisions (disclosure-svc's D4 limit, announced as `deadline.started.v1` and folded into review-svc's board) show up
 * on GET /api/v1/supervision/deadlines for the unit head of their unit and the legal section, never for another
 * unit's head; overdue first; the morning digest, triggered by hand, lists the overdue one.
 */
const env = stackEnv();
const run = randomUUID().slice(0, 8);
const DAY = 86_400_000;

type Limit = {
  key: string;
  kind: string;
  caseNo: string;
  unitId: string;
  overdue: boolean;
  workdaysLeft: number | null;
};

async function produceDecision(caseNumber: string, unitId: string, decidedAt: Date): Promise<string> {
  const decisionNumber = `E2E监〔${new Date().getUTCFullYear()}〕${caseNumber}号`;
  const data: CaseDecisionIssuedV1 = caseDecisionIssuedV1.data.parse({
    caseNumber,
    decisionNumber,
    category: 'penalty',
    permitGranted: null,
    party: { name: '某监督测试有限公司', kind: 'organisation', idCode: '91430400MA4L0XXXXX' },
    conclusion: '警告',
    text: `行政处罚决定书 ${decisionNumber}。当事人：某监督测试有限公司。决定：警告。执法人员：张执法。`,
    decidedAt: decidedAt.toISOString(),
    unitId,
    agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
    officers: ['张执法'],
  });
  const kafka = new Kafka({
    clientId: 'e2e-supervision',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: caseDecisionIssuedV1.type,
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
  return decisionNumber;
}

async function board(user: DemoUser, query: Record<string, string | number> = {}) {
  return request(gateway)
    .get('/api/v1/supervision/deadlines')
    .query({ pageSize: 100, ...query })
    .set('authorization', await bearer(user));
}

async function limitsOf(user: DemoUser, query: Record<string, string | number> = {}): Promise<Limit[]> {
  return (expectStatus(await board(user, query), 200).body as { items: Limit[] }).items;
}

describe('time-limit supervision across the services (SPEC C2)', () => {
  it('C2, C1: a review limit and disclosure limits appear for their unit head and the legal section, overdue first with working days left; another unit’s head sees none of them; the digest lists the overdue one', async () => {
    // A review accepted by the legal reviewer: its review limit runs (review-svc's own inbox).
    const journey = await ReviewJourney.initiated('SV');
    expectStatus(await journey.submit(), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept', {}), 200);
    // Publications: one decided now (running), one decided 30 days ago (its 7 working days are over), one of unit 2.
    const onTime = `SV-PUB-${run}`;
    const late = `SV-LATE-${run}`;
    const other = `SV-OTHER-${run}`;
    await produceDecision(onTime, 'unit-enforcement-1', new Date());
    await produceDecision(late, 'unit-enforcement-1', new Date(Date.now() - 30 * DAY));
    await produceDecision(other, 'unit-enforcement-2', new Date());

    // Each case by its number: a unit's board also holds every running limit of the other tests' cases (recording-svc
    // announces AV hand-overs and approval backfills from their start), so this test's need not be on one page.
    const ofCase = async (caseNo: string) =>
      (await limitsOf('u-unit-head-1', { caseNo })).find((i) => i.caseNo === caseNo);
    const [review, onTimeLimit, lateLimit] = await eventually(
      async () => {
        const found = await Promise.all([journey.caseNo, onTime, late].map(ofCase));
        return found.every((f) => f !== undefined) && found[2].overdue ? found : undefined;
      },
      'the review and both publications on unit 1’s board',
      90_000,
    );
    expect(review).toMatchObject({ kind: 'review', unitId: 'unit-enforcement-1', overdue: false });
    expect(review.workdaysLeft).toBeGreaterThan(0);
    expect(onTimeLimit).toMatchObject({ kind: 'publication', overdue: false });
    expect(lateLimit).toMatchObject({ kind: 'publication', overdue: true, workdaysLeft: 0 });
    const mine = await limitsOf('u-unit-head-1');
    // Overdue first: every overdue limit comes before every running one.
    const firstRunning = mine.findIndex((i) => !i.overdue);
    expect(mine.slice(firstRunning).some((i) => i.overdue)).toBe(false);
    expect(mine.findIndex((i) => i.caseNo === late)).toBeLessThan(firstRunning);
    expect(mine.every((i) => i.unitId === 'unit-enforcement-1')).toBe(true);
    expect(mine.some((i) => i.caseNo === other)).toBe(false);

    // The other unit's head sees their own publication, none of unit 1's; asking for unit 1 is refused.
    const theirs = await eventually(
      async () => {
        const items = await limitsOf('u-unit-head-2');
        return items.some((i) => i.caseNo === other) ? items : undefined;
      },
      'unit 2’s publication on its board',
      60_000,
    );
    expect(theirs.some((i) => [journey.caseNo, onTime, late].includes(i.caseNo))).toBe(false);
    const refused = await board('u-unit-head-2', { unit: 'unit-enforcement-1' });
    expect([refused.status, refused.body.code]).toEqual([403, 'SUPERVISION.NOT_OWN_UNIT']);
    expect(refused.body.message.zh).toMatch(/本承办机构/);

    // The legal section sees every unit, and filters.
    for (const c of [journey.caseNo, onTime, late, other]) {
      expect((await limitsOf('u-legal-head', { caseNo: c })).some((i) => i.caseNo === c)).toBe(true);
    }
    const reviews = await limitsOf('u-legal-head', { kind: 'review', unit: 'unit-enforcement-1' });
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((i) => i.kind === 'review' && i.unitId === 'unit-enforcement-1')).toBe(true);
    const figures = expectStatus(await board('u-legal-head'), 200).body as {
      byUnit: { unitId: string; overdue: number }[];
    };
    expect(figures.byUnit.find((u) => u.unitId === 'unit-enforcement-1')?.overdue).toBeGreaterThan(0);

    // C1: an officer is not a supervisor; bad filters are a bilingual 400.
    expectStatus(await board('u-officer-1'), 403);
    const bad = expectStatus(await board('u-legal-head', { kind: 'parking', page: 0 }), 400).body;
    expect(bad.message.en).toBeTruthy();
    expect(bad.message.zh).toBeTruthy();

    // The morning digest, run now by hand through its schedule, lists the overdue publication for unit 1 only.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    try {
      const temporal = new TemporalClient({ connection, namespace: env.TEMPORAL_NAMESPACE });
      await temporal.schedule.getHandle(DEADLINE_DIGEST_SCHEDULE_ID).trigger();
    } finally {
      await connection.close();
    }
    const digest = await eventually(
      async () => {
        const res = await request(gateway)
          .get('/api/v1/supervision/digests')
          .set('authorization', await bearer('u-unit-head-1'));
        const items = (res.body as { items?: { unitId: string; overdue: { caseNo: string }[] }[] }).items ?? [];
        return items.some((d) => d.overdue.some((l) => l.caseNo === late)) ? items : undefined;
      },
      'unit 1’s digest with the overdue publication',
      60_000,
    );
    expect(digest.every((d) => d.unitId === 'unit-enforcement-1')).toBe(true);
  }, 240_000);
});
