import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, originHeaders, passedOnRefusal } from '@enforcement/platform';

const TIMEOUT_MS = 60_000;

export interface ForwardCaller {
  readonly authorization: string;
  readonly requestId?: string;
}

/** What recording-svc answered: JSON, or a file (PDF) with its headers. */
export interface Forwarded {
  readonly json: unknown;
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly disposition: string | null;
  readonly sha256: string | null;
}

/**
 * recording-svc's routes behind the gateway for access applications, exports, archives, devices, inspections and
 * evaluations (SPEC R8–R13): JSON bodies in, JSON or files out, the caller's token passed on so recording-svc's own
 * role guard, owner checks and access log apply. Address: `RECORDING_SVC_URL`.
 */
@Injectable()
export class RecordingForwardClient {
  private readonly baseUrl = (process.env.RECORDING_SVC_URL ?? 'http://127.0.0.1:3002').replace(/\/+$/, '');

  async send(
    method: 'GET' | 'POST',
    path: string,
    caller: ForwardCaller,
    options: { body?: unknown; query?: Record<string, string | undefined> } = {},
  ): Promise<Forwarded> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    let bytes: Buffer;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization: caller.authorization,
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(caller.requestId ? { 'x-request-id': caller.requestId } : {}),
          // Who and from where, for recording-svc's audit rows (C3).
          ...originHeaders(),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch {
      throw unavailable();
    }
    const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
    let json: unknown;
    if (contentType.includes('json')) {
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        json = undefined;
      }
    }
    if (res.ok) {
      return {
        json,
        bytes,
        contentType,
        disposition: res.headers.get('content-disposition'),
        sha256: res.headers.get('x-content-sha256'),
      };
    }
    throw passedOnRefusal(res.status, json) ?? unavailable();
  }
}

function unavailable(): AppError {
  return new AppError('RECORDING.UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '执法记录服务暂时无法访问，请稍后再试',
    en: 'The recording service is unavailable; try again shortly',
  });
}
