import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';

/** W3C trace context as it is stored with an outbox row and sent as Kafka headers (`traceparent`, `tracestate`). */
export type TraceHeaders = Record<string, string>;

const tracer = () => trace.getTracer('@enforcement/platform/messaging');

/** Kafka header values arrive as Buffers (or lists of them); the propagator reads strings. */
type KafkaHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;
const kafkaGetter: TextMapGetter<KafkaHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined) return undefined;
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * The trace context of the code running now (an activity, a request, a message handler), for the outbox row it
 * writes; null when nothing is traced, so a service without tracing stores nothing.
 */
export function currentTraceHeaders(): TraceHeaders | null {
  const carrier: TraceHeaders = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : null;
}

/**
 * Runs `fn` in the trace context stored with a row (see currentTraceHeaders), so work done later on the row's behalf
 * — a workflow started after the commit — continues the trace that wrote it; without stored context, as it is.
 */
export function withTraceHeaders<T>(headers: TraceHeaders | null, fn: () => T): T {
  if (!headers) return fn();
  return context.with(propagation.extract(ROOT_CONTEXT, headers), fn);
}

export interface OutgoingRecord {
  readonly topic: string;
  readonly key: string;
  readonly type: string;
  readonly eventId: string;
  /** What the row was written under (outbox `trace_context`), or null. */
  readonly traceContext: TraceHeaders | null;
}

/**
 * The relay sends rows written by many requests in one batch: each row gets a PRODUCER span of its own, a child of
 * the span that wrote it, and its Kafka message carries that span's context. `end` closes them after the send.
 */
export function startSendSpans(records: readonly OutgoingRecord[]): {
  headers: TraceHeaders[];
  end(error?: unknown): void;
} {
  const spans: Span[] = [];
  const headers = records.map((r) => {
    const parent = r.traceContext ? propagation.extract(ROOT_CONTEXT, r.traceContext) : ROOT_CONTEXT;
    const span = tracer().startSpan(
      `send ${r.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': r.topic,
          'messaging.kafka.message.key': r.key,
          'messaging.message.id': r.eventId,
          'enforcement.event.type': r.type,
        },
      },
      parent,
    );
    spans.push(span);
    const carrier: TraceHeaders = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    return carrier;
  });
  return {
    headers,
    end(error?: unknown) {
      for (const span of spans) {
        if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        span.end();
      }
    },
  };
}

export interface IncomingRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly groupId: string;
  readonly headers: KafkaHeaders | undefined;
}

/**
 * Runs a message's processing in a CONSUMER span whose PARENT is the producer's span from the message headers (not
 * a link): one message is processed at a time, so the producer is its one cause, and a parent keeps the command's
 * whole journey — gateway, workflow, outbox, Kafka, the other service and what it starts — in one trace, which
 * Zipkin (no links) can then show. A message without context starts a trace of its own.
 */
export async function inProcessSpan<T>(record: IncomingRecord, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = record.headers ? propagation.extract(ROOT_CONTEXT, record.headers, kafkaGetter) : ROOT_CONTEXT;
  const span = tracer().startSpan(
    `process ${record.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': record.topic,
        'messaging.destination.partition.id': String(record.partition),
        'messaging.kafka.offset': Number(record.offset),
        'messaging.consumer.group.name': record.groupId,
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
    throw err;
  } finally {
    span.end();
  }
}
