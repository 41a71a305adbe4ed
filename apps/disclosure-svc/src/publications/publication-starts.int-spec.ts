import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { DefaultLogger, Runtime, bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  caseDecisionIssuedV1,
  caseDecisionRevokedV1,
  publicationPeriod,
  publicationViewQuery,
  publicationWorkflowId,
  type CaseDecisionIssuedV1,
  type EventEnvelope,
  type PublicationWorkflowInput,
} from '@enforcement/domain';
import { OutboxWriter } from '@enforcement/platform';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { currentCalendar } from '@enforcement/workdays';
import { createPublicationCalendarActivities } from '../activities/publication-calendar.activities';
import { createPublicationStoreActivities } from '../activities/publication-store.activities';
import { migrations } from '../database/migrations';
import { DecisionEventsConsumer } from '../messaging/decision-events.consumer';
import { quietLogger } from '../workflows/testing/disclosure-scenario.fixture';
import { claimDueStarts } from './publication-starts.queue';
import { PublicationStarter, type PublicationStarterOptions } from './publication.starter';

/*
 * Issue 10, SPEC D4 on the test stack's PostgreSQL (a throwaway schema with disclosure-svc's migrations) and Temporal
 * (a task queue of this file's own, served by a worker here with the real publication workflow and activities on that
 * schema): the decision consumer commits the draft with a pending start, and the workflow is started after the
 * commit — by the starter, also when the start failed or the process died between commit and start. Decisions of a
 * bundled past year (2019), never today's; a run's own decision numbers.
 */
describe('publication starts after the draft commits (issue 10, D4; PostgreSQL, Temporal)', () => {
  const env = stackEnv();
  const run = randomUUID().slice(0, 8);
  const taskQueue = `int-publication-starts-${run}`;
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let connection: Connection;
  let temporal: Client;
  let worker: Worker;
  let working: Promise<void>;
  const outbox = new OutboxWriter();
  const started: string[] = [];

  beforeAll(async () => {
    try {
      // The worker's own state changes would fill the test output; its errors still show.
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // installed already in this process
    }
    scratch = await openThrowawaySchema(
      `starts_${run}`,
      migrations.map((M) => new M()),
    );
    db = scratch.db;
    connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      logger: quietLogger,
    });
    worker = await Worker.create({
      connection: await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS }),
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue,
      workflowBundle,
      activities: {
        ...createPublicationCalendarActivities({ calendar: currentCalendar }),
        ...createPublicationStoreActivities({ dataSource: db, outbox, relay: { kick: () => undefined } as never }),
      },
    });
    working = worker.run();
  }, 180_000);

  afterAll(async () => {
    for (const id of started) {
      await temporal.workflow
        .getHandle(id)
        .terminate('test over')
        .catch(() => undefined);
    }
    worker?.shutdown();
    await working?.catch(() => undefined);
    await connection?.close();
    await scratch?.drop();
  }, 60_000);

  const starterWith = (client: Client, options: Partial<PublicationStarterOptions> = {}) =>
    new PublicationStarter(db, client, { taskQueue, ...options });

  function decision(n: number): CaseDecisionIssuedV1 {
    const decisionNumber = `罚〔2019〕${run}-${n}号`;
    started.push(publicationWorkflowId(decisionNumber));
    return {
      caseNumber: `INT-START-${run}-${n}`,
      decisionNumber,
      category: 'penalty',
      permitGranted: null,
      party: { name: '某某化工有限公司', kind: 'organisation', idCode: null },
      conclusion: '罚款人民币五万元',
      text: '某某化工有限公司超标排放。证人李小红（电话13812345678）证实。罚款人民币五万元。执法人员：张执法。',
      decidedAt: '2019-06-03T02:00:00.000Z',
      unitId: 'unit-a',
      agency: { id: 'agency-1', name: '某市生态环境局' },
      officers: ['张执法'],
    };
  }

  const envelope = (type: string, data: unknown, subject: string): EventEnvelope => ({
    id: randomUUID(),
    type,
    source: 'recording-svc',
    subject,
    time: new Date().toISOString(),
    correlationId: `int-${run}`,
    data,
  });

  /** What EventConsumer does with a new message: the handler in one transaction, afterCommit once it committed. */
  async function deliver(consumer: DecisionEventsConsumer, event: EventEnvelope, afterCommit = true): Promise<void> {
    await db.transaction((m) => consumer.handle(event, m));
    if (afterCommit) consumer.afterCommit(event);
  }

  async function counts(publicationId: string) {
    const [row] = await db.query<{ publications: number; drafted: number; started: number; pending: number }[]>(
      `select (select count(*) from publications where publication_id = $1)::int as publications,
              (select count(*) from publication_history where publication_id = $1 and step = 'drafted')::int as drafted,
              (select count(*) from outbox where type = 'deadline.started.v1' and payload->'data'->>'subjectId' = $1)::int
                as started,
              (select count(*) from publication_starts where publication_id = $1)::int as pending`,
      [publicationId],
    );
    return row;
  }

  async function workflowExists(publicationId: string): Promise<boolean> {
    try {
      await temporal.workflow.getHandle(publicationId).describe();
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }

  /** The workflow's view, once its worker has run its first task. */
  const viewOf = (publicationId: string) =>
    eventually(
      () => temporal.workflow.getHandle(publicationId).query(publicationViewQuery),
      `view of ${publicationId}`,
    );

  it('D4, D6: the draft and its pending start commit before any workflow exists; the start after the commit runs the workflow from that draft, which writes it nothing twice; the same decision announced again adds nothing', async () => {
    const starter = starterWith(temporal);
    const consumer = new DecisionEventsConsumer(temporal, outbox, starter);
    const d = decision(1);
    const id = publicationWorkflowId(d.decisionNumber);

    await deliver(consumer, envelope(caseDecisionIssuedV1.type, d, d.caseNumber), false);
    expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 1 });
    expect(await workflowExists(id)).toBe(false);
    const [{ input }] = await db.query<
      {
        input: PublicationWorkflowInput;
      }[]
    >(`select input from publication_starts where publication_id = $1`, [id]);
    const [{ marks }] = await db.query<
      {
        marks: unknown;
      }[]
    >(`select marks from publications where publication_id = $1`, [id]);
    expect(input.drafted?.draft.marks).toEqual(marks);

    expect(await starter.sweep()).toBe(1);
    expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 0 });
    const view = await viewOf(id);
    expect(view.status).toBe('in-review');
    expect(view.marks).toEqual(marks);
    expect(view.redacted).not.toContain('13812345678');
    const activities = (await temporal.workflow.getHandle(id).fetchHistory()).events
      ?.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
      .filter(Boolean);
    expect(activities).not.toContain('prepareDraft');
    expect(activities).not.toContain('computePublicationLimit');

    // The same decision under another fact id (recording-svc announced it twice): no second draft, no second start.
    const { runId } = await temporal.workflow.getHandle(id).describe();
    await deliver(consumer, envelope(caseDecisionIssuedV1.type, d, d.caseNumber));
    expect(await starter.sweep()).toBe(0);
    expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 0 });
    const now = await temporal.workflow.getHandle(id).describe();
    expect([now.runId, now.status.name]).toEqual([runId, 'RUNNING']);
  }, 90_000);

  it('D4, D6, C2: a draft the workflow wrote itself (retried) is written once, and a fact arriving after it writes no second draft, no second limit fact and queues no start', async () => {
    const store = createPublicationStoreActivities({
      dataSource: db,
      outbox,
      relay: { kick: () => undefined } as never,
    });
    const calendar = createPublicationCalendarActivities({ calendar: currentCalendar });
    const d = decision(6);
    const id = publicationWorkflowId(d.decisionNumber);
    const limit = await calendar.computePublicationLimit({ from: d.decidedAt, period: publicationPeriod(d.category) });
    // The workflow's own prepareDraft, and its retry (the activity's result lost): one statement each.
    const first = await store.prepareDraft({ publicationId: id, decision: d, limit });
    const retried = await store.prepareDraft({ publicationId: id, decision: d, limit });
    expect(retried).toEqual(first);
    expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 0 });

    const starter = starterWith(temporal);
    await deliver(
      new DecisionEventsConsumer(temporal, outbox, starter),
      envelope(caseDecisionIssuedV1.type, d, d.caseNumber),
    );
    expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 0 });
    expect(await starter.sweep()).toBe(0);
    expect(await workflowExists(id)).toBe(false);
  }, 90_000);

  it('D4: a start Temporal refuses leaves the row pending with its error and a back-off; a sweep after the back-off starts the workflow', async () => {
    // A real refusal from the real server: the namespace does not exist.
    const refusing = new Client({ connection, namespace: `missing-${run}` });
    const failing = starterWith(refusing, { retryMs: 60_000 });
    const d = decision(2);
    const id = publicationWorkflowId(d.decisionNumber);
    await deliver(
      new DecisionEventsConsumer(refusing, outbox, failing),
      envelope(caseDecisionIssuedV1.type, d, d.caseNumber),
      false,
    );

    expect(await failing.sweep()).toBe(1);
    const [row] = await db.query<{ attempts: number; last_error: string | null; backing_off: boolean }[]>(
      `select attempts, last_error, next_attempt_at > now() + interval '50 seconds' as backing_off
         from publication_starts where publication_id = $1`,
      [id],
    );
    expect(row).toEqual({ attempts: 1, last_error: expect.stringMatching(/namespace/i), backing_off: true });
    expect(await workflowExists(id)).toBe(false);

    const healthy = starterWith(temporal);
    expect(await healthy.sweep()).toBe(0); // the back-off holds
    // The minute passes (the database's clock is the row's clock; moving the row stands for waiting).
    await db.query(`update publication_starts set next_attempt_at = now() where publication_id = $1`, [id]);
    expect(await healthy.sweep()).toBe(1);
    expect((await viewOf(id)).status).toBe('in-review');
    expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 0 });
  }, 90_000);

  it('D4: a process that dies after the commit — before its start, or holding the row’s lease — leaves the row to the starter of the next process, which starts the workflow once', async () => {
    const starter = starterWith(temporal, { sweepMs: 200 });
    const consumer = new DecisionEventsConsumer(temporal, outbox, starter);
    const before = decision(3);
    const leased = decision(4);
    // Died before its start: committed, never kicked.
    await deliver(consumer, envelope(caseDecisionIssuedV1.type, before, before.caseNumber), false);
    await deliver(consumer, envelope(caseDecisionIssuedV1.type, leased, leased.caseNumber), false);
    // Died holding a lease: claimed both, started neither; the next process's starter must wait the lease out.
    expect(await claimDueStarts(db, 10, 60_000)).toHaveLength(2);
    await db.query(`update publication_starts set next_attempt_at = now() where publication_id = $1`, [
      publicationWorkflowId(before.decisionNumber),
    ]);

    starter.onApplicationBootstrap(); // the next process starts: its sweeper runs on its own
    try {
      await eventually(
        async () => ((await workflowExists(publicationWorkflowId(before.decisionNumber))) ? true : undefined),
        'the left-over start',
      );
      expect(await workflowExists(publicationWorkflowId(leased.decisionNumber))).toBe(false);
      // The lease runs out.
      await db.query(`update publication_starts set next_attempt_at = now() where publication_id = $1`, [
        publicationWorkflowId(leased.decisionNumber),
      ]);
      await eventually(
        async () => ((await counts(publicationWorkflowId(leased.decisionNumber))).pending === 0 ? true : undefined),
        'the leased start',
      );
    } finally {
      await starter.beforeApplicationShutdown();
    }
    for (const d of [before, leased]) {
      const id = publicationWorkflowId(d.decisionNumber);
      expect((await viewOf(id)).status).toBe('in-review');
      expect(await counts(id)).toEqual({ publications: 1, drafted: 1, started: 1, pending: 0 });
    }
  }, 90_000);

  it('D8: a revocation arriving while the issue’s start is still pending starts the workflow and reaches it: the decision is never published', async () => {
    const starter = starterWith(temporal);
    const consumer = new DecisionEventsConsumer(temporal, outbox, starter);
    const d = decision(5);
    const id = publicationWorkflowId(d.decisionNumber);
    await deliver(consumer, envelope(caseDecisionIssuedV1.type, d, d.caseNumber), false);
    const revoked = caseDecisionRevokedV1.data.parse({
      caseNumber: d.caseNumber,
      decisionNumber: d.decisionNumber,
      kind: 'revoked',
      legalDocument: { number: '复决〔2019〕9号', issuedBy: '某市人民政府', receivedAt: '2019-06-05T02:00:00.000Z' },
      explanation: '原处罚决定经行政复议被撤销。',
      newDecisionNumber: null,
      unitId: d.unitId,
    });
    await deliver(consumer, envelope(caseDecisionRevokedV1.type, revoked, d.caseNumber));
    expect((await counts(id)).pending).toBe(0);
    const done = await temporal.workflow.getHandle(id).result();
    expect(done.status).toBe('withdrawn');
    expect(done.publishedAt).toBeNull();
    const [row] = await db.query<
      {
        status: string;
      }[]
    >(`select status from publications where publication_id = $1`, [id]);
    expect(row.status).toBe('withdrawn');
  }, 90_000);
});
