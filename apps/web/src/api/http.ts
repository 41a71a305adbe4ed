import { bearerToken, signOut } from '@/auth/session';

/** One field's problems, as the gateway's validation reports them (`details` of REQUEST.VALIDATION_FAILED). */
export interface FieldIssue {
  field: string;
  problems: string[];
}

/** The gateway's one error body: `{ statusCode, code, message: { zh, en }, requestId, details? }`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: { zh: string; en: string };
  requestId?: string;
  details?: unknown;
}

/** An API refusal with its bilingual message and, for invalid input, the fields it concerns. */
export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(`${body.code}: ${body.message.en}`);
  }

  get fields(): FieldIssue[] {
    const details = this.body.details;
    if (!Array.isArray(details)) return [];
    return details.filter(
      (d): d is FieldIssue => typeof d === 'object' && d !== null && 'field' in d && 'problems' in d,
    );
  }

  /** Problems of a field (`documentNo`, `transfer.to`…) or of anything under it. */
  problemsOf(field: string): string[] {
    return this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`)).flatMap((f) => f.problems);
  }
}

const NETWORK_ERROR: ErrorBody = {
  statusCode: 0,
  code: 'CLIENT.NETWORK',
  message: {
    zh: '无法连接服务器，请检查网络后重试',
    en: 'The server cannot be reached; check the connection and try again',
  },
};

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (body && typeof body.code === 'string' && body.message && typeof body.message.zh === 'string') {
      return new ApiError(body as ErrorBody);
    }
  } catch {
    // not our error body: fall through
  }
  return new ApiError({
    statusCode: res.status,
    code: 'CLIENT.UNEXPECTED_RESPONSE',
    message: { zh: `服务器返回了意外的响应（${res.status}）`, en: `The server answered unexpectedly (${res.status})` },
  });
}

async function send(method: string, path: string, body?: unknown, withToken?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = withToken ?? bearerToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(NETWORK_ERROR);
  }
  if (res.status === 401 && token) signOut();
  if (!res.ok) throw await errorOf(res);
  return res;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await send('GET', path)).json()) as T;
}

/** A GET with a token not kept yet (the identity provider's, before the session starts). */
export async function getJsonWith<T>(path: string, token: string): Promise<T> {
  return (await (await send('GET', path, undefined, token)).json()) as T;
}

export async function postJson<T>(path: string, body: unknown = {}): Promise<T> {
  return (await (await send('POST', path, body)).json()) as T;
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return (await (await send('PUT', path, body)).json()) as T;
}

export async function getBlob(path: string): Promise<Blob> {
  return (await send('GET', path)).blob();
}

export function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}
