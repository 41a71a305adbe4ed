import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { payloadDataConverter } from '../temporal/payload-codec';

/** The running test stack's addresses and credentials, from the env file `infra/local/stack up` wrote. */
export interface StackEnv {
  REVIEW_DATABASE_URL: string;
  RECORDING_DATABASE_URL: string;
  DISCLOSURE_DATABASE_URL: string;
  GATEWAY_DATABASE_URL: string;
  /** Each schema owner's login, for the migrate step (the *_DATABASE_URL above are the runtime logins, C3). */
  REVIEW_DATABASE_MIGRATION_URL: string;
  RECORDING_DATABASE_MIGRATION_URL: string;
  DISCLOSURE_DATABASE_MIGRATION_URL: string;
  GATEWAY_DATABASE_MIGRATION_URL: string;
  ADMIN_DATABASE_URL: string;
  KAFKA_BROKERS: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  /** The payload codec's keys the stack's services use (absent in a stack written before the codec). */
  TEMPORAL_PAYLOAD_KEYS?: string;
  JWT_PRIVATE_KEY_FILE: string;
  JWT_PUBLIC_KEY_FILE: string;
}

export function stackEnv(): StackEnv {
  const file = process.env.STACK_ENV_FILE ?? join(__dirname, '../../../../.local/stack-test/stack.env');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no running test stack (${file} is missing): run bin/test, which starts one`);
  }
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  if (!/test/.test(new URL(env.ADMIN_DATABASE_URL).pathname)) {
    throw new Error('refusing to run tests against a database whose name lacks "test"');
  }
  return env as unknown as StackEnv;
}

/** The data converter of the stack's services, for a test's own Temporal client (payloads are encrypted). */
export function stackDataConverter(): ReturnType<typeof payloadDataConverter> {
  return payloadDataConverter(stackEnv().TEMPORAL_PAYLOAD_KEYS);
}

/** The four services bin/test starts. */
export const SERVICES = ['gateway', 'review-svc', 'recording-svc', 'disclosure-svc'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Base URL of a service started by bin/test (infra/local/services with the test ports). */
export function serviceUrl(service: ServiceName): string {
  const port = {
    gateway: process.env.GATEWAY_PORT ?? '3100',
    'review-svc': process.env.REVIEW_PORT ?? '3101',
    'recording-svc': process.env.RECORDING_PORT ?? '3102',
    'disclosure-svc': process.env.DISCLOSURE_PORT ?? '3103',
  }[service];
  return `http://127.0.0.1:${port}`;
}

/** Polls `probe` until it returns a value (not undefined) or the time is up; tests wait on conditions, never sleep. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The calendar a running service computes with, as its /health reports it (W4). */
export interface ServiceCalendar {
  readonly years: string;
  readonly fingerprint: string;
  readonly publishedYearsApplied: Record<string, number>;
}

export async function calendarOf(service: ServiceName): Promise<ServiceCalendar> {
  const res = await fetch(`${serviceUrl(service)}/health`);
  const body = (await res.json()) as { details?: { calendar?: ServiceCalendar } };
  if (!body.details?.calendar) throw new Error(`${service} /health has no calendar detail (HTTP ${res.status})`);
  return body.details.calendar;
}
