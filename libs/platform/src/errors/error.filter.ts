import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AppError, type BilingualMessage, type ErrorBody } from './app-error';
import { RETRY_AFTER_SECONDS, unavailableDependency } from './unavailable';

const byStatus: Record<number, { code: string; message: BilingualMessage }> = {
  400: { code: 'REQUEST.INVALID', message: { zh: '请求格式不正确', en: 'The request is not valid' } },
  401: {
    code: 'AUTH.UNAUTHENTICATED',
    message: { zh: '需要有效的登录凭证（Bearer 令牌）', en: 'A valid bearer token is required' },
  },
  403: {
    code: 'AUTH.FORBIDDEN',
    message: { zh: '您的角色无权执行此操作', en: 'Your role may not perform this action' },
  },
  404: { code: 'REQUEST.NOT_FOUND', message: { zh: '请求的资源不存在', en: 'The requested resource does not exist' } },
  405: {
    code: 'REQUEST.METHOD_NOT_ALLOWED',
    message: { zh: '不支持该请求方法', en: 'This method is not allowed here' },
  },
  409: {
    code: 'REQUEST.CONFLICT',
    message: { zh: '与当前状态冲突', en: 'The request conflicts with the current state' },
  },
  413: { code: 'REQUEST.TOO_LARGE', message: { zh: '请求内容过大', en: 'The request body is too large' } },
  415: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: { zh: '不支持的内容类型', en: 'Unsupported content type' } },
  429: {
    code: 'REQUEST.TOO_MANY',
    message: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  },
  503: {
    code: 'SERVICE.UNAVAILABLE',
    message: { zh: '服务暂时不可用，请稍后再试', en: 'The service is unavailable; try again later' },
  },
};

/** The causes under an error (gRPC code and details of a Temporal ServiceError, a driver's error): what a 5xx was. */
function causes(exception: unknown): string {
  const out: string[] = [];
  let e = (exception as { cause?: unknown })?.cause;
  while (typeof e === 'object' && e !== null && out.length < 5) {
    const c = e as { name?: string; code?: string | number; details?: string; message?: string; cause?: unknown };
    out.push(`${c.name ?? 'Error'}${c.code !== undefined ? ` code=${c.code}` : ''}: ${c.details ?? c.message}`);
    e = c.cause;
  }
  return out.map((line) => `\n  caused by ${line}`).join('');
}

/**
 * Turns every error into the one error body: stable code, bilingual message, request id. A client's mistake keeps its
 * 4xx and its details; an unexpected error answers 500 with no internals (they go to the log with the request id).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception);
    // Errors raised before the logging middleware ran (e.g. unparsable JSON) still get an id to quote.
    body.requestId = req.id ?? randomUUID();
    // A client retries a 503 (a dependency down, a service not ready) when told when; it never retries a 500.
    if (body.statusCode === 503 && !res.getHeader('Retry-After')) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    if (body.statusCode >= 500) {
      // Which dependency is down is for the operators (here), not for the public answer (an internal detail).
      const dependency = unavailableDependency(exception);
      this.logger.error(
        `${req.method} ${req.url} failed [${req.id}]${dependency ? ` (${dependency} unavailable)` : ''}: ${(exception as Error)?.stack ?? String(exception)}${causes(exception)}`,
      );
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.messages,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      // Our own validation pipe and guards put a complete ErrorBody in the exception.
      if (typeof response === 'object' && response !== null && 'code' in response && 'message' in response) {
        return { ...(response as ErrorBody), statusCode: status };
      }
      const known = byStatus[status] ?? {
        code: status >= 500 ? 'SERVICE.ERROR' : 'REQUEST.REJECTED',
        message: { zh: '请求未能完成', en: 'The request could not be completed' },
      };
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return { statusCode: status, ...known, details: status < 500 ? detail : undefined };
    }
    // Body-parser errors (oversized body, bad encoding) arrive as plain errors with a status: still the client's.
    const status = (exception as { status?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const known = byStatus[status] ?? byStatus[400];
      return { statusCode: status, code: known.code, message: known.message };
    }
    // PostgreSQL, Temporal or a peer unreachable: temporary, so 503 (with Retry-After above), not a 500 that hides it.
    // The body is the generic bilingual one: a client needs the code and when to retry, not our topology.
    if (unavailableDependency(exception)) return { ...byStatus[503], statusCode: HttpStatus.SERVICE_UNAVAILABLE };
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'SERVICE.INTERNAL_ERROR',
      message: {
        zh: '服务内部错误，请联系管理员并提供请求编号',
        en: 'Internal error; contact the administrator with the request id',
      },
    };
  }
}
