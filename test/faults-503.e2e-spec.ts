import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { google, temporal } from '@temporalio/proto';
import {
  CASE_PARTY,
  LARGE_FINE,
  PARTY_NAME,
  PENALTY_FACTS,
  bearer,
  ensureCalendarAhead,
  expectStatus,
  lastCoveredDay,
  materials,
} from '../apps/gateway/src/reviews/testing/review-journey';
import { reviewCommandUpdate, reviewWorkflowId } from '@enforcement/domain';
import { eventually, serviceUrl, stackDataConverter, stackEnv } from '@enforcement/platform/testing/stack-env';
import { startChildService, type ChildService } from './faults/service-children';
import { startTcpRelay, type TcpRelay } from './faults/tcp-relay';

/*
 * Issue 12, "honest answers under faults": with PostgreSQL down, preliminary review, submit and the catalogue answered
 * 500; with Temporal down, case creation and review commands answered 500 after 20 s. A client retries a 503, not a
 * 500. This suite takes each dependency away deterministically — from its own gateway, review-svc and recording-svc,
 * started as child processes whose PostgreSQL and Temporal connections go through relays it cuts — and checks that
 * every one of those calls answers 503 with Retry-After and the bilingual body with its code (which dependency is down
 * is not the public's business: it is in the children's logs), that /health answers 503, and that once the relay is open again the same call (same x-request-id) succeeds once, with nothing half-done.
 * The shared stack's services connect directly and never see a cut; the children's workers poll a Temporal namespace
 * of their own, so no task of the shared stack's reaches them (their Kafka consumers share the services' groups and
 * handle what they are given, as a replica would: the inbox makes every fact count once).
 */
const NAMESPACE = 'enforcement-faults';
// The custom search attributes the workflows set: the same list infra/local/stack gives the stack's namespace.
const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
const SEARCH_ATTRIBUTES = {
  CaseNumber: KEYWORD,
  UnitId: KEYWORD,
  ReviewStep: KEYWORD,
  AssigneeRole: KEYWORD,
  StepDeadline: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};
const ALREADY_EXISTS = 6;

const env = stackEnv();

/** The namespace of the children's workers, made once (the dev server keeps it); safe to repeat. */
async function ensureNamespace(connection: Connection): Promise<void> {
  const ignoreExisting = (err: Error & { code?: number }) => {
    if (err.code !== ALREADY_EXISTS) throw err;
  };
  await connection.workflowService
    .registerNamespace({
      namespace: NAMESPACE,
      workflowExecutionRetentionPeriod: google.protobuf.Duration.fromObject({ seconds: 3 * 86_400 }),
    })
    .catch(ignoreExisting);
  await eventually(
    async () => ((await connection.workflowService.describeNamespace({ namespace: NAMESPACE })) ? true : undefined),
    `namespace ${NAMESPACE}`,
    30_000,
  );
  const missing = async () => {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: NAMESPACE });
    return Object.keys(SEARCH_ATTRIBUTES).filter((name) => !(name in (customAttributes ?? {})));
  };
  if ((await missing()).length > 0) {
    await connection.operatorService
      .addSearchAttributes({ namespace: NAMESPACE, searchAttributes: SEARCH_ATTRIBUTES })
      .catch(ignoreExisting);
  }
  await eventually(
    async () => ((await missing()).length === 0 ? true : undefined),
    `the search attributes of ${NAMESPACE}`,
    30_000,
  );
}

function hostPort(address: string): { host: string; port: number } {
  const [host, port] = address.split(':');
  return { host, port: Number(port) };
}

/** A runtime login's URL with its host and port replaced by the relay's. */
function viaRelay(url: string, relay: TcpRelay): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(relay.port);
  return u.toString();
}

async function rows<T>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/**
 * A client's retry (what the issue asks 503 for): the same call, with the same x-request-id, sent again while it
 * answers 503 — a worker just started or reconnected replays its workflows first, slowly on a loaded machine — then
 * its answer must be `status`.
 */
async function answered(call: () => Promise<request.Response>, status: number): Promise<request.Response> {
  const res = await eventually(
    async () => {
      const r = await call();
      return r.status === 503 ? undefined : r;
    },
    `an answer other than 503 (expected ${status})`,
    180_000,
  );
  return expectStatus(res, status);
}

/**
 * Issue 12: how long a client may wait for the honest answer. A bound, not a timing: well before the gateway's own
 * 20 s limit on a command (which sign-off and accept used to reach, retrying a commit that could not happen), with room
 * for a loaded machine. The figures measured are printed (docs/testing.md keeps them).
 */
const HONEST_ANSWER_MS = 15_000;

/** One call timed: its answer and how long the client waited for it (printed). */
async function timed(
  label: string,
  call: () => Promise<request.Response>,
): Promise<{ res: request.Response; ms: number }> {
  const started = Date.now();
  const res = await call();
  const ms = Date.now() - started;
  const retryAfter = res.headers['retry-after'] ?? '-';
  console.log(`${label}: ${res.status} ${res.body?.code ?? ''} in ${ms} ms, Retry-After ${retryAfter}`);
  return { res, ms };
}

/** The honest answer came before the bound (issue 12: a client learns within seconds, not after 20 s). */
function expectSoon(ms: number, what: string): void {
  if (ms >= HONEST_ANSWER_MS) throw new Error(`${what}: answered after ${ms} ms, not within ${HONEST_ANSWER_MS} ms`);
}

/** The honest answer: 503, Retry-After in whole seconds, the one error body with both languages. */
function expectUnavailable(res: request.Response, what: string): void {
  if (res.status !== 503) throw new Error(`${what}: expected 503, got ${res.status}: ${res.text}`);
  expect(res.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(res.body).toEqual(
    expect.objectContaining({
      statusCode: 503,
      code: expect.stringMatching(/^[A-Z]+\.[A-Z_]+$/),
      message: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/[a-z]/) },
      requestId: expect.any(String),
    }),
  );
}

describe('honest answers under faults: 503 with Retry-After (issue 12)', () => {
  /** review-svc's and recording-svc's PostgreSQL; the gateway's has its own relay, so it can stay up while they lose theirs. */
  let pgRelay: TcpRelay;
  let gatewayPgRelay: TcpRelay;
  let temporalRelay: TcpRelay;
  let children: ChildService[] = [];
  let gateway: string;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    await ensureCalendarAhead();
    connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    await ensureNamespace(connection);
    client = new Client({ connection, namespace: NAMESPACE, dataConverter: stackDataConverter() });
    pgRelay = await startTcpRelay(hostPort(new URL(env.REVIEW_DATABASE_URL).host));
    gatewayPgRelay = await startTcpRelay(hostPort(new URL(env.GATEWAY_DATABASE_URL).host));
    temporalRelay = await startTcpRelay(hostPort(env.TEMPORAL_ADDRESS));
    const shared = {
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalRelay.port}`,
      TEMPORAL_NAMESPACE: NAMESPACE,
    };
    try {
      const started = await Promise.allSettled([
        startChildService('review-svc', {
          ...shared,
          DATABASE_URL: viaRelay(env.REVIEW_DATABASE_URL, pgRelay),
          DATABASE_SCHEMA: 'review',
        }),
        startChildService('recording-svc', {
          ...shared,
          DATABASE_URL: viaRelay(env.RECORDING_DATABASE_URL, pgRelay),
          DATABASE_SCHEMA: 'recording',
        }),
      ]);
      // Both are waited for, so a failed start never leaves the other running unseen.
      children = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      for (const r of started) if (r.status === 'rejected') throw r.reason;
      const [review, recording] = children;
      children.push(
        await startChildService('gateway', {
          ...shared,
          DATABASE_URL: viaRelay(env.GATEWAY_DATABASE_URL, gatewayPgRelay),
          DATABASE_SCHEMA: 'gateway',
          REVIEW_SVC_URL: review.url,
          RECORDING_SVC_URL: recording.url,
          DISCLOSURE_SVC_URL: serviceUrl('disclosure-svc'),
        }),
      );
      gateway = children[2].url;
    } catch (error) {
      await Promise.all(children.map((c) => c.stop()));
      throw error;
    }
  }, 1_200_000);

  afterAll(async () => {
    // Children first (even when a test failed), the gateway before the services it calls; then the relays.
    const gw = children.find((c) => c.app === 'gateway');
    await gw?.stop();
    await Promise.all(children.filter((c) => c !== gw).map((c) => c.stop()));
    await pgRelay?.close();
    await gatewayPgRelay?.close();
    await temporalRelay?.close();
    // What the children left running in their namespace stops with them: no worker will ever poll it again.
    if (client) {
      for await (const wf of client.workflow.list({ query: 'ExecutionStatus="Running"' })) {
        await client.workflow
          .getHandle(wf.workflowId, wf.runId)
          .terminate('faults suite ended')
          .catch(() => undefined);
      }
      for await (const schedule of client.schedule.list()) {
        await client.schedule
          .getHandle(schedule.scheduleId)
          .delete()
          .catch(() => undefined);
      }
    }
    await connection?.close();
  }, 120_000);

  /**
   * The review commands the workflow accepted, in the order of its history, each with its outcome: the update id is
   * `<command type>:<request key>` (the gateway's once-only key), readable without decoding the encrypted payloads.
   */
  async function commandsInHistory(workflowId: string): Promise<string[]> {
    const { events } = await client.workflow.getHandle(workflowId).fetchHistory();
    const outcomes = new Map<string, string>();
    for (const event of events ?? []) {
      const completed = event.workflowExecutionUpdateCompletedEventAttributes;
      const id = completed?.meta?.updateId;
      if (id) outcomes.set(id, completed.outcome?.failure ? 'failed' : 'done');
    }
    return (events ?? []).flatMap((event) => {
      const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
      const id = request?.meta?.updateId;
      if (request?.input?.name !== reviewCommandUpdate.name || !id) return [];
      return [`${id.split(':')[0]} ${outcomes.get(id) ?? 'pending'}`];
    });
  }

  const as = async (user: Parameters<typeof bearer>[0], requestId: string) => ({
    authorization: await bearer(user),
    'x-request-id': requestId,
  });

  /** One call of each kind the issue names, each with its own request id (a retry sends the same one). */
  function calls(prefix: string) {
    const cases = {
      toSign: `${prefix}-S-${randomUUID().slice(0, 8)}`,
      toSubmit: `${prefix}-U-${randomUUID().slice(0, 8)}`,
      toAccept: `${prefix}-A-${randomUUID().slice(0, 8)}`,
      toCreate: `${prefix}-C-${randomUUID().slice(0, 8)}`,
    };
    const ids = {
      sign: `faults-${randomUUID()}`,
      submit: `faults-${randomUUID()}`,
      catalogue: `faults-${randomUUID()}`,
      create: `faults-${randomUUID()}`,
      accept: `faults-${randomUUID()}`,
    };
    const createBody = (caseNo: string) => ({
      caseNumber: caseNo,
      category: 'penalty',
      title: `故障测试 ${caseNo}`,
      handlingDeadline: lastCoveredDay(),
      party: CASE_PARTY,
    });
    const submission = (caseNo: string) => ({
      caseNo,
      proposedDecision: LARGE_FINE,
      partyName: PARTY_NAME,
      caseFacts: PENALTY_FACTS,
      materials: materials(),
      urgent: false,
    });
    const send = {
      create: async (caseNo: string, id = `faults-${randomUUID()}`) =>
        request(gateway)
          .post('/api/v1/cases')
          .set(await as('u-officer-1', id))
          .send(createBody(caseNo)),
      sign: async (caseNo: string, id = `faults-${randomUUID()}`) =>
        request(gateway)
          .post(`/api/v1/reviews/${encodeURIComponent(caseNo)}/preliminary-review`)
          .set(await as('u-unit-head-1', id))
          .send({ outcome: 'passed', documentRef: 'sha256:preliminary-review' }),
      submit: async (caseNo: string, id = `faults-${randomUUID()}`) =>
        request(gateway)
          .post('/api/v1/reviews')
          .set(await as('u-officer-1', id))
          .send(submission(caseNo)),
      catalogue: async (id = `faults-${randomUUID()}`) =>
        request(gateway)
          .get('/api/v1/catalogue')
          .set(await as('u-legal-reviewer', id)),
      accept: async (caseNo: string, id = `faults-${randomUUID()}`) =>
        request(gateway)
          .post(`/api/v1/reviews/${encodeURIComponent(caseNo)}/accept`)
          .set(await as('u-legal-reviewer', id))
          .send({}),
    };
    /** With every dependency up: the cases the calls need, as far as each call needs them. */
    const prepare = async () => {
      for (const caseNo of [cases.toSign, cases.toSubmit, cases.toAccept]) {
        const id = `faults-${randomUUID()}`;
        await answered(() => send.create(caseNo, id), 201);
      }
      for (const caseNo of [cases.toSubmit, cases.toAccept]) {
        const id = `faults-${randomUUID()}`;
        await answered(() => send.sign(caseNo, id), 201);
      }
      // review-svc learns of a case from recording-svc's event (L3); a submission before that is refused.
      for (const caseNo of [cases.toSubmit, cases.toAccept]) {
        await eventually(
          async () =>
            (await rows(env.REVIEW_DATABASE_URL, 'select 1 from case_deadlines where case_number = $1', [caseNo]))
              .length > 0
              ? true
              : undefined,
          `review-svc to register ${caseNo}`,
          60_000,
        );
      }
      const id = `faults-${randomUUID()}`;
      await answered(() => send.submit(cases.toAccept, id), 201);
    };
    /** The calls, each answered while the dependency is down. */
    const whileDown = {
      sign: () => send.sign(cases.toSign, ids.sign),
      submit: () => send.submit(cases.toSubmit, ids.submit),
      catalogue: () => send.catalogue(ids.catalogue),
      create: () => send.create(cases.toCreate, ids.create),
      accept: () => send.accept(cases.toAccept, ids.accept),
    };
    /** Once the dependency is back, every call repeated with its request id succeeds, and each happened once. */
    const retriedOnce = async () => {
      await answered(whileDown.sign, 201);
      await answered(whileDown.submit, 201);
      await answered(whileDown.catalogue, 200);
      await answered(whileDown.create, 201);
      await answered(whileDown.accept, 200);
      // Sent again with the same ids: the same outcome, not a second act.
      expectStatus(await whileDown.sign(), 201);
      expectStatus(await whileDown.submit(), 201);
      expectStatus(await whileDown.create(), 201);
      expectStatus(await whileDown.accept(), 200);
      const review = env.REVIEW_DATABASE_URL;
      expect(
        await rows(review, 'select count(*)::int as n from preliminary_reviews where case_no = $1', [cases.toSign]),
      ).toEqual([{ n: 1 }]);
      expect(await rows(review, 'select count(*)::int as n from reviews where case_no = $1', [cases.toSubmit])).toEqual(
        [{ n: 1 }],
      );
      expect(
        await rows(review, 'select round, accepted_at is not null as accepted from reviews where case_no = $1', [
          cases.toAccept,
        ]),
      ).toEqual([{ round: 1, accepted: true }]);
      // The accept happened once, and the call refused while the store was down left nothing behind: one audit row
      // of it, and one update in the review's history — no update accepted then failed, nothing retrying there.
      expect(
        await rows(review, `select count(*)::int as n from audit_log where subject = $1 and action = $2`, [
          cases.toAccept,
          'review.acceptMaterials',
        ]),
      ).toEqual([{ n: 1 }]);
      expect(await commandsInHistory(reviewWorkflowId(cases.toAccept))).toEqual(['acceptMaterials done']);
      // A case started while recording-svc's PostgreSQL was down gets its row when the activity's retry (at most a
      // minute apart) reaches it; once, whatever the number of attempts.
      const created = await eventually(
        async () => {
          const found = await rows<{ n: number }>(
            env.RECORDING_DATABASE_URL,
            'select count(*)::int as n from cases where case_number = $1',
            [cases.toCreate],
          );
          return found[0].n > 0 ? found : undefined;
        },
        `the row of case ${cases.toCreate}`,
        180_000,
      );
      expect(created).toEqual([{ n: 1 }]);
      // A new request id is a new command: the review is accepted already, so it is refused — it was done once.
      expect((await send.accept(cases.toAccept)).status).toBe(409);
    };
    return { cases, prepare, whileDown, retriedOnce };
  }

  /**
   * Each child's /health, until every one answers `status`. Its 503 is the error filter's generic bilingual
   * SERVICE.UNAVAILABLE body, like any other 503: which dependency is down is in the child's log, not in a public answer.
   */
  async function healthBecomes(status: 200 | 503, which: readonly ChildService[] = children): Promise<void> {
    const last: Record<string, string> = {};
    await eventually(
      async () => {
        let all = true;
        for (const child of which) {
          const started = Date.now();
          // Bounded: a readiness check that hangs is as much a finding as one that lies.
          const res = await fetch(`${child.url}/health`, { signal: AbortSignal.timeout(15_000) }).catch(
            (err: Error) => err,
          );
          const answer = res instanceof Error ? res.message : `${res.status} ${(await res.text()).slice(0, 300)}`;
          last[child.app] = `${answer} (${Date.now() - started} ms)`;
          if (res instanceof Error || res.status !== status) all = false;
        }
        return all ? true : undefined;
      },
      `/health of ${which.map((c) => c.app).join(', ')} to answer ${status}`,
      120_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; last answers: ${JSON.stringify(last)}`);
    });
  }

  it('C3, C2: 503 with Retry-After under PostgreSQL down — preliminary review, submit, catalogue, case creation and a review command, first with only the services’ PostgreSQL gone (the gateway passes their 503 on; a case creation, held by Temporal, answers 201), then with the gateway’s too; retried once back, nothing half-done', async () => {
    const run = calls('PGD');
    await run.prepare();
    const services = children.filter((c) => c.app !== 'gateway');
    pgRelay.cut();
    let cutAt = Date.now();
    try {
      await healthBecomes(503, services);
      console.log(`services' PostgreSQL down: their /health 503 after ${Date.now() - cutAt} ms`);
      for (const [what, call] of Object.entries(run.whileDown)) {
        const { res, ms } = await timed(`services' PostgreSQL down, ${what}`, call);
        // A case is its lifecycle workflow: started in Temporal, which is up, it exists (and its status answers from
        // the workflow); recording-svc's activities write its rows once their PostgreSQL is back. Every other call
        // needs a service's commit or read before it can answer, so it says 503 — and says it at once: the sign-off
        // and the review command are not sent into Temporal to wait on a store that is not there.
        if (what === 'create')
          expect(expectStatus(res, 201).body).toEqual({
            caseNumber: run.cases.toCreate,
            workflowId: `case:${run.cases.toCreate}`,
          });
        else {
          expectUnavailable(res, what);
          expectSoon(ms, what);
        }
      }
      gatewayPgRelay.cut();
      cutAt = Date.now();
      await healthBecomes(503);
      console.log(`PostgreSQL down for all: every child's /health 503 after ${Date.now() - cutAt} ms`);
      for (const [what, call] of Object.entries(run.whileDown)) {
        const { res, ms } = await timed(`PostgreSQL down for all, ${what}`, call);
        expectUnavailable(res, what);
        expectSoon(ms, what);
      }
    } finally {
      pgRelay.open();
      gatewayPgRelay.open();
    }
    const openedAt = Date.now();
    await healthBecomes(200);
    console.log(`PostgreSQL back: every child's /health 200 after ${Date.now() - openedAt} ms`);
    await run.retriedOnce();
  }, 600_000);

  it('C3, C2: 503 with Retry-After under Temporal down — preliminary review, submit, case creation and a review command (the catalogue needs no Temporal and answers); retried once back, nothing half-done', async () => {
    const run = calls('TMD');
    await run.prepare();
    temporalRelay.cut();
    const cutAt = Date.now();
    try {
      await healthBecomes(503);
      console.log(`Temporal down: every child's /health 503 after ${Date.now() - cutAt} ms`);
      for (const [what, call] of Object.entries(run.whileDown)) {
        const { res, ms } = await timed(`Temporal down, ${what}`, call);
        if (what === 'catalogue') expectStatus(res, 200);
        else expectUnavailable(res, what);
        expectSoon(ms, what);
      }
    } finally {
      temporalRelay.open();
    }
    const openedAt = Date.now();
    await healthBecomes(200);
    console.log(`Temporal back: every child's /health 200 after ${Date.now() - openedAt} ms`);
    await run.retriedOnce();
  }, 600_000);
});
