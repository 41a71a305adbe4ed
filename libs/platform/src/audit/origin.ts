import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a state change comes from (SPEC C3): the person, their unit, the client's address and user agent as the
 * gateway saw them, and the request id that follows the call through workflows and events (correlation id).
 * The gateway captures it per request; it travels to the services as an HTTP header on forwarded calls and as a
 * Temporal header on workflow starts, updates, signals and the activities they schedule.
 */
export interface Origin {
  readonly actor?: string;
  readonly unitId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly correlationId?: string;
}

/** HTTP header carrying the origin from the gateway to a service's own API. */
export const ORIGIN_HTTP_HEADER = 'x-enforcement-origin';
/** Temporal header carrying the origin on workflow calls and activities. */
export const ORIGIN_TEMPORAL_HEADER = 'enforcement-origin';

const storage = new AsyncLocalStorage<Origin>();

export function currentOrigin(): Origin | undefined {
  return storage.getStore();
}

export function runWithOrigin<T>(origin: Origin, fn: () => T): T {
  return storage.run(origin, fn);
}

const LIMITS: Record<keyof Origin, number> = {
  actor: 128,
  unitId: 128,
  sourceIp: 64,
  userAgent: 512,
  correlationId: 200,
};

function withoutControls(text: string): string {
  return Array.from(text, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c)).join('');
}

/** Keeps only known, bounded string fields: the origin comes from headers, so it is input like any other. */
export function sanitizeOrigin(value: unknown): Origin {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [key, max] of Object.entries(LIMITS)) {
    const v = (value as Record<string, unknown>)[key];
    // No control characters: the values end up in the audit table and in logs.
    if (typeof v === 'string' && v.length > 0) out[key] = withoutControls(v.slice(0, max));
  }
  return out;
}

/** Parses the HTTP header's value (JSON); anything malformed counts as no origin. */
export function parseOriginHeader(raw: string | string[] | undefined): Origin {
  if (typeof raw !== 'string' || raw.length > 2048) return {};
  try {
    return sanitizeOrigin(JSON.parse(raw));
  } catch {
    return {};
  }
}

/** Headers a gateway forward adds so the service's audit rows say where the call came from. */
export function originHeaders(): Record<string, string> {
  const origin = currentOrigin();
  if (!origin) return {};
  // Header values must be ISO-8859-1; JSON escaping keeps every character ASCII.
  return {
    [ORIGIN_HTTP_HEADER]: JSON.stringify(origin).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  };
}
