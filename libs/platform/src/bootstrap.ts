import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ErrorFilter } from './errors/error.filter';
import { createValidationPipe } from './errors/validation.pipe';
import { answerClientErrors, applyHttpEdge } from './http-limits/http-edge';
import { trustProxies } from './http-limits/trusted-proxies';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { serviceMetrics } from './metrics/metrics.registry';
import { tracingHttpMiddleware } from './tracing/tracing.http';
import { transportHint } from './transport/transport-errors';

/**
 * Applies what every service's HTTP edge shares: security headers and bounded JSON (http-limits), pino logger, one
 * error format, DTO validation, shutdown hooks, the HTTP figures of the Prometheus metrics and span names by route.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.use(httpMetricsMiddleware(serviceMetrics()));
  app.use(tracingHttpMiddleware());
  applyHttpEdge(app);
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  return app;
}

/** Starts a service: wires it, lets `beforeListen` add to it (OpenAPI on the gateway), listens, logs where. */
export async function bootstrapService(
  module: Parameters<typeof NestFactory.create>[0],
  beforeListen?: (app: INestApplication) => void | Promise<void>,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false });
  const config = app.get(ConfigService);
  trustProxies(app.getHttpAdapter().getInstance(), config.get<string>('TRUSTED_PROXIES'));
  configureApp(app);
  await beforeListen?.(app);
  answerClientErrors(app.getHttpServer());
  await app.listen(config.getOrThrow<number>('PORT'), config.getOrThrow<string>('HOST'));
  app.get(Logger).log(`${config.get('SERVICE_NAME')} listening on ${await app.getUrl()}`);
  return app;
}

/**
 * Entry point of a service's main.ts: a failure to start ends the process with one clear line, not a hang; a refused
 * connection to Kafka or Temporal names the variables to check (issue 12, in transit).
 */
export function runService(
  module: Parameters<typeof NestFactory.create>[0],
  beforeListen?: (app: INestApplication) => void | Promise<void>,
): void {
  bootstrapService(module, beforeListen).catch((err: Error) => {
    process.stderr.write(`${process.env.SERVICE_NAME ?? 'service'} failed to start: ${transportHint(err)}\n`);
    process.exit(1);
  });
}
