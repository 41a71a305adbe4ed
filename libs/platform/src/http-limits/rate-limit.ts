import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import type { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';
import { PgThrottlerStorage } from './rate-limit.store';

const MINUTE_MS = 60_000;
const PORTAL_PATH = /^\/api\/v1\/portal(\/|$)/;
const UNLIMITED_PATH = /^\/health(\/|$)/;

const address = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Who a request counts against: the token's subject when it carries one (many staff share an office's address),
 * else the address. The subject is read without verifying: a forged one only buys 401s, and the per-address limit
 * still bounds whoever rotates them.
 */
export function rateLimitSubject(req: Request): string {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  if (match) {
    try {
      const { sub } = decodeJwt(match[1]);
      if (typeof sub === 'string' && sub.length > 0 && sub.length <= 128) return `sub:${sub}`;
    } catch {
      // not a JWT: counted by address below; the auth guard refuses it
    }
  }
  return `ip:${address(req)}`;
}

const pathOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>().path;

const SWEEP_MS = 5 * MINUTE_MS;

/** The shared store's sweeper, one per process; unref'd so it never holds a shutdown. */
function sweepNowAndThen(store: PgThrottlerStorage): PgThrottlerStorage {
  setInterval(() => void store.sweep().catch(() => undefined), SWEEP_MS).unref();
  return store;
}

/**
 * Rate limits of the gateway (issue 12) and of the public portal (D11), one mechanism: Nest's own throttler. Per person,
 * per address, and the portal's own lower rate for anonymous readers. Counted in memory (`RATE_LIMIT_STORE=memory`, one
 * instance) or in PostgreSQL (`postgres`: every instance of the gateway counts against the same limit).
 */
export const edgeRateLimitModule = () =>
  ThrottlerModule.forRootAsync({
    inject: [ConfigService, getDataSourceToken()],
    useFactory: (config: ConfigService, dataSource: DataSource) => ({
      ...(config.get<string>('RATE_LIMIT_STORE') === 'postgres'
        ? { storage: sweepNowAndThen(new PgThrottlerStorage(dataSource)) }
        : {}),
      skipIf: (context) => UNLIMITED_PATH.test(pathOf(context)),
      throttlers: [
        {
          name: 'person',
          ttl: MINUTE_MS,
          limit: config.getOrThrow<number>('GATEWAY_RATE_PER_MINUTE'),
          getTracker: (req) => rateLimitSubject(req as Request),
        },
        {
          name: 'address',
          ttl: MINUTE_MS,
          limit: config.getOrThrow<number>('GATEWAY_ADDRESS_RATE_PER_MINUTE'),
          getTracker: (req) => `ip:${address(req as Request)}`,
        },
        {
          name: 'portal',
          ttl: MINUTE_MS,
          limit: config.getOrThrow<number>('PORTAL_RATE_PER_MINUTE'),
          getTracker: (req) => `ip:${address(req as Request)}`,
          skipIf: (context) => !PORTAL_PATH.test(pathOf(context)),
        },
      ],
    }),
  });

/** The throttler's guard, answering in our one error body with a plain `Retry-After` (whole seconds). */
@Injectable()
export class EdgeRateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new AppError('REQUEST.RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS, {
      zh: `请求过于频繁，请 ${retryAfter} 秒后再试`,
      en: `Too many requests; try again in ${retryAfter} s`,
    });
  }
}

/** Providers a service adds to rate-limit every route of its HTTP edge. */
export const edgeRateLimitGuard = { provide: APP_GUARD, useClass: EdgeRateLimitGuard };
