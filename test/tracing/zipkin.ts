import { stackEnv } from '@enforcement/platform/testing/stack-env';

/** One span as Zipkin's API v2 returns it (names and services lower-cased by Zipkin). */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  timestamp: number;
  duration?: number;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

/** The test stack's Zipkin (infra/local/zipkin.sh writes ZIPKIN_URL into the env file). */
export function zipkinUrl(): string {
  const url = (stackEnv() as unknown as Record<string, string | undefined>).ZIPKIN_URL;
  if (!url) throw new Error('the test stack runs no Zipkin (ZIPKIN_URL missing): start it with STACK_ZIPKIN=on');
  return url;
}

export async function zipkinTrace(traceId: string): Promise<ZipkinSpan[]> {
  const res = await fetch(`${zipkinUrl()}/api/v2/trace/${traceId}`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`Zipkin answered ${res.status}`);
  return (await res.json()) as ZipkinSpan[];
}

/** The trace id a service answered with (W3C `traceresponse: 00-<trace>-<span>-<flags>`). */
export function traceIdOf(traceresponse: string | undefined): string {
  const m = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceresponse ?? '');
  if (!m) throw new Error(`no traceresponse header (tracing off on the stack?): ${traceresponse}`);
  return m[1];
}
