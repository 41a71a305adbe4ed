import { Matches } from 'class-validator';
import { ConfigurationError, validateEnvironment } from '../config/service-config';
import type { Setting } from '../transport/secret-files';
import { transportHint } from '../transport/transport-errors';
import { TransportEnvironment } from '../transport/transport.config';

/**
 * What the one-off set-up steps read (topics, the Temporal namespace): the addresses, and the same TLS/SASL variables
 * as the services (TransportEnvironment), so they reach the same servers the same way — an agency's brokers with only
 * a SASL_SSL listener, a Temporal frontend requiring client certificates (issue 12, in transit).
 */
export class SetupEnvironment extends TransportEnvironment {
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS: string = '127.0.0.1:19092';

  @Matches(/^[^\s:]+:\d+$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS: string = '127.0.0.1:7233';

  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'TEMPORAL_NAMESPACE must be a namespace name' })
  TEMPORAL_NAMESPACE: string = 'enforcement';
}

/** The validated environment as a Setting (what createKafka and the Temporal factories read). */
export function setupSettings(env: Record<string, unknown> = process.env): Setting {
  const config = validateEnvironment(SetupEnvironment, {})(env) as unknown as Record<string, unknown>;
  return (name) => {
    const value = config[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
}

/** Ends a set-up step: one line saying what went wrong (the variable to look at, when it is ours), exit code 1. */
export function failSetup(step: string, err: unknown): never {
  const message = err instanceof ConfigurationError ? err.message : transportHint(err);
  process.stderr.write(`${step} failed: ${message}\n`);
  process.exit(1);
}
