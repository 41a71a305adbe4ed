import type { TLSConfig } from '@temporalio/client';
import { fileOf, type Setting } from './secret-files';

/**
 * TLS of every Temporal connection (the clients' Connection and the workers' NativeConnection take the same shape),
 * from the validated environment (transport.config.ts); undefined keeps the connection in clear (local stacks).
 */
export function temporalTls(setting: Setting): TLSConfig | undefined {
  if (setting('TEMPORAL_TLS') !== 'true') return undefined;
  const ca = fileOf(setting, 'TEMPORAL_TLS_CA_FILE');
  const crt = fileOf(setting, 'TEMPORAL_TLS_CERT_FILE');
  const key = fileOf(setting, 'TEMPORAL_TLS_KEY_FILE');
  const serverName = setting('TEMPORAL_TLS_SERVER_NAME');
  return {
    ...(ca && { serverRootCACertificate: ca }),
    ...(crt && key && { clientCertPair: { crt, key } }),
    ...(serverName && { serverNameOverride: serverName }),
  };
}
