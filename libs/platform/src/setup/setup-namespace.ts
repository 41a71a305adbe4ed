// The one-off Temporal set-up step: `node dist/libs/platform/src/setup/setup-namespace.js` in the services' image
// (infra/k8s). It reads TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the TEMPORAL_TLS* variables of the services (README
// "Configuration") and connects through their factory, connectTemporalClient.
import 'reflect-metadata';
import { connectTemporalClient } from '../temporal/temporal-connections';
import { failSetup, setupSettings } from './setup.config';
import { ensureNamespace } from './temporal-namespace';

async function main(): Promise<void> {
  const setting = setupSettings();
  const namespace = setting('TEMPORAL_NAMESPACE')!;
  const connection = await connectTemporalClient(setting);
  try {
    const { registered, searchAttributesAdded } = await ensureNamespace(connection, namespace);
    const added = searchAttributesAdded.length > 0 ? searchAttributesAdded.join(', ') : 'none';
    process.stdout.write(
      `namespace ${namespace} ready (${registered ? 'registered' : 'existed'}; search attributes added: ${added})\n`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((err) => failSetup('setup-namespace', err));
