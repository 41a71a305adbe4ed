import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process (issue 12, operations): the Node process's own figures, the HTTP edge, the
 * workflow starts this process asked Temporal for, the failed activity attempts of its worker (retried or refused), and the gauges read at scrape time (metrics.collectors.ts).
 * Every series carries `service`, so one Prometheus scraping the four services tells them apart.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly workflowStarts: Counter<'workflow' | 'outcome'>;
  readonly activityFailures: Counter<'activity' | 'outcome'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'enforcement_' });
    this.httpRequests = new Counter({
      name: 'enforcement_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'enforcement_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.workflowStarts = new Counter({
      name: 'enforcement_workflow_starts_total',
      help: 'Workflow starts this process asked Temporal for, by workflow type and outcome (started, already-started, failed)',
      labelNames: ['workflow', 'outcome'],
      registers: [this.registry],
    });
    this.activityFailures = new Counter({
      name: 'enforcement_activity_failures_total',
      help: 'Failed activity attempts in this worker, by activity and outcome (retrying: Temporal tries again with backoff; refused: non-retryable, never tried again)',
      labelNames: ['activity', 'outcome'],
      registers: [this.registry],
    });
  }
}

/** The process's metrics: created once, whichever module asks first (the Temporal client interceptor or Nest). */
let current: ServiceMetrics | undefined;
export function serviceMetrics(service = process.env.SERVICE_NAME ?? 'service'): ServiceMetrics {
  return (current ??= new ServiceMetrics(service));
}
