import type { IncomingMessage, RequestOptions } from 'node:http';
import { hostname } from 'node:os';
import { diag, DiagLogLevel, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracingConfig, type TracingConfig } from './tracing.config';

/** What the rest of the platform needs once tracing runs: the worker hands workflow spans to the same processor. */
export interface TracingState {
  readonly config: TracingConfig;
  readonly resource: Resource;
  readonly processor: SpanProcessor;
  readonly provider: NodeTracerProvider;
}

let state: TracingState | undefined;
let started = false;

/** Paths whose requests are never traced: probes and scrapes arrive every few seconds and say nothing of a command. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

/** The path without its query: search words and other values in a query stay out of the trace backend. */
export function withoutQuery(pathOrUrl: string): string {
  const i = pathOrUrl.indexOf('?');
  return i < 0 ? pathOrUrl : pathOrUrl.slice(0, i);
}

/**
 * Starts the OpenTelemetry SDK once per process, before Nest and the libraries it patches (http, undici's fetch, pg)
 * are loaded: W3C trace context, spans batched and exported to Zipkin or an OTLP collector. Returns undefined, and
 * installs nothing, when no exporter is configured (see tracing.config).
 */
export function startTracing(): TracingState | undefined {
  if (started) return state;
  started = true;
  // Named here (not passed as process.env) so test/compose.spec.ts sees every variable tracing reads.
  const config = tracingConfig(
    {
      OTEL_TRACES_EXPORTER: process.env.OTEL_TRACES_EXPORTER,
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT,
      OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
      SERVICE_NAME: process.env.SERVICE_NAME,
    },
    require.main?.filename,
  );
  if (config.exporter === 'none') return undefined;
  // The SDK's own complaints (an unreachable backend) go to stderr once per failure, never as thrown errors.
  diag.setLogger({ ...console, verbose: () => undefined, debug: () => undefined }, DiagLogLevel.WARN);
  const resource = new Resource({
    'service.name': config.serviceName,
    'service.namespace': 'enforcement',
    'service.instance.id': `${hostname()}:${process.pid}`,
  });
  // Batched: spans leave in the background every few seconds, at most 512 per request, so a command waits for none.
  const processor = new BatchSpanProcessor(exporterFor(config), { scheduledDelayMillis: 1000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  // W3C traceparent/tracestate (and baggage) with an AsyncLocalStorage context manager.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.has(withoutQuery(req.url ?? '')),
        startIncomingSpanHook: (req: IncomingMessage): Attributes => ({
          'http.target': withoutQuery(req.url ?? '/'),
          'http.url': withoutQuery(`http://${req.headers.host ?? 'unknown'}${req.url ?? '/'}`),
        }),
        startOutgoingSpanHook: (options: RequestOptions): Attributes => ({
          'http.target': withoutQuery(options.path ?? '/'),
        }),
        // Background calls (the metrics page reading the Temporal SDK's exporter) start no trace of their own.
        requireParentforOutgoingSpans: true,
      }),
      new UndiciInstrumentation({
        requireParentforSpans: true,
        startSpanHook: (request): Attributes => ({
          'url.full': withoutQuery(new URL(request.path, request.origin).toString()),
          'url.query': '',
        }),
      }),
      // Only inside a traced request, activity or message: the outbox relay's idle polls would be a trace each.
      // No parameter values: the statement's text only (it holds placeholders, never personal data).
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  state = { config, resource, processor, provider };
  return state;
}

/** The running tracing, or undefined when it is off. */
export function tracingState(): TracingState | undefined {
  return state;
}

/** Sends what is still batched and stops (the service is shutting down). */
export async function stopTracing(): Promise<void> {
  await state?.provider.shutdown().catch(() => undefined);
}

function exporterFor(config: TracingConfig): SpanExporter {
  if (config.exporter === 'zipkin')
    return new ZipkinExporter({ url: config.endpoint, serviceName: config.serviceName });
  return new OTLPTraceExporter(config.endpoint ? { url: config.endpoint } : {});
}
