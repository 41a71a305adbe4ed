import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError, type ErrorBody } from '@enforcement/platform';

const READ_TIMEOUT_MS = 10_000;

function isErrorBody(body: unknown): body is ErrorBody {
  const b = body as Partial<ErrorBody> | null;
  return typeof b?.code === 'string' && typeof b.message?.zh === 'string' && typeof b.message.en === 'string';
}

/**
 * disclosure-svc's read API (the portal tables are its own). Its address: `DISCLOSURE_SVC_URL`, else the local
 * stack's disclosure-svc on port 3003.
 */
@Injectable()
export class DisclosureReadApi {
  private readonly baseUrl = (process.env.DISCLOSURE_SVC_URL ?? 'http://127.0.0.1:3003').replace(/\/+$/, '');

  async get(
    path: string,
    query: Record<string, string | number | undefined>,
    requestId?: string,
    authorization?: string,
  ): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, String(value));
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(requestId ? { 'x-request-id': requestId } : {}),
          // A signed-in caller's token goes on, so disclosure-svc's own guard and unit scoping apply (C1).
          ...(authorization ? { authorization } : {}),
        },
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
      body = await res.json().catch(() => undefined);
    } catch {
      throw unavailable();
    }
    if (res.ok) return body;
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
