import { HttpStatus, type INestApplication } from '@nestjs/common';
import { json, type NextFunction, type Request, type Response } from 'express';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppError } from './errors/app-error';
import { ErrorFilter } from './errors/error.filter';
import { createValidationPipe } from './errors/validation.pipe';

/** Applies what every service's HTTP edge shares: pino logger, one error format, DTO validation, shutdown hooks. */
export function configureApp(app: INestApplication): INestApplication {
  // Our own JSON parser (Nest's is off) so unparsable JSON becomes a precise 400 of ours, not a generic one.
  app.use(json({ limit: '1mb' }));
  app.use((err: { type?: string; message?: string }, _req: Request, _res: Response, next: NextFunction) => {
    if (err?.type !== 'entity.parse.failed') return next(err);
    next(
      new AppError(
        'REQUEST.MALFORMED_JSON',
        HttpStatus.BAD_REQUEST,
        { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
        err.message,
      ),
    );
  });
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
  configureApp(app);
  await beforeListen?.(app);
  const config = app.get(ConfigService);
  await app.listen(config.getOrThrow<number>('PORT'), config.getOrThrow<string>('HOST'));
  app.get(Logger).log(`${config.get('SERVICE_NAME')} listening on ${await app.getUrl()}`);
  return app;
}

/** Entry point of a service's main.ts: a failure to start ends the process with one clear line, not a hang. */
export function runService(
  module: Parameters<typeof NestFactory.create>[0],
  beforeListen?: (app: INestApplication) => void | Promise<void>,
): void {
  bootstrapService(module, beforeListen).catch((err: Error) => {
    process.stderr.write(`${process.env.SERVICE_NAME ?? 'service'} failed to start: ${err.message}\n`);
    process.exit(1);
  });
}
