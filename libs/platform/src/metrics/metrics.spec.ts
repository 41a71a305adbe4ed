import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import { serviceMetrics, ServiceMetrics } from './metrics.registry';
import { startMetricsServer } from './metrics.server';
import { workflowStartsInterceptor } from './workflow-starts.interceptor';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe('Prometheus metrics of a service (issue 12, operations)', () => {
  it('labels HTTP answers by route template, never by the raw path (no case number becomes a label)', async () => {
    const metrics = new ServiceMetrics('gateway');
    const app = express();
    app.use(httpMetricsMiddleware(metrics));
    app.get('/api/v1/cases/:caseNumber/timeline', (_req, res) => {
      res.status(200).json({});
    });
    const server = createServer(app);
    const port = await listen(server);
    try {
      await get(port, '/api/v1/cases/RC-12345678/timeline');
      await get(port, '/api/v1/cases/RC-87654321/timeline');
      await get(port, '/nowhere/RC-12345678');
      const text = await metrics.registry.metrics();
      expect(text).toContain(
        'enforcement_http_requests_total{method="GET",route="/api/v1/cases/:caseNumber/timeline",status="200",service="gateway"} 2',
      );
      expect(text).toContain(
        'enforcement_http_requests_total{method="GET",route="unmatched",status="404",service="gateway"} 1',
      );
      expect(text).not.toContain('RC-12345678');
    } finally {
      server.close();
    }
  });

  it('serves GET /metrics on its own port with the Temporal exporter’s page merged after its own; nothing else', async () => {
    const metrics = new ServiceMetrics('review-svc');
    metrics.workflowStarts.inc({ workflow: 'reviewWorkflow', outcome: 'started' });
    // Stands in for the SDK's exporter on loopback: a page of the Prometheus text format.
    const exporter = createServer((_req, res) => res.end('temporal_workflow_completed{namespace="enforcement"} 3\n'));
    const exporterPort = await listen(exporter);
    const server = await startMetricsServer(metrics, {
      host: '127.0.0.1',
      port: 0,
      temporalExporter: `127.0.0.1:${exporterPort}`,
    });
    const port = (server.address() as AddressInfo).port;
    try {
      const page = await get(port, '/metrics');
      expect(page.status).toBe(200);
      expect(page.body).toContain(
        'enforcement_workflow_starts_total{workflow="reviewWorkflow",outcome="started",service="review-svc"} 1',
      );
      expect(page.body).toContain('enforcement_process_resident_memory_bytes');
      expect(page.body).toContain('temporal_workflow_completed{namespace="enforcement"} 3');
      expect((await get(port, '/health')).status).toBe(404);
      // A worker whose exporter is not up yet still answers its own figures.
      exporter.close();
      const alone = await get(port, '/metrics');
      expect(alone.status).toBe(200);
      expect(alone.body).toContain('enforcement_workflow_starts_total');
    } finally {
      server.close();
      exporter.close();
    }
  });

  it('counts workflow starts by outcome: started, already started (an idempotent replay), failed', async () => {
    const starts = serviceMetrics('gateway').workflowStarts;
    const start = workflowStartsInterceptor.startWithDetails!;
    const input = { workflowType: 'caseWorkflow' } as Parameters<typeof start>[0];
    await start(input, async () => 'run-1' as never);
    await expect(
      start(input, async () => {
        throw new WorkflowExecutionAlreadyStartedError('already', 'case-1', 'caseWorkflow');
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    await expect(
      start(input, async () => {
        throw new Error('unavailable');
      }),
    ).rejects.toThrow('unavailable');
    const values = (await starts.get()).values.map((v) => [v.labels.outcome, v.value]);
    expect(values).toEqual(
      expect.arrayContaining([
        ['started', 1],
        ['already-started', 1],
        ['failed', 1],
      ]),
    );
  });
});
