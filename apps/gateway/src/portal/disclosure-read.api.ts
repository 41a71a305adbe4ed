import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, type ErrorBody } from '@enforcement/platform';

const READ_TIMEOUT_MS = 10_000;

function isErrorBody(body: unknown): body is ErrorBody {
  const b = body as Partial<ErrorBody> | null;
  return typeof b?.code === 'string' && typeof b.message?.zh === 'string' && typeof b.message.en === 'string';
}

/** One call forwarded to disclosure-svc. */
export interface DisclosureCall {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  requestId?: string;
  /** A signed-in caller's token goes on, so disclosure-svc's own guard and unit scoping apply (C1). */
  authorization?: string;
}

/**
 * disclosure-svc's API (the portal and report tables are its own). Its address: `DISCLOSURE_SVC_URL`, else the
 * local stack's disclosure-svc on port 3003. Its 4xx answers pass on unchanged; anything else is a 503.
 */
@Injectable()
export class DisclosureReadApi {
  private readonly baseUrl = (process.env.DISCLOSURE_SVC_URL ?? 'http://127.0.0.1:3003').replace(/\/+$/, '');

  get(
    path: string,
    query: Record<string, string | number | undefined>,
    requestId?: string,
    authorization?: string,
  ): Promise<unknown> {
    return this.json(path, { query, requestId, authorization });
  }

  /** A JSON answer (GET, or POST with a JSON body). */
  async json(path: string, call: DisclosureCall): Promise<unknown> {
    const res = await this.send(path, call, 'application/json');
    return res.json().catch(() => undefined);
  }

  /** A document (the annual report's PDF): its bytes and content type. */
  async bytes(path: string, call: DisclosureCall): Promise<{ body: Buffer; type: string; disposition?: string }> {
    const res = await this.send(path, call, 'application/pdf');
    let body: Buffer;
    try {
      body = Buffer.from(await res.arrayBuffer());
    } catch {
      throw unavailable();
    }
    return {
      body,
      type: res.headers.get('content-type') ?? 'application/octet-stream',
      disposition: res.headers.get('content-disposition') ?? undefined,
    };
  }

  private async send(path: string, call: DisclosureCall, accept: string): Promise<Response> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(call.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    let res: Response;
    try {
      res = await fetch(url, {
        method: call.method ?? 'GET',
        headers: {
          accept,
          ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(call.requestId ? { 'x-request-id': call.requestId } : {}),
          ...(call.authorization ? { authorization: call.authorization } : {}),
        },
        body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
    } catch {
      throw unavailable();
    }
    if (res.ok) return res;
    const body: unknown = await res.json().catch(() => undefined);
    if (res.status < 500 && isErrorBody(body)) throw new AppError(body.code, res.status, body.message, body.details);
    throw unavailable();
  }
}

function unavailable(): AppError {
  return new AppError('PORTAL.UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '公示平台暂时无法访问，请稍后再试',
    en: 'The disclosure portal is unavailable; try again shortly',
  });
}
