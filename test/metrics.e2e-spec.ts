import request from 'supertest';
import { eventually, serviceUrl } from '@enforcement/platform/testing/stack-env';
import { ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * Issue 12, operations: every service answers Prometheus on its own metrics port (API port + 6000), never on the API
 * port, with the figures an operator watches — requests, workflow starts, completions and failures (the Temporal
 * worker's own exporter, merged), consumer lag, outbox backlog, deadline facts.
 */
const metricsUrl = (svc: 'gateway' | 'review-svc' | 'recording-svc' | 'disclosure-svc') => {
  const url = new URL(serviceUrl(svc));
  return `http://${url.hostname}:${Number(url.port) + 6000}`;
};

async function page(svc: Parameters<typeof metricsUrl>[0]): Promise<string> {
  const res = await request(metricsUrl(svc)).get('/metrics');
  expect(res.status).toBe(200);
  return res.text;
}

/** The value of one series, or undefined when the page does not hold it. */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.split(' ').at(-1));
  }
  return undefined;
}

describe('Prometheus metrics on the real stack (issue 12, operations)', () => {
  it('C2, operations: each service serves its figures on its metrics port; a case start shows as a request, a workflow start and a completed workflow task', async () => {
    await ReviewJourney.initiated('MX');

    const gateway = await page('gateway');
    expect(
      value(gateway, 'enforcement_http_requests_total', { route: '/api/v1/cases', status: '201' }),
    ).toBeGreaterThan(0);
    expect(
      value(gateway, 'enforcement_workflow_starts_total', { workflow: 'caseWorkflow', outcome: 'started' }),
    ).toBeGreaterThan(0);
    expect(value(gateway, 'enforcement_outbox_backlog')).toBeGreaterThanOrEqual(0);
    // The raw path never becomes a label: no case number on the page.
    expect(gateway).not.toMatch(/route="[^"]*MX-/);

    for (const svc of ['review-svc', 'recording-svc', 'disclosure-svc'] as const) {
      const text = await eventually(async () => {
        const t = await page(svc);
        // The worker's SDK exporter starts with the worker: its series appear once it has polled.
        return /^temporal_worker_task_slots_available\{/m.test(t) ? t : undefined;
      }, `${svc}'s Temporal worker figures`);
      expect(value(text, 'enforcement_consumer_lag')).toBeGreaterThanOrEqual(0);
      expect(value(text, 'enforcement_outbox_backlog')).toBeGreaterThanOrEqual(0);
      expect(text).toMatch(/^temporal_num_pollers\{/m);
    }
    // The case's workflow ran on recording-svc's worker: its workflow tasks are timed there.
    const recording = await eventually(async () => {
      const t = await page('recording-svc');
      return (value(t, 'temporal_workflow_task_execution_latency_count') ?? 0) > 0 ? t : undefined;
    }, "recording-svc's workflow task figures");
    expect(value(recording, 'temporal_activity_execution_latency_count')).toBeGreaterThan(0);

    // Nothing about the system's internals on the public API port (an unknown path there is the web application's).
    const api = await request(serviceUrl('gateway')).get('/metrics');
    expect(api.text).not.toContain('enforcement_http_requests_total');
    expect(api.headers['content-type']).not.toContain('text/plain; version=0.0.4');
  }, 120_000);
});
