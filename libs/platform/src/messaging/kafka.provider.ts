import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

/** DI token for the service's single KafkaJS client. */
export const KAFKA = Symbol('KAFKA');

const levels: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

export function createKafka(clientId: string, brokers: string): Kafka {
  const logger = new Logger('kafka');
  return new Kafka({
    clientId,
    brokers: brokers.split(','),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[levels[level] ?? 'log'](`${message} ${JSON.stringify(extra)}`);
      },
  });
}
