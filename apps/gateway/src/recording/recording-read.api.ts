import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, originHeaders, passedOnRefusal } from '@enforcement/platform';

const READ_TIMEOUT_MS = 30_000;

/** The caller's credentials, passed on so recording-svc's own role guard, unit scoping and access log apply. */
export interface RecordingCaller {
  readonly authorization: string;
  readonly requestId?: string;
}

/**
 * recording-svc's read API (timelines, integrity verification, checkpoints): its tables, its access log. Address:
 * `RECORDING_SVC_URL`, else the local stack's recording-svc on port 3002.
 */
@Injectable()
export class RecordingReadApi {
  private readonly baseUrl = (process.env.RECORDING_SVC_URL ?? 'http://127.0.0.1:3002').replace(/\/+$/, '');

  async call(
    method: 'GET' | 'POST',
    path: string,
    caller: RecordingCaller,
    query: Record<string, string | undefined> = {},
  ) {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(url, {
        method,
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
    throw passedOnRefusal(res.status, body) ?? unavailable();
  }
}

function unavailable(): AppError {
  return new AppError('RECORDING.UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '执法记录服务暂时无法访问，请稍后再试',
    en: 'The recording service is unavailable; try again shortly',
  });
}
