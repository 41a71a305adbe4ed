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
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { AppError } from '../errors/app-error';
import { REQUEST_ID_HEADER } from '../logging/logging.module';
import { requestFingerprint, requestKey } from './request-key';

/** How long a first answer is kept for a retry (a client retries a lost answer within minutes, not days). */
const KEEP_ANSWER_MS = 24 * 3600_000;
/** A claim older than this belongs to a call that died half-way (process killed): a retry takes it over. */
const ABANDONED_CLAIM_MS = 2 * 60_000;

/** What the interceptor puts on the request for the handler: the call's once-only key, or none without a client id. */
export interface RepeatableRequest {
  requestKey?: string;
}

interface KeyRow {
  fingerprint: string;
  state: 'pending' | 'done';
  status: number | null;
  body: unknown;
  /** As text: a JS Date would lose PostgreSQL's microseconds and never match again. */
  claimed_at: string;
  age_ms: number;
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    return from(this.run(requestId, fingerprint, res, next));
  }

  private async run(requestId: string, fingerprint: string, res: Response, next: CallHandler): Promise<unknown> {
    const first = await this.claim(requestId, fingerprint);
    if (first !== null) {
      if (first.fingerprint !== fingerprint) throw idReused(requestId);
      if (first.state === 'pending') throw inProgress(requestId);
      res.status(first.status ?? HttpStatus.OK);
      return first.body;
    }
    let answer: unknown;
    try {
      answer = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (err) {
      // No answer to keep: the key is free again, and a retry re-runs with the same downstream keys.
      await this.dataSource.query(`delete from request_keys where request_id = $1 and state = 'pending'`, [requestId]);
      throw err;
    }
    await this.dataSource.query(
      `update request_keys set state = 'done', status = $2, body = $3::jsonb, completed_at = now()
        where request_id = $1`,
      [requestId, res.statusCode, JSON.stringify(answer ?? null)],
    );
    return answer;
  }

  /** Claims the id for this call (null), or returns the row of the call that holds it. */
  private async claim(requestId: string, fingerprint: string): Promise<KeyRow | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.dataSource.query(
        `insert into request_keys (request_id, fingerprint, state) values ($1, $2, 'pending')
         on conflict (request_id) do nothing returning request_id`,
        [requestId, fingerprint],
      );
      if (claimed.length > 0) return null;
      const [row] = await this.dataSource.query<KeyRow[]>(
        `select fingerprint, state, status, body, claimed_at::text as claimed_at,
                (extract(epoch from now() - claimed_at) * 1000)::float8 as age_ms
           from request_keys where request_id = $1`,
        [requestId],
      );
      if (row === undefined) continue; // released in between: claim again
      const expired = row.state === 'done' ? row.age_ms > KEEP_ANSWER_MS : row.age_ms > ABANDONED_CLAIM_MS;
      if (!expired) return row;
      // An expired answer or an abandoned claim: take the id over, atomically against other takers.
      const taken: unknown[] = await this.dataSource.query(
        `update request_keys set fingerprint = $2, state = 'pending', status = null, body = null,
                claimed_at = now(), completed_at = null
          where request_id = $1 and claimed_at::text = $3 returning request_id`,
        [requestId, fingerprint, row.claimed_at],
      );
      if (taken.length > 0) return null;
    }
    throw inProgress(requestId);
  }
}

export const REPEATABLE_KEY = 'request:repeatable';

/**
 * The route is a create or a command: repeating it with the same `x-request-id`, caller and body returns the first
 * answer; another caller or body with that id is 409. Needs `request_keys` in the service's schema.
 */
export const Repeatable = () =>
  applyDecorators(SetMetadata(REPEATABLE_KEY, true), UseInterceptors(IdempotencyInterceptor));
