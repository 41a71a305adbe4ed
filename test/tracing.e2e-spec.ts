import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { launchBrowser, SCREENSHOTS } from './web/browser';
import { traceIdOf, zipkinTrace, zipkinUrl, type ZipkinSpan } from './tracing/zipkin';

/*
 * Issue 12 (operations), done when "a trace of one command is shown end to end". The command: an inspection form
 * (R12) through the gateway. Its journey crosses every kind of hop the system has — gateway HTTP → recording-svc's
 * REST API → outbox → Kafka → disclosure-svc's consumer → Temporal (start, workflow, activity) → outbox → Kafka →
 * review-svc's consumer (the C2 supervision board) — and the test reads the whole of it back from Zipkin under the
 * one trace id the gateway answered with.
 */
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
const api = '/api/v1/recording/inspections';

/** The span of `service` whose name matches, or undefined. */
function find(spans: ZipkinSpan[], service: string, name: RegExp, kind?: ZipkinSpan['kind']): ZipkinSpan | undefined {
  return spans.find((s) => s.localEndpoint?.serviceName === service && name.test(s.name) && (!kind || s.kind === kind));
}

describe('OpenTelemetry traces across the services (issue 12, operations)', () => {
  it('Ops, R12, D4, C2: one command is traced from the gateway through Temporal and Kafka to the last consumer', async () => {
    const run = randomUUID().slice(0, 8);
    for (let i = 1; i <= 2; i++) {
      expectStatus(
        await request(gateway)
          .post(`${api}/roster`)
          .set('authorization', await as('u-records-admin'))
          .send({ kind: 'target', id: `TR-${run}-${i}`, name: `养老机构${run}-${i}`, active: true }),
        200,
      );
    }
    for (const id of ['u-officer-1', 'u-unit-head-1']) {
      expectStatus(
        await request(gateway)
          .post(`${api}/roster`)
          .set('authorization', await as('u-records-admin'))
          .send({ kind: 'inspector', id, name: id, active: true }),
        200,
      );
    }
    const draw = expectStatus(
      await request(gateway)
        .post(`${api}/draws`)
        .set('authorization', await as('u-unit-head-1'))
        .send({
          item: '养老机构消防安全随机抽查',
          targetCount: 1,
          inspectorCount: 2,
          place: '局三楼会议室',
          participants: ['承办机构负责人'],
          witnesses: ['第三方见证人 林某'],
          seed: `trace-${run}`,
        }),
      201,
    ).body;

    // The command whose trace is followed.
    const form = expectStatus(
      await request(gateway)
        .post(`${api}/draws/${draw.id}/forms`)
        .set('authorization', await as('u-unit-head-1'))
        .send({
          targetId: draw.targets[0].id,
          method: 'on-site',
          inspectedAt: new Date().toISOString(),
          inspectorIds: (draw.inspectors as { id: string }[]).map((i) => i.id),
          result: '灭火器过期，责令限期更换',
        }),
      201,
    );
    const traceId = traceIdOf(form.headers.traceresponse);

    // Spans arrive in batches, from four processes and the workflow sandbox: wait until the last consumer's is in.
    const spans = await eventually(
      async () => {
        const got = await zipkinTrace(traceId);
        return find(got, 'review-svc', /^process enforcement\.deadline\.v1$/, 'CONSUMER') &&
          find(got, 'disclosure-svc', /^runactivity:/)
          ? got
          : undefined;
      },
      `trace ${traceId} reaching review-svc's consumer in Zipkin`,
      60_000,
    );
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([traceId]));

    // The gateway's HTTP server span, named by its route, and its forwarded call.
    const edge = find(spans, 'gateway', /^post \/api\/v1\/recording\/inspections\/draws\/:id\/forms$/, 'SERVER');
    expect(edge).toBeDefined();
    expect(edge!.parentId).toBeUndefined();
    // Its HTTP client span (the gateway's own PostgreSQL calls, e.g. the shared rate-limit counts, are CLIENT spans too).
    const forward = find(spans, 'gateway', /^post$/, 'CLIENT');
    expect(forward?.parentId).toBe(edge!.id);
    // recording-svc's HTTP span is the forwarded call's child; the form's outbox row is written inside it.
    const recording = find(spans, 'recording-svc', /draws\/:id\/forms$/, 'SERVER');
    expect(recording?.parentId).toBe(forward!.id);
    const sendCase = find(spans, 'recording-svc', /^send enforcement\.case\.v1$/, 'PRODUCER');
    expect(sendCase?.parentId).toBe(recording!.id);
    expect(sendCase!.tags?.['enforcement.event.type']).toBe('inspection.result-recorded.v1');

    // disclosure-svc's consumer continues it (parent, not link) and starts the publication workflow.
    const consume = find(spans, 'disclosure-svc', /^process enforcement\.case\.v1$/, 'CONSUMER');
    expect(consume?.parentId).toBe(sendCase!.id);
    const start = find(spans, 'disclosure-svc', /^startworkflow:/);
    expect(start?.parentId).toBe(consume!.id);
    // Inside the workflow (its spans leave the sandbox through a sink): the activity it schedules, and that
    // activity's run on the worker, whose outbox row (the C2 limit's start) goes on to Kafka.
    const run2 = spans.filter((s) => s.localEndpoint?.serviceName === 'disclosure-svc' && /^runactivity:/.test(s.name));
    const scheduled = spans.filter(
      (s) => s.localEndpoint?.serviceName === 'disclosure-svc' && /^startactivity:/.test(s.name),
    );
    expect(scheduled.length).toBeGreaterThan(0);
    for (const r of run2) expect(scheduled.map((s) => s.id)).toContain(r.parentId);
    const sendDeadline = find(spans, 'disclosure-svc', /^send enforcement\.deadline\.v1$/, 'PRODUCER');
    expect(run2.map((r) => r.id)).toContain(sendDeadline?.parentId);

    // The last consumer: review-svc's supervision board takes the limit's start.
    const last = find(spans, 'review-svc', /^process enforcement\.deadline\.v1$/, 'CONSUMER');
    expect(last?.parentId).toBe(sendDeadline!.id);
    // Database work is in the trace too (statements only, never values).
    expect(spans.some((s) => s.localEndpoint?.serviceName === 'review-svc' && s.kind === 'CLIENT')).toBe(true);

    // The workflow's own span is exported when the workflow ends: the disclosure officer records a non-disclosure
    // (D5) — a command of its own, traced on its own — and the publication workflow returns. Its RunWorkflow span then
    // joins the first trace, between the start and the activities it scheduled: the tree is whole.
    expectStatus(
      await request(gateway)
        .post(`/api/v1/disclosure/publications/${encodeURIComponent(`双随机抽查结果-${form.body.id}`)}/exemption`)
        .set('authorization', await as('u-disclosure-officer'))
        .send({
          ground: 'hinders-enforcement',
          reason: '公开后可能妨碍正在进行的后续执法检查，暂不公开。',
          filing: { filedWith: '市司法局', reference: `备-${run}`, filedAt: new Date().toISOString() },
        }),
      200,
    );
    const whole = await eventually(
      async () => {
        const got = await zipkinTrace(traceId);
        return find(got, 'disclosure-svc', /^runworkflow:publicationworkflow$/) ? got : undefined;
      },
      `the publication workflow's span in trace ${traceId}`,
      60_000,
    );
    const workflow = find(whole, 'disclosure-svc', /^runworkflow:publicationworkflow$/)!;
    expect(workflow.parentId).toBe(start!.id);
    for (const s of scheduled) expect(s.parentId).toBe(workflow.id);

    // What a person sees: Zipkin's page of this trace (test artefact, not in git).
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 2200 } });
      await page.goto(`${zipkinUrl()}/zipkin/traces/${traceId}`);
      await page.getByText('disclosure-svc').first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'tracing-zipkin-trace.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 180_000);
});
