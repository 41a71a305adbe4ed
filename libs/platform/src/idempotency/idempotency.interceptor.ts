import {
  applyDecorators,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { recordAccess } from '../audit/access-log';
import { READ_RECORD_KEY, type ReadRecordRule } from '../audit/read-record';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { AppError } from '../errors/app-error';
import { REQUEST_ID_HEADER } from '../logging/logging.module';
import { requestFingerprint, requestKey } from './request-key';
import { RequestKeyStore } from './request-key.store';

/** What the interceptor puts on the request for the handler: the call's once-only key, or none without a client id. */
export interface RepeatableRequest {
  requestKey?: string;
}

function idReused(requestId: string): AppError {
  return new AppError('REQUEST.ID_REUSED', HttpStatus.CONFLICT, {
    zh: `请求编号 ${requestId} 已用于另一请求（不同的用户、接口或内容）；新的请求请使用新的 x-request-id`,
    en: `Request id ${requestId} was already used for another request (another user, route or body); send a new x-request-id for a new request`,
  });
}

function inProgress(requestId: string): AppError {
  return new AppError('REQUEST.IN_PROGRESS', HttpStatus.CONFLICT, {
    zh: `请求编号 ${requestId} 的首次请求仍在处理中，请稍后用同一编号重试`,
    en: `The first request with id ${requestId} is still being handled; retry with the same id in a moment`,
  });
}

/**
 * A repeatable call (SPEC C3: effects once): with the client's `x-request-id`, the same caller sending the same
 * route and body again gets the first successful answer (same status, same body), and nothing happens twice; the
 * same id with another caller, route or body is 409 REQUEST.ID_REUSED and reveals nothing of the first call. A
 * refused or failed first call keeps no answer, so a retry runs again — safe, because every effect downstream is
 * keyed by the same request key (Temporal update ids, workflow ids, record correlation ids).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly keys: RequestKeyStore;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.keys = new RequestKeyStore(dataSource);
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest & RepeatableRequest & { id?: string }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const sent = req.headers[REQUEST_ID_HEADER];
    // Only an id the client chose (and the logger accepted as the request id) makes a call repeatable.
    if (typeof sent !== 'string' || sent !== req.id || !req.actor) return next.handle();
    const requestId = sent;
    const fingerprint = requestFingerprint({
      callerId: req.actor.id,
      method: req.method,
      path: req.path,
      body: req.body,
    });
    req.requestKey = requestKey(requestId, fingerprint);
    const actor = req.actor;
    const replayed = (body: unknown) => this.recordReplayedRead(ctx, actor, req.path, requestId, body);
    return from(this.run(requestId, fingerprint, res, next, replayed));
  }

  private async run(
    requestId: string,
    fingerprint: string,
    res: Response,
    next: CallHandler,
    replayed: (body: unknown) => Promise<void>,
  ): Promise<unknown> {
    const first = await this.keys.claim(requestId, fingerprint);
    if (first === 'busy') throw inProgress(requestId);
    if (first !== null) {
      if (first.fingerprint !== fingerprint) throw idReused(requestId);
      if (first.state === 'pending') throw inProgress(requestId);
      await replayed(first.body);
      res.status(first.status ?? HttpStatus.OK);
      return first.body;
    }
    return this.keys.hold(requestId, async () => {
      let answer: unknown;
      try {
        answer = await lastValueFrom(next.handle(), { defaultValue: undefined });
      } catch (err) {
        // No answer to keep: the key is free again, and a retry re-runs with the same downstream keys.
        await this.keys.release(requestId);
        throw err;
      }
      await this.keys.complete(requestId, res.statusCode, answer);
      return answer;
    });
  }

  /**
   * R8, C3: the answer of a command that records its reads (`@RecordsRead()`: it carries case or party data, e.g. a
   * publication's original) shows that data again when it is replayed, without the handler that records it — so the
   * replay leaves its own record, naming the first call. The record must be written before the answer is served.
   */
  private async recordReplayedRead(
    ctx: ExecutionContext,
    actor: NonNullable<AuthenticatedRequest['actor']>,
    path: string,
    requestId: string,
    body: unknown,
  ): Promise<void> {
    const rule = Reflect.getMetadata(READ_RECORD_KEY, ctx.getHandler()) as ReadRecordRule | undefined;
    if (rule === undefined || !rule.personalData || !rule.recordedHere) return;
    const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    await recordAccess(this.dataSource, actor, {
      action: 'view',
      caseNumber: text(answer.caseNumber),
      subject: decodedPath(path).replace(/^\/api\/v1\//, ''),
      recordUnitId: text(answer.unitId),
      detail: { replayOf: requestId },
    });
  }
}

/** The path as a person reads it (a decision number in Chinese); as sent when it does not decode. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export const REPEATABLE_KEY = 'request:repeatable';

/**
 * The route is a create or a command: repeating it with the same `x-request-id`, caller and body returns the first
 * answer; another caller or body with that id is 409. Needs `request_keys` in the service's schema.
 */
export const Repeatable = () =>
  applyDecorators(SetMetadata(REPEATABLE_KEY, true), UseInterceptors(IdempotencyInterceptor));
