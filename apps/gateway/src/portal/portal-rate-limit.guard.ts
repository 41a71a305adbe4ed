import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError } from '@enforcement/platform';

/** Requests one client may make per minute on the open portal (PORTAL_RATE_PER_MINUTE, default 120). */
const PER_MINUTE = Math.max(1, Number(process.env.PORTAL_RATE_PER_MINUTE ?? 120));
/** Clients remembered at most; the stalest are forgotten first, so a flood of addresses cannot exhaust memory. */
const MAX_CLIENTS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * D11: the portal is open to anyone, so every client address gets a token bucket (PER_MINUTE per minute, bursts up
 * to the same). An empty bucket answers 429 with `Retry-After` in seconds. Per instance: behind a load balancer each
 * gateway instance limits on its own, which bounds the total at instances × rate.
 */
@Injectable()
export class PortalRateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const key = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    const refillPerMs = PER_MINUTE / 60_000;
    const known = this.buckets.get(key);
    const bucket = known ?? { tokens: PER_MINUTE, at: now };
    bucket.tokens = Math.min(PER_MINUTE, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return true;
    }
    const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new AppError('PORTAL.RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS, {
      zh: `请求过于频繁，请 ${retryAfter} 秒后再试`,
      en: `Too many requests; try again in ${retryAfter} s`,
    });
  }
}
