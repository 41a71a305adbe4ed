import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import {
  Topics,
  caseDecisionIssuedV1,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type EventEnvelope,
} from '@enforcement/domain';
import { eventually, stackDataConverter, stackEnv } from '@enforcement/platform/testing/stack-env';

/*
 * Issue 10, SPEC D4 end to end on the real stack: disclosure-svc's consumer commits a decision's draft with a pending
 * workflow start and starts the workflow after the commit. The fact is delivered twice (Kafka's redelivery: the same
 * event id) and the decision announced once more under a new id: the inbox and the draft's own identity keep it to
 * one draft, one `drafted` step, one `deadline.started.v1`, one workflow, which begins from the committed draft.
 */
const env = stackEnv();
const run = randomUUID().slice(0, 8);
const caseNumber = `E2E-START-${run}`;
const decisionNumber = `E2E罚〔${new Date().getUTCFullYear()}〕S${run}号`;
const publicationId = publicationWorkflowId(decisionNumber);

const decision: CaseDecisionIssuedV1 = caseDecisionIssuedV1.data.parse({
  caseNumber,
  decisionNumber,
  category: 'penalty',
  permitGranted: null,
  party: { name: '某某建材有限公司', kind: 'organisation', idCode: null },
  conclusion: '罚款人民币一万元',
  text: `行政处罚决定书 ${decisionNumber}。当事人：某某建材有限公司。证人王小明（电话13912345678）证实。罚款人民币一万元。`,
  decidedAt: new Date().toISOString(),
  unitId: 'unit-enforcement-1',
  agency: { id: 'demo-civil-affairs-bureau', name: '演示市民政局' },
  officers: ['张执法'],
});

const envelope = (): EventEnvelope => ({
  id: randomUUID(),
  type: caseDecisionIssuedV1.type,
  source: 'recording-svc',
  subject: caseNumber,
  time: new Date().toISOString(),
  correlationId: `e2e-${run}`,
  data: decision,
});

async function produce(...envelopes: EventEnvelope[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'e2e-draft-start',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const e of envelopes) {
      await producer.send({ topic: Topics.case, messages: [{ key: caseNumber, value: JSON.stringify(e) }] });
    }
  } finally {
    await producer.disconnect();
  }
}

describe('disclosure: the draft commits before its workflow starts (issue 10, SPEC D4)', () => {
  let db: PgClient;
  let connection: Connection;
  let temporal: TemporalClient;
  /** The ids of the facts this test sent (the inbox keys). */
  const ids: string[] = [];

  beforeAll(async () => {
    db = new PgClient({ connectionString: env.DISCLOSURE_DATABASE_URL });
    await db.connect();
    connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    temporal = new TemporalClient({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      dataConverter: stackDataConverter(),
    });
  });

  afterAll(async () => {
    await temporal?.workflow
      .getHandle(publicationId)
      .terminate('e2e over')
      .catch(() => undefined);
    await connection?.close();
    await db?.end();
  });

  async function counts() {
    const { rows } = await db.query<{ drafted: number; started: number; pending: number; inbox: number }>(
      `select (select count(*) from publication_history where publication_id = $1 and step = 'drafted')::int as drafted,
              (select count(*) from outbox where type = 'deadline.started.v1' and payload->'data'->>'subjectId' = $1)::int
                as started,
              (select count(*) from publication_starts where publication_id = $1)::int as pending,
              (select count(*) from inbox where consumer = 'disclosure.publications' and message_id = any($2::uuid[]))::int
                as inbox`,
      [publicationId, ids],
    );
    return rows[0];
  }

  it('D4, D6: a fact delivered twice and the decision announced again give one draft and one workflow, started from that draft after the commit', async () => {
    const first = envelope();
    const again = envelope();
    ids.push(first.id, again.id);
    await produce(first, first, again);

    // The third message is handled once the first two are (one partition per case): then all are committed.
    const settled = await eventually(
      async () => {
        const c = await counts();
        return c.inbox === 2 && c.pending === 0 ? c : undefined;
      },
      'both facts handled and the workflow started',
      60_000,
    );
    expect(settled).toEqual({ drafted: 1, started: 1, pending: 0, inbox: 2 });

    const handle = temporal.workflow.getHandle(publicationId);
    const described = await handle.describe();
    expect(described.status.name).toBe('RUNNING');
    const { events } = await handle.fetchHistory();
    const activities = (events ?? [])
      .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
      .filter((name): name is string => Boolean(name));
    // It began from the committed draft: no second limit computation, no second draft.
    expect(activities).not.toContain('prepareDraft');
    expect(activities).not.toContain('computePublicationLimit');
    const { rows } = await db.query<{ marks: unknown[] }>(`select marks from publications where publication_id = $1`, [
      publicationId,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].marks.length).toBeGreaterThan(0); // the witness and the phone number are marked
  }, 90_000);
});
