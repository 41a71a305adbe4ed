import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, ServiceEnvironment, validateEnvironment } from '../config/service-config';
import { loggableKafkaFields } from '../messaging/kafka.provider';
import { kafkaTransport } from './kafka-transport';
import { temporalTls } from './temporal-tls';

// What every service needs besides the transport settings, so each case below changes only what it is about.
const base = {
  SERVICE_NAME: 'review-svc',
  PORT: '3001',
  DATABASE_URL: 'postgres://svc:pw@127.0.0.1:5432/enforcement',
  DATABASE_SCHEMA: 'review',
  JWT_PUBLIC_KEY_FILE: '/run/secrets/jwt-public.pem',
};
const validate = validateEnvironment(ServiceEnvironment, {});
const settingOf = (env: object) => (name: string) => (env as Record<string, string | undefined>)[name];

function refusal(env: Record<string, string>): string {
  try {
    validate({ ...base, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('C1, C3: in transit — TLS and SASL settings are checked at start', () => {
  it('C1: unset, both stay in clear (the local and test stacks), and the clients get no TLS or SASL options', () => {
    const env = validate(base);
    expect(kafkaTransport(settingOf(env))).toEqual({});
    expect(temporalTls(settingOf(env))).toBeUndefined();
  });

  it.each([
    [
      'a client certificate without its key',
      { KAFKA_TLS: 'true', KAFKA_TLS_CERT_FILE: '/c.pem' },
      'KAFKA_TLS_KEY_FILE is required with KAFKA_TLS_CERT_FILE',
    ],
    [
      'a key without its certificate',
      { KAFKA_TLS: 'true', KAFKA_TLS_KEY_FILE: '/k.pem' },
      'KAFKA_TLS_CERT_FILE is required with KAFKA_TLS_KEY_FILE',
    ],
    [
      'a CA without TLS switched on',
      { KAFKA_TLS_CA_FILE: '/ca.pem' },
      'KAFKA_TLS_CA_FILE is set but KAFKA_TLS is not true',
    ],
    ['a switch that is not true or false', { KAFKA_TLS: 'yes' }, 'KAFKA_TLS must be true or false'],
    [
      'an unknown SASL mechanism',
      { KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      'KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512',
    ],
    [
      'a SASL user without a password',
      { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'review-svc' },
      'KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE) is required with KAFKA_SASL_MECHANISM',
    ],
    [
      'a SASL password without a user',
      { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD_FILE: '/pw' },
      'KAFKA_SASL_USERNAME (or KAFKA_SASL_USERNAME_FILE) is required with KAFKA_SASL_MECHANISM',
    ],
    [
      'credentials without a mechanism',
      { KAFKA_SASL_USERNAME: 'review-svc', KAFKA_SASL_PASSWORD: 'pw' },
      'KAFKA_SASL_MECHANISM is required when KAFKA_SASL_USERNAME is set',
    ],
    [
      'a password inline and in a file',
      {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'pw',
        KAFKA_SASL_PASSWORD_FILE: '/pw',
      },
      'set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both',
    ],
    [
      'PLAIN without TLS',
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'pw' },
      'KAFKA_SASL_MECHANISM plain sends the password in clear: set KAFKA_TLS=true',
    ],
    [
      'a Temporal client certificate without its key',
      { TEMPORAL_TLS: 'true', TEMPORAL_TLS_CERT_FILE: '/c.pem' },
      'TEMPORAL_TLS_KEY_FILE is required with TEMPORAL_TLS_CERT_FILE',
    ],
    [
      'a Temporal server name without TLS',
      { TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' },
      'TEMPORAL_TLS_SERVER_NAME is set but TEMPORAL_TLS is not true',
    ],
  ])('C1: %s refuses to start, naming the variable', (_what, env, message) => {
    expect(refusal(env)).toContain(message);
  });

  it('C3: a refusal never prints a secret value', () => {
    const message = refusal({ KAFKA_SASL_USERNAME: 'review-svc', KAFKA_SASL_PASSWORD: 'Sup3r-Secret-Pw' });
    expect(message).toContain('KAFKA_SASL_MECHANISM');
    expect(message).not.toContain('Sup3r-Secret-Pw');
  });

  it('C3: kafkajs log fields that could carry credentials are left out of the log line', () => {
    const fields = loggableKafkaFields({
      broker: 'kafka:9093',
      sasl: { mechanism: 'plain', username: 'u', password: 'pw' },
      password: 'pw',
      ssl: { key: 'PEM' },
      retryCount: 1,
    });
    expect(fields).toEqual({ broker: 'kafka:9093', retryCount: 1 });
  });

  describe('files of mounted secrets', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'transport-'));
      for (const name of ['ca.pem', 'client.pem', 'client-key.pem']) writeFileSync(join(dir, name), `PEM of ${name}`);
      writeFileSync(join(dir, 'password'), 'from-the-secret\n');
      writeFileSync(join(dir, 'user'), 'review-svc');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('C1, C3: Kafka TLS with a client certificate and SCRAM-SHA-512 credentials from *_FILE variables', () => {
      const env = validate({
        ...base,
        KAFKA_TLS: 'true',
        KAFKA_TLS_CA_FILE: join(dir, 'ca.pem'),
        KAFKA_TLS_CERT_FILE: join(dir, 'client.pem'),
        KAFKA_TLS_KEY_FILE: join(dir, 'client-key.pem'),
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME_FILE: join(dir, 'user'),
        KAFKA_SASL_PASSWORD_FILE: join(dir, 'password'),
      });
      const transport = kafkaTransport(settingOf(env));
      expect(transport.ssl).toEqual({
        rejectUnauthorized: true,
        ca: [Buffer.from('PEM of ca.pem')],
        cert: Buffer.from('PEM of client.pem'),
        key: Buffer.from('PEM of client-key.pem'),
      });
      // The file's trailing line break is not part of the password.
      expect(transport.sasl).toEqual({
        mechanism: 'scram-sha-512',
        username: 'review-svc',
        password: 'from-the-secret',
      });
    });

    it('C1: Temporal mTLS with a server name override, the same shape for clients and workers', () => {
      const env = validate({
        ...base,
        TEMPORAL_TLS: 'true',
        TEMPORAL_TLS_CA_FILE: join(dir, 'ca.pem'),
        TEMPORAL_TLS_CERT_FILE: join(dir, 'client.pem'),
        TEMPORAL_TLS_KEY_FILE: join(dir, 'client-key.pem'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend.internal',
      });
      expect(temporalTls(settingOf(env))).toEqual({
        serverRootCACertificate: Buffer.from('PEM of ca.pem'),
        clientCertPair: { crt: Buffer.from('PEM of client.pem'), key: Buffer.from('PEM of client-key.pem') },
        serverNameOverride: 'temporal-frontend.internal',
      });
    });

    it('C1: a file that cannot be read stops the start, naming the variable and the path', () => {
      const env = validate({ ...base, TEMPORAL_TLS: 'true', TEMPORAL_TLS_CA_FILE: join(dir, 'missing.pem') });
      expect(() => temporalTls(settingOf(env))).toThrow(
        new ConfigurationError(`TEMPORAL_TLS_CA_FILE: cannot read ${join(dir, 'missing.pem')} (ENOENT)`),
      );
    });
  });
});
