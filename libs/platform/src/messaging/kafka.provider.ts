import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { kafkaTransport } from '../transport/kafka-transport';
import type { Setting } from '../transport/secret-files';

/** DI token for the service's single KafkaJS client. */
export const KAFKA = Symbol('KAFKA');

const levels: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** Fields of a kafkajs log entry that may hold credentials or key material; never written to the log. */
const UNLOGGED = new Set(['sasl', 'ssl', 'password', 'username', 'key', 'cert', 'ca']);

/** A kafkajs log entry's fields as our log line carries them, credentials left out. */
export function loggableKafkaFields(extra: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extra).filter(([k]) => !UNLOGGED.has(k)));
}

/**
 * The service's one kafkajs client. `setting` reads the validated environment: TLS and SASL when configured
 * (libs/platform/src/transport, issue 12 in transit); with them unset, clear as on the local stacks.
 */
export function createKafka(clientId: string, brokers: string, setting: Setting): Kafka {
  const logger = new Logger('kafka');
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    ...kafkaTransport(setting),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[levels[level] ?? 'log'](`${message} ${JSON.stringify(loggableKafkaFields(extra))}`);
      },
  });
}
