import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { ServiceEnvironment, validateEnvironment } from '../config/service-config';
import { createKafka } from '../messaging/kafka.provider';
import { SaslSslBroker } from './testing/sasl-ssl-broker';

// Issue 12, in transit: our one kafkajs factory (createKafka + kafkaTransport) against a real broker whose only client
// listener is SASL_SSL. The broker is this spec's own (ports from the OS, files in a temp dir), never the stack's.
const root = join(__dirname, '../../../..');
const TOPIC = 'transit-check';
const users = {
  plain: { name: 'plainsvc', password: `plain-${randomUUID()}` },
  scram: { name: 'review-svc', password: `scram-${randomUUID()}` },
};
const base = {
  SERVICE_NAME: 'review-svc',
  PORT: '3001',
  DATABASE_URL: 'postgres://svc:pw@127.0.0.1:5432/enforcement',
  DATABASE_SCHEMA: 'review',
  JWT_PUBLIC_KEY_FILE: '/run/secrets/jwt-public.pem',
};

let dir: string;
let broker: SaslSslBroker;
/** Every line our clients logged (kafkajs through Nest's logger), kept to check that none carries a credential. */
const logged: string[] = [];
const keep = (message: unknown) => void logged.push(String(message));

/** Our client, built exactly as MessagingModule builds it: from the validated environment. */
function client(env: Record<string, string>): Kafka {
  const config = validateEnvironment(ServiceEnvironment, {})({ ...base, ...env }) as unknown as Record<string, string>;
  return createKafka(`transit-${randomUUID().slice(0, 8)}`, config.KAFKA_BROKERS, (name) => config[name]);
}

function scramEnv(): Record<string, string> {
  return {
    KAFKA_BROKERS: `127.0.0.1:${broker.port}`,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: broker.caFile,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: users.scram.name,
    KAFKA_SASL_PASSWORD_FILE: join(dir, 'scram-password'),
  };
}

function plainEnv(): Record<string, string> {
  return {
    KAFKA_BROKERS: `127.0.0.1:${broker.port}`,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: broker.caFile,
    KAFKA_SASL_MECHANISM: 'plain',
    KAFKA_SASL_USERNAME_FILE: join(dir, 'plain-user'),
    KAFKA_SASL_PASSWORD: users.plain.password,
  };
}

/** Why an admin connection was refused (after the client's own retries): each error of the chain as `name: message`. */
async function refusal(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (err) {
    const chain: string[] = [];
    for (let e = err as (Error & { cause?: unknown; originalError?: unknown }) | undefined; e;) {
      chain.push(`${e.name}: ${e.message}`);
      e = (e.cause ?? e.originalError) as typeof e | undefined;
    }
    return chain;
  } finally {
    await admin.disconnect();
  }
  throw new Error('the broker accepted the connection');
}

/** Produces one message and reads it back in a group of its own. */
async function roundTrip(kafka: Kafka, value: string): Promise<string> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: TOPIC, messages: [{ key: value, value }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `transit-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message ${value} within 60 s`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.value?.toString() === value) {
            clearTimeout(timer);
            resolve(value);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

beforeAll(async () => {
  Logger.overrideLogger({ log: keep, error: keep, warn: keep, debug: keep, verbose: keep, fatal: keep });
  dir = mkdtempSync(join(tmpdir(), 'kafka-transit-'));
  writeFileSync(join(dir, 'scram-password'), `${users.scram.password}\n`);
  writeFileSync(join(dir, 'plain-user'), users.plain.name);
  broker = new SaslSslBroker(dir, users);
  await broker.start(root);
  // Ready when our PLAIN client gets through TLS and SASL and the topic exists.
  await broker.ready(async () => {
    const admin = client(plainEnv()).admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  });
}, 240_000);

afterAll(async () => {
  Logger.overrideLogger(['log', 'error', 'warn']);
  await broker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('C1, C3: in transit to Kafka — TLS and SASL from configuration, against a real SASL_SSL broker', () => {
  it('C1, C3: SCRAM-SHA-512 over TLS, the password from a *_FILE secret: our client produces and consumes', async () => {
    const value = `scram-${randomUUID()}`;
    await expect(roundTrip(client(scramEnv()), value)).resolves.toBe(value);
  }, 90_000);

  it('C1, C3: PLAIN over TLS, the user from a *_FILE secret: our client produces and consumes', async () => {
    const value = `plain-${randomUUID()}`;
    await expect(roundTrip(client(plainEnv()), value)).resolves.toBe(value);
  }, 90_000);

  it.each([
    ['SCRAM-SHA-512', () => ({ ...scramEnv(), KAFKA_SASL_PASSWORD_FILE: join(dir, 'plain-user') })],
    ['PLAIN', () => ({ ...plainEnv(), KAFKA_SASL_PASSWORD: 'not-the-password' })],
  ])(
    'C1: a wrong %s password is refused by the broker as an authentication failure',
    async (_m, env) => {
      const chain = await refusal(client(env()));
      expect(chain.join('\n')).toMatch(/KafkaJSSASLAuthenticationError/);
    },
    60_000,
  );

  it('C1: a client without TLS gets nothing from the SASL_SSL listener', async () => {
    const { KAFKA_TLS: _on, KAFKA_TLS_CA_FILE: _ca, ...clear } = scramEnv();
    const chain = await refusal(client(clear));
    // The broker waits for a TLS handshake and drops what it gets instead: the connection closes, nothing is answered.
    expect(chain.join('\n')).toMatch(/KafkaJSConnectionClosedError/);
    expect(chain.join('\n')).not.toMatch(/KafkaJSSASLAuthenticationError/);
  }, 60_000);

  it('C1: a client that does not trust the broker’s CA refuses it (its certificate is checked)', async () => {
    const { KAFKA_TLS_CA_FILE: _ca, ...systemCas } = scramEnv();
    const chain = await refusal(client(systemCas));
    expect(chain.join('\n')).toMatch(/self[- ]signed certificate|unable to (get|verify)/i);
  }, 60_000);

  it('C1: the broker’s name is checked: its certificate names 127.0.0.1, so reaching it as localhost is refused', async () => {
    const chain = await refusal(client({ ...scramEnv(), KAFKA_BROKERS: `localhost:${broker.port}` }));
    expect(chain.join('\n')).toMatch(/Hostname\/IP does not match certificate's altnames/);
  }, 60_000);

  it('C3: of all the lines the clients above logged (failures included), none carries a password', () => {
    expect(logged.some((line) => /SASL (PLAIN|SCRAM) authentication failed/.test(line))).toBe(true);
    for (const secret of [users.plain.password, users.scram.password, 'not-the-password']) {
      expect(logged.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
