import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { context, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { stopTracing } from './tracing.sdk';

/** The active span's ids, for log lines: a log line and its trace find each other (empty when nothing is traced). */
export function traceIdsForLog(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(context.active());
  if (!span?.isRecording()) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/**
 * Names each HTTP server span by its route template (`POST /api/v1/cases/:caseNumber/records`, never the raw path) and
 * answers with the W3C `traceresponse` header, so a caller — a person reporting a problem, or a test — can name the
 * trace of its request. Nothing happens while tracing is off.
 */
export function tracingHttpMiddleware() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const span = trace.getSpan(context.active());
    if (span?.isRecording()) {
      const { traceId, spanId, traceFlags } = span.spanContext();
      res.setHeader('traceresponse', `00-${traceId}-${spanId}-0${traceFlags.toString(16)}`);
      // 'finish' comes before the instrumentation ends the span on 'close'; the route is known by then.
      res.on('finish', () => {
        const template = (req.route as { path?: string } | undefined)?.path;
        if (typeof template !== 'string') return;
        const route = `${req.baseUrl}${template}`;
        span.setAttribute('http.route', route);
        span.updateName(`${req.method} ${route}`);
      });
    }
    next();
  };
}

/** Sends the spans still batched when the service stops (after the worker has drained). */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
