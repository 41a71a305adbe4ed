import { createServer, request, type Server } from 'node:http';
import type { ServiceMetrics } from './metrics.registry';

/** Where the Temporal SDK's own Prometheus exporter listens: loopback only, read and merged by the metrics server. */
export function temporalExporterAddress(metricsPort: number): string {
  return `127.0.0.1:${metricsPort + 50}`;
}

/**
 * `GET /metrics` on a port of its own (METRICS_HOST:METRICS_PORT), never on the API port: Prometheus scrapes it over
 * the agency's internal network, and the public gateway port answers nothing about the system's internals. The page
 * is this process's registry followed by the Temporal worker's figures (workflow completions and failures, task
 * latencies), fetched from the SDK exporter on loopback when the service runs a worker.
 */
export function startMetricsServer(
  metrics: ServiceMetrics,
  options: { host: string; port: number; temporalExporter?: string },
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: GET /metrics\n');
      return;
    }
    void (async () => {
      try {
        const own = await metrics.registry.metrics();
        const worker = options.temporalExporter ? await scrape(options.temporalExporter) : '';
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(`${own}\n${worker}`);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${(error as Error).message}\n`);
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}

/** The SDK exporter's page; empty while the worker has not started it (the service's own figures still answer). */
function scrape(address: string): Promise<string> {
  const [host, port] = address.split(':');
  return new Promise((resolve) => {
    const req = request({ host, port: Number(port), path: '/metrics', timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 ? body : ''));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(''));
    req.end();
  });
}
