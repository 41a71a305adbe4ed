import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so two equal bodies always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two calls "the same call": who, which route (with its path), what body. */
export interface RequestFingerprintInput {
  readonly callerId: string;
  readonly method: string;
  /** The request path as called, e.g. `/api/v1/reviews/A-1/accept` (no query). */
  readonly path: string;
  readonly body: unknown;
}

/** SHA-256 of caller, route and canonical body: equal only for the same person sending the same thing. */
export function requestFingerprint(input: RequestFingerprintInput): string {
  return createHash('sha256')
    .update(canonicalJson([input.callerId, input.method.toUpperCase(), input.path, input.body ?? null]))
    .digest('hex');
}

/**
 * The once-only key of a call: the client's request id bound to its fingerprint. Used as the Temporal update id,
 * workflow-derived ids and record correlation, so replaying someone else's request id — or the same id with another
 * body — can never reach the first call's outcome.
 */
export function requestKey(requestId: string, fingerprint: string): string {
  return createHash('sha256').update(`${requestId}\u0000${fingerprint}`).digest('hex').slice(0, 40);
}

/** A UUID (v4 layout) derived from a request key, for ids a repeated call must reproduce (review id, pause id…). */
export function uuidFromKey(key: string, purpose: string): string {
  const hex = createHash('sha256').update(`${purpose}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
