import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { ORIGIN_HTTP_HEADER, parseOriginHeader, runWithOrigin, sanitizeOrigin, type Origin } from './origin';

/**
 * Runs every HTTP handler inside its origin (SPEC C3), so audit rows written by the handler, and Temporal calls it
 * makes, carry who and from where. Runs after the guard, so the verified token names the person.
 *
 * The gateway is the public edge: it takes the address and user agent from the connection and never from a header
 * a client could forge. A service is reached only from the gateway on the internal network, so it takes them from
 * the gateway's `x-enforcement-origin` header; the person still comes from the token it verified itself.
 */
@Injectable()
export class OriginInterceptor implements NestInterceptor {
  private readonly atEdge: boolean;

  constructor(config: ConfigService) {
    this.atEdge = config.get<string>('SERVICE_NAME') === 'gateway';
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & { id?: string }>();
    const forwarded: Origin = this.atEdge ? {} : parseOriginHeader(req.headers[ORIGIN_HTTP_HEADER]);
    const origin = sanitizeOrigin({
      sourceIp: forwarded.sourceIp ?? req.ip ?? req.socket?.remoteAddress,
      userAgent: forwarded.userAgent ?? req.headers['user-agent'],
      correlationId: forwarded.correlationId ?? (typeof req.id === 'string' ? req.id : undefined),
      actor: req.actor?.id ?? forwarded.actor,
      unitId: req.actor?.unitId ?? forwarded.unitId,
    });
    return new Observable((subscriber) => runWithOrigin(origin, () => next.handle().subscribe(subscriber)));
  }
}
