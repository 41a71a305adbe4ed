import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { ConfigurationError } from '../config/service-config';
import { fileOf, valueOrFile, type Setting } from './secret-files';
import type { KafkaSaslMechanism } from './transport.config';

/**
 * TLS and SASL options of the kafkajs client, from the validated environment (transport.config.ts). Node's TLS checks
 * the broker's certificate chain and host name (rejectUnauthorized stays true: there is no switch to turn it off).
 */
export function kafkaTransport(setting: Setting): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const transport: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (setting('KAFKA_TLS') === 'true') {
    const ca = fileOf(setting, 'KAFKA_TLS_CA_FILE');
    const cert = fileOf(setting, 'KAFKA_TLS_CERT_FILE');
    const key = fileOf(setting, 'KAFKA_TLS_KEY_FILE');
    transport.ssl = { rejectUnauthorized: true, ...(ca && { ca: [ca] }), ...(cert && key && { cert, key }) };
  }
  const mechanism = setting('KAFKA_SASL_MECHANISM') as KafkaSaslMechanism | undefined;
  if (mechanism) {
    const username = valueOrFile(setting, 'KAFKA_SASL_USERNAME');
    const password = valueOrFile(setting, 'KAFKA_SASL_PASSWORD');
    // Validation already demands both; this guards a caller that skipped it.
    if (!username || !password)
      throw new ConfigurationError('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required');
    transport.sasl = { mechanism, username, password } as SASLOptions;
  }
  return transport;
}
