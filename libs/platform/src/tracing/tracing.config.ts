import { basename, dirname } from 'node:path';

/** Where a service sends its spans; `none` when tracing is off. */
export type TraceExporterKind = 'zipkin' | 'otlp' | 'none';

export interface TracingConfig {
  readonly exporter: TraceExporterKind;
  /** The exporter's endpoint; for OTLP absent means its own standard variables and default. */
  readonly endpoint?: string;
  readonly serviceName: string;
}

export const TRACE_EXPORTERS: readonly TraceExporterKind[] = ['zipkin', 'otlp', 'none'];

type Env = Readonly<Record<string, string | undefined>>;

const set = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * Reads the standard OpenTelemetry variables: OTEL_TRACES_EXPORTER (`zipkin`, `otlp` or `none`), else the exporter
 * whose endpoint is set (OTEL_EXPORTER_ZIPKIN_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or
 * OTEL_EXPORTER_OTLP_ENDPOINT); nothing set means off, so a deployment without a trace backend pays nothing and
 * logs no export errors. The service is named by SERVICE_NAME, else by its app folder.
 */
export function tracingConfig(env: Env, entryFile?: string): TracingConfig {
  const serviceName = set(env.SERVICE_NAME) ?? appOf(entryFile) ?? 'enforcement-service';
  const zipkin = set(env.OTEL_EXPORTER_ZIPKIN_ENDPOINT);
  const otlp = set(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ?? set(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const chosen = set(env.OTEL_TRACES_EXPORTER)?.toLowerCase();
  if (chosen !== undefined && !(TRACE_EXPORTERS as string[]).includes(chosen)) {
    throw new Error(`OTEL_TRACES_EXPORTER must be one of ${TRACE_EXPORTERS.join(', ')} (got "${chosen}")`);
  }
  const exporter = (chosen as TraceExporterKind | undefined) ?? (zipkin ? 'zipkin' : otlp ? 'otlp' : 'none');
  if (exporter === 'zipkin') {
    if (!zipkin) throw new Error('OTEL_TRACES_EXPORTER=zipkin needs OTEL_EXPORTER_ZIPKIN_ENDPOINT (…/api/v2/spans)');
    return { exporter, endpoint: checkedUrl('OTEL_EXPORTER_ZIPKIN_ENDPOINT', zipkin), serviceName };
  }
  if (exporter === 'otlp') {
    const traces = set(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
    // The base endpoint gets the signal's path appended by the exporter's own rules, so only the traces one is passed.
    if (otlp) checkedUrl('OTEL_EXPORTER_OTLP_ENDPOINT', otlp);
    return {
      exporter,
      endpoint: traces ? checkedUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', traces) : undefined,
      serviceName,
    };
  }
  return { exporter: 'none', serviceName };
}

function checkedUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL`);
  return value;
}

/** `dist/apps/gateway/src/main.js` → `gateway`: the name when no variable gives one. */
function appOf(entryFile: string | undefined): string | undefined {
  if (!entryFile) return undefined;
  const src = dirname(entryFile);
  return basename(src) === 'src' ? basename(dirname(src)) : undefined;
}
