import { join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { TRUSTED_PROXIES_FORMAT } from '../http-limits/trusted-proxies';
import { PAYLOAD_KEYS_FORMAT } from '../temporal/payload-codec';
import { TRACE_EXPORTERS } from '../tracing/tracing.config';
import { TransportEnvironment } from '../transport/transport.config';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf, validateSync } from 'class-validator';

/**
 * The environment every service reads. Defaults are the local stack's (infra/local/stack); an agency overrides them
 * in its deployment (docker-compose.yml sets every variable named here; a test keeps the two in step). TLS and SASL to
 * Kafka and Temporal are declared in TransportEnvironment (libs/platform/src/transport).
 */
export class ServiceEnvironment extends TransportEnvironment {
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** postgres://user:password@host:port/database — the service's own role. */
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL!: string;

  /** The schema this service owns; every table it creates lives there. */
  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_SCHEMA!: string;

  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS: string = '127.0.0.1:19092';

  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS: string = '127.0.0.1:7233';

  @IsString()
  TEMPORAL_NAMESPACE: string = 'enforcement';

  /**
   * Keys of the Temporal payload codec (AES-256-GCM; workflow inputs and results never reach Temporal's history or
   * Web UI in clear): `id:base64(32 bytes)[,id:base64…]`, the first seals, every one opens (rotation). Required in
   * production; the local and test stacks generate one. Without it (development only) payloads are not encrypted.
   */
  @ValidateIf((o: ServiceEnvironment) => o.NODE_ENV === 'production' || o.TEMPORAL_PAYLOAD_KEYS !== undefined)
  @Matches(PAYLOAD_KEYS_FORMAT, { message: 'TEMPORAL_PAYLOAD_KEYS must be id:base64(32 bytes)[,id:base64(32 bytes)…]' })
  TEMPORAL_PAYLOAD_KEYS?: string;

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  /** Names the service in logs, Kafka client ids and database connections. */
  @IsString()
  SERVICE_NAME!: string;

  /**
   * Reverse proxies in front of the service (ingress controller, sign-in proxy): addresses, CIDR ranges or
   * `loopback`/`linklocal`/`uniquelocal`, comma-separated. Then the client address (rate limits, audit trail) is taken
   * from `X-Forwarded-For` past them; unset, it is the socket's.
   */
  @IsOptional()
  @Matches(TRUSTED_PROXIES_FORMAT, { message: 'TRUSTED_PROXIES must be addresses or CIDR ranges, comma-separated' })
  TRUSTED_PROXIES?: string;

  /** Address to listen on; 127.0.0.1 locally, 0.0.0.0 in a container. */
  @IsString()
  HOST: string = '127.0.0.1';

  /**
   * Prometheus metrics (`GET /metrics`) listen on a port of their own, never the API's: METRICS_PORT, default the API
   * port + 6000; METRICS_HOST 127.0.0.1 locally, the internal network's address in a deployment. The Temporal
   * worker's SDK exporter listens on loopback at METRICS_PORT + 50 and is merged into the same page.
   */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65485)
  METRICS_PORT?: number;

  @IsString()
  METRICS_HOST: string = '127.0.0.1';

  /** Token issuer every service trusts (`iss`). */
  @IsString()
  JWT_ISSUER: string = 'enforcement-local';

  /** PEM of the issuer's ES256 public key, inline … */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  /**
   * The agency's OpenID Connect provider (issue 11), off while blank: its access tokens are accepted beside the local
   * issuer's, the workbench signs people in there (code + PKCE). See libs/platform/src/auth/oidc.ts for each field.
   */
  @IsOptional() @IsString() OIDC_ISSUER?: string;
  @IsOptional() @IsString() OIDC_CLIENT_ID?: string;
  @IsOptional() @IsString() OIDC_SCOPE?: string;
  @IsOptional() @IsString() OIDC_AUDIENCE?: string;
  @IsOptional() @IsString() OIDC_JWKS_URI?: string;
  @IsOptional() @IsString() OIDC_ROLES_CLAIM?: string;
  @IsOptional() @IsString() OIDC_UNIT_CLAIM?: string;
  @IsOptional() @IsString() OIDC_NAME_CLAIM?: string;
  /** JSON object: the provider's role names → ours. */
  @IsOptional() @IsString() OIDC_ROLE_MAP?: string;

  /**
   * The agency (执法主体) this deployment serves: one agency per deployment, so its catalogue (L1) is the one
   * assessments and submissions use and the only one that may be published here. The default is the demo agency.
   */
  @IsOptional()
  @Matches(/^\S{1,80}$/, { message: 'AGENCY_ID must be 1–80 characters without spaces' })
  AGENCY_ID: string = 'demo-civil-affairs-bureau';

  /** Base URL of review-svc's read API (task inbox, statistics); only the gateway forwards to it. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  REVIEW_SVC_URL: string = 'http://127.0.0.1:3001';

  /** Base URL of recording-svc's read API (case timeline, integrity); only the gateway forwards to it. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  RECORDING_SVC_URL: string = 'http://127.0.0.1:3002';

  /** Base URL of disclosure-svc's read API (portal, drafts, accountability); only the gateway forwards to it. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  DISCLOSURE_SVC_URL: string = 'http://127.0.0.1:3003';

  /** Requests one client may make per minute on the open portal (D11); 429 with Retry-After beyond it. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100000)
  PORTAL_RATE_PER_MINUTE: number = 120;

  /** Requests one person (token subject; an address without a token) may make per minute on the gateway (issue 12). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1000000)
  GATEWAY_RATE_PER_MINUTE: number = 1200;

  /** Requests one client address may make per minute on the gateway, all its people together (an office's NAT). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10000000)
  GATEWAY_ADDRESS_RATE_PER_MINUTE: number = 12000;

  /**
   * Where the edge's rate limits count (issue 12): `memory` per instance (one host), `postgres` shared by every
   * instance of the gateway (several replicas behind one ingress; the Kubernetes overlay sets it).
   */
  @IsOptional()
  @IsIn(['memory', 'postgres'])
  RATE_LIMIT_STORE: 'memory' | 'postgres' = 'memory';

  /** The agency's display name on documents (the case file's cover, R10); defaults to AGENCY_ID. */
  @IsOptional()
  @IsString()
  AGENCY_NAME?: string;

  /** AV hand-over limit (R6): `24h` (seeds 000/003, the default) or `2wd` (2 working days, seeds 002/004). */
  @IsOptional()
  @Matches(/^(\d+h|\d+wd)$/, { message: 'AV_HANDOVER_LIMIT must look like 24h or 2wd' })
  AV_HANDOVER_LIMIT: string = '24h';

  /** Device footage export limit after the device's return (R11, 000 附件6 第十九条): `24h` (default) or `Nwd`. */
  @IsOptional()
  @Matches(/^(\d+h|\d+wd)$/, { message: 'DEVICE_EXPORT_LIMIT must look like 24h or 2wd' })
  DEVICE_EXPORT_LIMIT: string = '24h';

  /**
   * 定期核查 (R11, 000 附件6 第七条): the administrator checks each device at least every N calendar days (`30d`); the
   * seed says only 定期, so the default is ours. The register shows the next check's date and an overdue one.
   */
  @IsOptional()
  @Matches(/^([1-9]\d{0,2})d$/, { message: 'DEVICE_CHECK_INTERVAL must look like 30d (1–999 days)' })
  DEVICE_CHECK_INTERVAL: string = '30d';

  /**
   * The agency's user directory for R11's 1-per-5 body-camera rule (seed 000): a JSON file `{ "users": [{ id, name,
   * roles, unitId }] }` of everyone, exported from the identity provider, which lists no one itself. Unset on a local
   * or test stack: the demo users (infra/local/demo-users.json); unset in production: coverage answers 503.
   */
  @IsOptional()
  @IsString()
  USER_DIRECTORY_PATH?: string;

  /** Hours the right approver has to decide an application to read recordings (R8); the seeds set none, so 72. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(720)
  ACCESS_DECISION_HOURS: number = 72;

  /** Days an approved application lets its applicant read (R8). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  ACCESS_GRANT_DAYS: number = 7;

  /** A Chinese font for generated documents (exports R8, case-file cover R10, annual report D10), file … */
  @IsOptional()
  @IsString()
  DOCUMENT_FONT_PATH?: string;

  /** … and, for a collection (.ttc), the face to use. Unset: the usual Debian CJK fonts are searched. */
  @IsOptional()
  @IsString()
  DOCUMENT_FONT_FAMILY?: string;

  /** Where archive bundles (R10) are written; defaults to a folder beside the blob store. */
  @IsOptional()
  @IsString()
  ARCHIVE_DIR?: string;

  /** Ed25519 key (PKCS#8 PEM) that signs the integrity log's checkpoints (R7), inline … */
  @IsOptional()
  @IsString()
  INTEGRITY_SIGNING_KEY?: string;

  /** … or in a file (a mounted secret). Production needs one of the two; elsewhere a local key is generated. */
  @IsOptional()
  @IsString()
  INTEGRITY_SIGNING_KEY_FILE?: string;

  /**
   * Directory of the content-addressed blob store (file name = SHA-256 of the bytes); review-svc keeps the opinion
   * documents' PDFs there (SPEC L9). Defaults to `<cwd>/.local/blobs`.
   */
  @IsOptional()
  @IsString()
  BLOB_STORE_DIR: string = join(process.cwd(), '.local', 'blobs');

  /**
   * OpenTelemetry traces (issue 12, operations; libs/platform/src/tracing), read before Nest starts and checked again
   * here: `zipkin`, `otlp` or `none`. Unset, the exporter whose endpoint is set is used; no endpoint, tracing is off.
   */
  @IsOptional()
  @IsIn(TRACE_EXPORTERS)
  OTEL_TRACES_EXPORTER?: string;

  /** Zipkin's span API, `http://host:9411/api/v2/spans` (the local stacks run Zipkin and set it). */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OTEL_EXPORTER_ZIPKIN_ENDPOINT?: string;

  /** An OTLP/HTTP collector's base URL (`/v1/traces` is added) … */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** … or its traces URL as it is. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** … or in a file (a mounted secret). One of the two is required. */
  @ValidateIf((o: ServiceEnvironment) => !o.JWT_PUBLIC_KEY)
  @IsString({ message: 'set JWT_PUBLIC_KEY (PEM) or JWT_PUBLIC_KEY_FILE (path to a PEM file)' })
  JWT_PUBLIC_KEY_FILE?: string;
}

export class ConfigurationError extends Error {}

/** Validates the environment at start-up and fails with every problem listed, instead of failing later and vaguely. */
export function validateEnvironment<T extends object>(
  cls: new () => T,
  defaults: Partial<Record<keyof T, unknown>>,
): (env: Record<string, unknown>) => T {
  return (env) => {
    const merged: Record<string, unknown> = { ...defaults };
    for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v;
    const config = plainToInstance(cls, merged, { exposeDefaultValues: true });
    const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
    if (errors.length > 0) {
      const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
      throw new ConfigurationError(`invalid configuration:\n${lines.join('\n')}`);
    }
    return config;
  };
}
