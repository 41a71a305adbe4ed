import { HttpStatus, Injectable } from '@nestjs/common';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { AppError, originHeaders, passedOnRefusal } from '@enforcement/platform';

const READ_TIMEOUT_MS = 10_000;
/**
 * Idle connections to disclosure-svc are closed after this, before the service's own keep-alive timeout (Node's 5 s)
 * would close them under a request.
 */
const IDLE_MS = 4_000;

/** One call forwarded to disclosure-svc. */
export interface DisclosureCall {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  requestId?: string;
  /** A signed-in caller's token goes on, so disclosure-svc's own guard and unit scoping apply (C1). */
  authorization?: string;
}

/** disclosure-svc's answer: status, headers and the body's bytes. */
interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * disclosure-svc's API (the portal and report tables are its own). Its address: `DISCLOSURE_SVC_URL`, else the
 * local stack's disclosure-svc on port 3003. Its 4xx answers pass on unchanged; anything else is a 503.
 *
 * The hop is Node's own HTTP client on a keep-alive pool rather than `fetch`: per call it costs a fraction of
 * fetch's CPU (no WHATWG streams, Headers and Response objects), which counts on every portal search (issue 10,
 * bench/README.md). Tracing still follows the call (the HTTP instrumentation patches this client too).
 */
@Injectable()
export class DisclosureReadApi {
  private readonly baseUrl = (process.env.DISCLOSURE_SVC_URL ?? 'http://127.0.0.1:3003').replace(/\/+$/, '');
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: IDLE_MS });

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
    const { body } = await this.send(path, call, 'application/json');
    try {
      return JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /**
   * A JSON answer as disclosure-svc wrote it, to be answered unchanged: parsing it here only to serialise it again
   * would cost the gateway both for nothing. Anything but JSON is a 503.
   */
  async jsonBytes(path: string, call: DisclosureCall): Promise<{ body: Buffer; type: string }> {
    const { body, headers } = await this.send(path, call, 'application/json');
    const type = headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) throw unavailable();
    return { body, type };
  }

  /** A document (the annual report's PDF): its bytes and content type. */
  async bytes(path: string, call: DisclosureCall): Promise<{ body: Buffer; type: string; disposition?: string }> {
    const { body, headers } = await this.send(path, call, 'application/pdf');
    return {
      body,
      type: headers['content-type'] ?? 'application/octet-stream',
      disposition: headers['content-disposition'],
    };
  }

  private async send(path: string, call: DisclosureCall, accept: string): Promise<Answer> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(call.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, String(value));
    const body = call.body !== undefined ? Buffer.from(JSON.stringify(call.body)) : undefined;
    const headers: Record<string, string> = {
      accept,
      ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
      ...(call.requestId ? { 'x-request-id': call.requestId } : {}),
      // Who and from where, for the service's access and audit rows (R8, C3) — for signed-in callers only: the
      // public portal's visitors stay anonymous, their address is not handed on.
      ...(call.authorization ? { authorization: call.authorization, ...originHeaders() } : {}),
    };
    const method = call.method ?? 'GET';
    let res: Answer;
    try {
      res = await this.exchange(url, method, headers, body).catch((err: Error & { reused?: boolean }) => {
        // The service may close an idle kept-alive connection just as a call goes out on it: a GET is sent again.
        if (err.reused && method === 'GET') return this.exchange(url, method, headers, body);
        throw err;
      });
    } catch {
      throw unavailable();
    }
    if (res.status >= 200 && res.status < 300) return res;
    let answer: unknown;
    try {
      answer = JSON.parse(res.body.toString('utf8'));
    } catch {
      answer = undefined;
    }
    throw passedOnRefusal(res.status, answer) ?? unavailable();
  }

  private exchange(url: URL, method: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { method, headers, agent: this.agent, signal: AbortSignal.timeout(READ_TIMEOUT_MS) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (err) => reject(Object.assign(err, { reused: req.reusedSocket })));
      req.end(body);
    });
  }
}

function unavailable(): AppError {
  return new AppError('PORTAL.UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '公示平台暂时无法访问，请稍后再试',
    en: 'The disclosure portal is unavailable; try again shortly',
  });
}
