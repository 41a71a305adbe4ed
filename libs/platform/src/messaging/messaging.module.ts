import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CalendarSync } from '../calendar/calendar-sync';
import { EventConsumer, EVENT_CONSUMER_OPTIONS, EVENT_HANDLERS, type EventHandler } from './event-consumer';
import { createKafka, KAFKA } from './kafka.provider';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

export interface MessagingModuleOptions {
  /** Consumer group id; one per service. */
  groupId: string;
  topics: string[];
  /** Providers (classes) implementing EventHandler, resolved by Nest with their own dependencies. */
  handlers: (new (...args: never[]) => EventHandler)[];
}

/**
 * Kafka for one service: the client, the outbox writer and relay, the consumer with its handlers, and the calendar
 * sync that keeps the working-day calendar current (SPEC W4).
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    const providers: Provider[] = [
      {
        provide: KAFKA,
        inject: [ConfigService],
        useFactory: (config: ConfigService) =>
          createKafka(config.getOrThrow('SERVICE_NAME'), config.getOrThrow<string>('KAFKA_BROKERS'), (name) =>
            config.get<string>(name),
          ),
      },
      OutboxWriter,
      OutboxRelay,
      ...options.handlers,
      {
        provide: EVENT_HANDLERS,
        inject: options.handlers,
        useFactory: (...handlers: EventHandler[]) => handlers,
      },
      { provide: EVENT_CONSUMER_OPTIONS, useValue: { groupId: options.groupId, topics: options.topics } },
      EventConsumer,
      CalendarSync,
    ];
    return {
      module: MessagingModule,
      global: true,
      providers,
      exports: [KAFKA, OutboxWriter, OutboxRelay, EventConsumer, CalendarSync],
    };
  }
}
