import { runWithOrigin } from '../audit/origin';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  parseEvent,
  Topics,
  type ContractViolation,
  type EventContract,
  type EventEnvelope,
} from '@enforcement/domain';
import { inProcessSpan } from '../tracing/tracing.messaging';
import { KAFKA } from './kafka.provider';

/** Handles one kind of fact; `handle` runs inside the transaction that records the message in the inbox. */
export interface EventHandler {
  /** Stable name: the inbox key, so renaming it makes old messages look new. */
  readonly consumer: string;
  readonly types: readonly string[];
  handle(event: EventEnvelope, manager: EntityManager): Promise<void>;
  /**
   * Runs once the transaction that recorded a new message has committed (never for a redelivered one), for work that
   * must not hold the transaction — such as starting what the handler left pending in its tables. It must not throw
   * for a failure of that work: what it does must be recoverable from the committed rows (a sweeper), because the
   * message counts as handled from the commit on. An error it throws anyway is logged and does not redeliver.
   */
  afterCommit?(event: EventEnvelope): void;
}

/** A handler throws this when a message can never be handled (retrying cannot help): it goes to the dead letters. */
export class UnprocessableEventError extends Error {}

export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');
export const EVENT_CONSUMER_OPTIONS = Symbol('EVENT_CONSUMER_OPTIONS');

export interface EventConsumerOptions {
  groupId: string;
  topics: string[];
  /** Contracts this consumer accepts, by type; defaults to every contract in libs/domain. */
  contracts?: ReadonlyMap<string, EventContract>;
}

/**
 * The service's Kafka consumer group. Every message is validated against its contract; one that is malformed, of an
 * unknown type or unprocessable goes to the dead-letter topic with the reason, and consumption goes on. A valid
 * message is handled at most once per handler: its id enters the inbox in the same transaction as the handler's
 * writes, and a redelivered id is skipped. Transient failures (database down) are thrown, so Kafka redelivers.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_HANDLERS) private readonly handlers: EventHandler[],
    @Inject(EVENT_CONSUMER_OPTIONS) private readonly options: EventConsumerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.topics.length === 0) return;
    this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    // Each message is processed in a span continuing the trace its producer sent in the headers (issue 12).
    await this.consumer.run({
      eachMessage: (payload) =>
        inProcessSpan(
          {
            topic: payload.topic,
            partition: payload.partition,
            offset: payload.message.offset,
            groupId: this.options.groupId,
            headers: payload.message.headers,
          },
          () => this.onMessage(payload),
        ),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  isRunning(): boolean {
    return this.consumer !== undefined || this.options.topics.length === 0;
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const parsed = parseEvent(message.value, this.options.contracts);
    if (!parsed.ok) {
      await this.deadLetter(
        { topic, partition, offset: message.offset, key: message.key, value: message.value },
        parsed.violation,
      );
      return;
    }
    const event = parsed.event;
    for (const handler of this.handlers.filter((h) => h.types.includes(event.type))) {
      try {
        // What a handler changes is the system's doing on this event, under the correlation id of its cause (C3).
        const origin = { actor: `system:${handler.consumer}`, correlationId: event.correlationId };
        const handled = await runWithOrigin(origin, () =>
          this.dataSource.transaction(async (manager) => {
            const inserted: unknown[] = await manager.query(
              `insert into inbox (message_id, consumer, type) values ($1, $2, $3)
             on conflict do nothing returning message_id`,
              [event.id, handler.consumer, event.type],
            );
            if (inserted.length === 0) return false; // seen before: effects once
            await handler.handle(event, manager);
            return true;
          }),
        );
        if (handled) this.afterCommit(handler, event);
        // The case number and correlation id tie this line to the request and workflow that caused the event.
        this.logger.log(
          `${event.type} ${event.id} handled by ${handler.consumer} [case ${event.subject}] [correlation ${event.correlationId}]`,
        );
      } catch (err) {
        if (!(err instanceof UnprocessableEventError)) throw err;
        await this.deadLetter(
          { topic, partition, offset: message.offset, key: message.key, value: message.value },
          { reason: 'invalid-data', detail: `${handler.consumer}: ${err.message}` },
        );
      }
    }
  }

  private afterCommit(handler: EventHandler, event: EventEnvelope): void {
    try {
      handler.afterCommit?.(event);
    } catch (err) {
      this.logger.warn(`${handler.consumer}: after-commit step for ${event.id} failed: ${(err as Error).message}`);
    }
  }

  private async deadLetter(
    origin: { topic: string; partition: number; offset: string; key: Buffer | null; value: Buffer | null },
    violation: ContractViolation,
  ): Promise<void> {
    this.logger.warn(
      `dead-lettering ${origin.topic}[${origin.partition}]@${origin.offset}: ${violation.reason}: ${violation.detail}`,
    );
    await this.producer!.send({
      topic: Topics.deadLetter,
      acks: -1,
      messages: [
        {
          key: origin.key,
          value: origin.value,
          headers: {
            reason: violation.reason,
            detail: violation.detail.slice(0, 2000),
            'original-topic': origin.topic,
            'original-partition': String(origin.partition),
            'original-offset': origin.offset,
            'consumer-group': this.options.groupId,
          },
        },
      ],
    });
  }
}
