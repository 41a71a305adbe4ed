import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError, originHeaders, passedOnRefusal, isErrorBody } from '@enforcement/platform';

const READ_TIMEOUT_MS = 10_000;

/** The caller's credentials, passed on so review-svc's own role guard and unit scoping apply to the read. */
export interface ForwardedCaller {
  readonly authorization: string;
  readonly requestId?: string;
}

/**
 * Reads that review-svc owns (task inbox, statistics) come from its read API over HTTP: the gateway is the edge, the
 * projection tables are review-svc's. Commands never take this path; they are Temporal updates.
 */
@Injectable()
export class ReviewReadApi {
  private readonly baseUrl: string;

  constructor(config: ConfigService) {
    // Validated at start-up (ServiceEnvironment), with the local stack's review-svc as the default.
    this.baseUrl = config.getOrThrow<string>('REVIEW_SVC_URL').replace(/\/+$/, '');
  }

  async get(
    path: string,
    query: Record<string, string | number | undefined>,
    caller: ForwardedCaller,
  ): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, String(value));
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(url, {
        headers: {
          authorization: caller.authorization,
          accept: 'application/json',
          ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
          // Who and from where, for the service's access and audit rows (R8, C3).
          ...originHeaders(),
        },
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
      body = await res.json().catch(() => undefined);
    } catch {
      throw unavailable();
    }
    if (res.ok) return body;
    // review-svc answering 503 has lost its PostgreSQL or Temporal for a while: as temporary for our caller, who
    // retries a 503 (issue 12) — a 502 would say review-svc is broken.
    if (res.status === 503) throw unavailable();
    // review-svc speaks the same error body: a client error of the caller's keeps its code, status and message.
    throw passedOnRefusal(res.status, body) ?? readFailed();
  }

  /**
   * A file read (the opinion documents' PDFs): the bytes and the headers that describe them, passed through as they
   * came. review-svc has already checked the bytes against their registered SHA-256; its refusal to serve a tampered
   * file keeps its code.
   */
  async getFile(path: string, caller: ForwardedCaller): Promise<ForwardedFile> {
    let res: Response;
    let bytes: Buffer;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        headers: {
          authorization: caller.authorization,
          ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
          // Who and from where, for the service's access and audit rows (R8, C3).
          ...originHeaders(),
        },
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch {
      throw unavailable();
    }
    if (res.ok) {
      return {
        bytes,
        contentType: res.headers.get('content-type') ?? 'application/octet-stream',
        sha256: res.headers.get('x-content-sha256'),
        disposition: res.headers.get('content-disposition'),
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      body = undefined;
    }
    if (res.status === 503) throw unavailable();
    if (isErrorBody(body) && (res.status < 500 || FORWARDED_SERVER_ERRORS.includes(body.code))) {
      throw new AppError(body.code, res.status, body.message, body.details);
    }
    throw readFailed();
  }
}

/** A file as review-svc served it. */
export interface ForwardedFile {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** `x-content-sha256`: the registered hash the bytes were checked against. */
  readonly sha256: string | null;
  readonly disposition: string | null;
}

/** Server errors whose code the caller must see as is: a tampered document is an incident, not an outage. */
const FORWARDED_SERVER_ERRORS: readonly string[] = ['OPINION.DOCUMENT_TAMPERED'];

function unavailable(): AppError {
  return new AppError('REVIEW.READ_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '法制审核查询服务暂时不可用，请稍后重试',
    en: 'The legal review read service is unavailable; try again later',
  });
}

function readFailed(): AppError {
  return new AppError('REVIEW.READ_FAILED', HttpStatus.BAD_GATEWAY, {
    zh: '法制审核查询服务返回错误，请稍后重试或联系管理员',
    en: 'The legal review read service failed; try again later or contact the administrator',
  });
}
