import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import type { CaseWorkflowInput } from '@enforcement/domain';
import {
  createStepFailureActivities,
  InboxMessage,
  OutboxMessage,
  OutboxWriter,
  sqlStateOf,
  STEP_FAILED_ACTION,
  STORE_REFUSED,
  storeRefusal,
  withStoreRefusals,
} from '@enforcement/platform';
import { eventually, stackEnv } from '@enforcement/platform/testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { CaseRecord } from '../cases/case.entity';
import { migrations } from '../database/migrations';
import { parseAvHandOverLimit } from './case-deadline.activities';
import { createCaseActivities, type CaseChangesInput } from './case.activities';

/*
 * Issue 12 (faults), C3, R1 on the test stack's PostgreSQL (a throwaway schema with recording-svc's migrations): the
 * classifier the workers wrap their activities with, on errors the pg driver really raises from the real case
 * activities — a check violation fails once as STORE.REFUSED and stores nothing; a connection the server cut (57P01)
 * and a connection refused are left to Temporal's retries, and the retry stores the batch. Instants relative to now.
 */
describe('C3 (issue 12): activity failures classified on real PostgreSQL errors', () => {
  const schema = `refusals_${randomUUID().slice(0, 8)}`;
  let scratch: ThrowawaySchema;
  let db: DataSource;
  let admin: DataSource;
  let cases: ReturnType<typeof createCaseActivities>;
  const env = new MockActivityEnvironment();

  const caseInput = (caseNumber: string): CaseWorkflowInput => ({
    caseNumber,
    category: 'penalty',
    title: 'issue 12 case',
    unitId: 'unit-1',
    initiatedAt: new Date().toISOString(),
    handlingDeadline: null,
    initiatedBy: 'u-officer-1',
    correlationId: `req-${caseNumber}`,
  });
  const batch = (caseNumber: string, firstSeq: number): CaseChangesInput => ({
    caseNumber,
    category: 'penalty',
    unitId: 'unit-1',
    party: null,
    reviewed: false,
    correlationId: `req-${caseNumber}`,
    actor: 'u-officer-1',
    firstSeq,
    changes: [{ kind: 'review-required', at: new Date().toISOString(), by: 'u-officer-1' }],
  });
  const journalOf = async (caseNumber: string) =>
    (
      await db.query<{ seq: number }[]>(`select seq from case_journal where case_number = $1 order by seq`, [
        caseNumber,
      ])
    ).map((r) => r.seq);

  beforeAll(async () => {
    scratch = await openThrowawaySchema(
      schema,
      migrations.map((M) => new M()),
    );
    // The case activities' entities on the same schema (the throwaway connection knows the outbox and inbox only).
    db = await new DataSource({
      type: 'postgres',
      url: stackEnv().ADMIN_DATABASE_URL,
      schema,
      entities: [CaseRecord, OutboxMessage, InboxMessage],
      extra: { options: `-c search_path=${schema}` },
    }).initialize();
    admin = await new DataSource({ type: 'postgres', url: stackEnv().ADMIN_DATABASE_URL }).initialize();
    // Wrapped exactly as recording-svc's worker wraps its activities (app.module).
    cases = withStoreRefusals(
      createCaseActivities({
        dataSource: db,
        outbox: new OutboxWriter(),
        relay: { kick: () => undefined } as never,
        agency: { id: 'agency-1', name: '某市生态环境局' },
        avHandOver: parseAvHandOverLimit(undefined),
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await admin?.destroy();
    await scratch?.drop();
  });

  it('C3, R1: a journal row the check constraint refuses (seq > 0) fails once as non-retryable STORE.REFUSED, and nothing of the batch is stored', async () => {
    await env.run(cases.registerCase, caseInput('REF-1'));
    const failure = await env.run(cases.recordCaseChanges, batch('REF-1', 0)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: STORE_REFUSED, nonRetryable: true });
    expect((failure as ApplicationFailure).details?.[0]).toMatchObject({
      code: STORE_REFUSED,
      sqlState: '23514',
      activity: 'recordCaseChanges',
    });
    expect(await journalOf('REF-1')).toEqual([]);
    const [row] = await db.query<{ needs_review: boolean }[]>(`select needs_review from cases where case_number = $1`, [
      'REF-1',
    ]);
    expect(row.needs_review).toBe(false);
  }, 60_000);

  it('C3, R1: a connection the server cuts mid-transaction (57P01) is left to Temporal to retry, and the retry stores the batch', async () => {
    await env.run(cases.registerCase, caseInput('REF-2'));
    // Hold the journal so the activity's insert waits; then end its backend as a database restart would.
    const holder = admin.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`lock table ${schema}.case_journal in access exclusive mode`);
    const running = env.run(cases.recordCaseChanges, batch('REF-2', 1)).catch((error: unknown) => error);
    const pid = await eventually(async () => {
      const rows = await admin.query<{ pid: number }[]>(
        `select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%case_journal%'
            and pid <> pg_backend_pid()`,
      );
      return rows[0]?.pid;
    }, 'the activity waiting on the journal');
    await admin.query(`select pg_terminate_backend($1)`, [pid]);
    const failure = await running;
    await holder.rollbackTransaction();
    await holder.release();
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect(sqlStateOf(failure)).toBe('57P01');
    expect(await env.run(async () => storeRefusal('recordCaseChanges', failure))).toBe(failure);
    expect(await journalOf('REF-2')).toEqual([]);
    // Temporal's retry of the same batch, on a fresh connection from the pool.
    await env.run(cases.recordCaseChanges, batch('REF-2', 1));
    expect(await journalOf('REF-2')).toEqual([1]);
  }, 60_000);

  it('C3: a database that refuses connections (nothing listening) is a transient failure, retried', async () => {
    const url = new URL(stackEnv().ADMIN_DATABASE_URL);
    url.port = '1';
    const failure = await new DataSource({ type: 'postgres', url: url.toString(), connectTimeoutMS: 2000 })
      .initialize()
      .catch((error: unknown) => error);
    // The driver's own error (jest's realm makes instanceof Error unreliable here).
    expect((failure as { code?: string }).code).toBe('ECONNREFUSED');
    expect(sqlStateOf(failure)).toBeUndefined();
    expect(await env.run(async () => storeRefusal('recordCaseChanges', failure))).toBe(failure);
  }, 30_000);

  it('C3, C2: a step a workflow gave up on leaves one audit row on its case and one fact for the supervision board, however often the activity is retried', async () => {
    let nudges = 0;
    const steps = withStoreRefusals(
      createStepFailureActivities({
        dataSource: db,
        outbox: new OutboxWriter(),
        relay: { kick: () => void (nudges += 1) },
        source: 'recording-svc',
      }),
    );
    const failure = {
      workflowId: 'case:REF-1',
      subject: 'REF-1',
      unitId: 'unit-1',
      step: 'recordCaseChanges:require-review',
      code: STORE_REFUSED,
      reason: 'recordCaseChanges: the database refused the data (23514 check violation)',
      at: new Date().toISOString(),
    };
    await env.run(steps.recordStepFailure, failure);
    await env.run(steps.recordStepFailure, failure);
    const rows = await db.query<{ actor: string; unit_id: string; detail: Record<string, string> }[]>(
      `select actor, unit_id, detail from audit_log where action = $1 and subject = $2`,
      [STEP_FAILED_ACTION, 'REF-1'],
    );
    expect(rows).toEqual([
      {
        actor: 'system',
        unit_id: 'unit-1',
        detail: expect.objectContaining({ step: 'recordCaseChanges:require-review', code: STORE_REFUSED }),
      },
    ]);
    const facts = await db.query<{ topic: string; key: string; payload: { source: string; data: unknown } }[]>(
      `select topic, key, payload from outbox where type = 'workflow.step-failed.v1' and key = $1`,
      ['REF-1'],
    );
    expect(facts).toEqual([
      {
        topic: 'enforcement.deadline.v1',
        key: 'REF-1',
        payload: expect.objectContaining({
          source: 'recording-svc',
          data: {
            workflowId: 'case:REF-1',
            subject: 'REF-1',
            unitId: 'unit-1',
            step: 'recordCaseChanges:require-review',
            code: STORE_REFUSED,
            reason: failure.reason,
            failedAt: failure.at,
          },
        }),
      },
    ]);
    expect(nudges).toBe(1);
  }, 30_000);
});
