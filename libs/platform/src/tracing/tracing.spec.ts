import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracingConfig } from './tracing.config';
import { currentTraceHeaders, inProcessSpan, startSendSpans } from './tracing.messaging';
import { withoutQuery } from './tracing.sdk';

describe('tracing configuration from the standard OTEL_* variables (issue 12, operations)', () => {
  it('Ops: nothing set means tracing off, so a deployment without a trace backend pays nothing', () => {
    expect(tracingConfig({ SERVICE_NAME: 'gateway' })).toEqual({ exporter: 'none', serviceName: 'gateway' });
    expect(tracingConfig({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: '  ' }).exporter).toBe('none');
  });

  it('Ops: the exporter follows the endpoint that is set, or OTEL_TRACES_EXPORTER when given', () => {
    const zipkin = 'http://127.0.0.1:9411/api/v2/spans';
    expect(tracingConfig({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: zipkin, SERVICE_NAME: 'review-svc' })).toEqual({
      exporter: 'zipkin',
      endpoint: zipkin,
      serviceName: 'review-svc',
    });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).exporter).toBe('otlp');
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).endpoint).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_ZIPKIN_ENDPOINT: zipkin }).exporter).toBe(
      'none',
    );
  });

  it('Ops: a wrong exporter or endpoint is refused with what to set, before the service starts', () => {
    expect(() => tracingConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/zipkin, otlp, none/);
    expect(() => tracingConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_EXPORTER_ZIPKIN_ENDPOINT/);
    expect(() => tracingConfig({ OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'zipkin:9411' })).toThrow(/http\(s\) URL/);
  });

  it('Ops: without SERVICE_NAME the service is named by its app folder', () => {
    expect(tracingConfig({}, '/srv/dist/apps/disclosure-svc/src/main.js').serviceName).toBe('disclosure-svc');
    expect(tracingConfig({}, '/usr/bin/node-script.js').serviceName).toBe('enforcement-service');
  });

  it('Ops: query strings (search words, names) never reach the trace backend', () => {
    expect(withoutQuery('/api/v1/portal/items?q=%E5%BC%A0%E4%B8%89')).toBe('/api/v1/portal/items');
    expect(withoutQuery('/health')).toBe('/health');
  });
});

describe('trace context through the outbox and Kafka (issue 12, operations)', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('test');

  // The registration the SDK makes in a service: W3C trace context, AsyncLocalStorage context.
  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it('Ops: with nothing traced the outbox row stores no context', () => {
    expect(currentTraceHeaders()).toBeNull();
  });

  it('Ops: an outbox row written inside an activity span → a PRODUCER span of that trace → a CONSUMER span parented on it', async () => {
    const activity = tracer.startSpan('RunActivity:recordInspection');
    const stored = context.with(trace.setSpan(context.active(), activity), () => currentTraceHeaders());
    activity.end();
    expect(stored?.traceparent).toMatch(
      new RegExp(`^00-${activity.spanContext().traceId}-${activity.spanContext().spanId}-01$`),
    );

    const sends = startSendSpans([
      { topic: 'enforcement.case.v1', key: 'CASE-1', type: 'case.initiated.v1', eventId: 'e-1', traceContext: stored },
      { topic: 'enforcement.case.v1', key: 'CASE-2', type: 'case.initiated.v1', eventId: 'e-2', traceContext: null },
    ]);
    sends.end();
    const [send, untraced] = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.PRODUCER);
    expect(send.name).toBe('send enforcement.case.v1');
    expect(send.spanContext().traceId).toBe(activity.spanContext().traceId);
    expect(send.parentSpanId).toBe(activity.spanContext().spanId);
    expect(send.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.message.id': 'e-1' });
    // A row written outside any trace starts a trace of its own.
    expect(untraced.spanContext().traceId).not.toBe(activity.spanContext().traceId);
    expect(sends.headers[0].traceparent).toContain(send.spanContext().spanId);

    // Kafka hands header values over as Buffers.
    const headers = { traceparent: Buffer.from(sends.headers[0].traceparent), type: Buffer.from('case.initiated.v1') };
    const inner = await inProcessSpan(
      { topic: 'enforcement.case.v1', partition: 0, offset: '7', groupId: 'disclosure-svc', headers },
      async () => trace.getSpan(context.active())?.spanContext(),
    );
    const process = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CONSUMER)!;
    expect(process.name).toBe('process enforcement.case.v1');
    expect(process.parentSpanId).toBe(send.spanContext().spanId);
    expect(process.spanContext().traceId).toBe(activity.spanContext().traceId);
    // The handler runs inside the consumer span, so what it starts (a workflow, a query) is its child.
    expect(inner?.spanId).toBe(process.spanContext().spanId);
  });

  it('Ops: a failed send or handler marks its span as an error and the failure still reaches the caller', async () => {
    const sends = startSendSpans([{ topic: 't', key: 'k', type: 'x.v1', eventId: 'e', traceContext: null }]);
    sends.end(new Error('broker down'));
    await expect(
      inProcessSpan({ topic: 't', partition: 0, offset: '1', groupId: 'g', headers: undefined }, async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    const statuses = exporter.getFinishedSpans().map((s) => [s.name, s.status.code, s.status.message]);
    expect(statuses).toEqual([
      ['send t', SpanStatusCode.ERROR, 'broker down'],
      ['process t', SpanStatusCode.ERROR, 'database down'],
    ]);
  });
});
