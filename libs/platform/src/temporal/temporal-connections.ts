import {
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type ConnectionOptions,
} from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Setting } from '../transport/secret-files';
import { temporalTls } from '../transport/temporal-tls';

/**
 * Attempts of one call to Temporal before it fails. The SDK's default (10, backing off to 5 s) keeps a request
 * waiting about 20 s when the server is down; 4 attempts give up within about a second, and the caller gets an
 * honest 503 with Retry-After (see errors/unavailable) to retry, instead of a 500 after 20 s (issue 12).
 */
export const TEMPORAL_CALL_ATTEMPTS = 4;

/**
 * The one place a service connects to Temporal: the client's Connection and the workers' NativeConnection, both with
 * the TLS / mTLS of the environment (issue 12, in transit; libs/platform/src/transport), clear when it sets none.
 */
export function connectTemporalClient(setting: Setting): Promise<Connection> {
  return Connection.connect(temporalClientOptions(setting));
}

/** The client connection's options (exported for a test to see why a handshake failed: connect only says it timed out). */
export function temporalClientOptions(setting: Setting): ConnectionOptions {
  return {
    address: required(setting, 'TEMPORAL_ADDRESS'),
    tls: temporalTls(setting),
    connectTimeout: '10s',
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: TEMPORAL_CALL_ATTEMPTS }))],
  };
}

export function connectTemporalWorker(setting: Setting): Promise<NativeConnection> {
  return NativeConnection.connect({ address: required(setting, 'TEMPORAL_ADDRESS'), tls: temporalTls(setting) });
}

function required(setting: Setting, name: string): string {
  const value = setting(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
