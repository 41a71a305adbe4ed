import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { traceIdsForLog } from '../tracing/tracing.http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Structured JSON logs (pino: fast, one object per line) with a request id on every line of a request. The id comes
 * from the caller's `x-request-id` when given, so one id follows a request across gateway, workflow and events.
 */
export function loggingModule(service: string) {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => ({
      pinoHttp: pinoHttpOptions(service, config.getOrThrow<string>('LOG_LEVEL')),
    }),
  });
}

function pinoHttpOptions(service: string, level: string) {
  return {
    level,
    base: { service },
    // With tracing on, each line names its trace and span (issue 12): from a log line to its trace and back.
    mixin: traceIdsForLog,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
    // Tokens and cookies, and any credential a library hands to a log call as an object (issue 12, in transit:
    // the Kafka SASL password; kafka.provider.ts also leaves such fields out of the client's own lines).
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'sasl', '*.sasl'],
      censor: '[redacted]',
    },
    autoLogging: { ignore: (req: IncomingMessage) => /^\/health(\/store)?$/.test(req.url ?? '') },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
