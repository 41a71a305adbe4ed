import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope } from '@enforcement/domain';
import { currentTraceHeaders } from '../tracing/tracing.messaging';
import { OutboxMessage } from './outbox.entity';

/**
 * Adds an event to the outbox inside the caller's transaction: the business change and its event commit together or
 * not at all (no dual write). The relay publishes it after commit. Writing the same event id twice is a no-op, so a
 * retried activity never doubles an event.
 */
@Injectable()
export class OutboxWriter {
  async append<T>(manager: EntityManager, contract: EventContract, envelope: EventEnvelope<T>): Promise<void> {
    if (envelope.type !== contract.type) {
      throw new Error(`envelope type ${envelope.type} does not match contract ${contract.type}`);
    }
    // Validate before storing: an invalid event must fail the producer's transaction, not every consumer.
    contract.data.parse(envelope.data);
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id: envelope.id,
        topic: contract.topic,
        key: envelope.subject,
        type: envelope.type,
        payload: envelope as never,
        // The writer's trace (an activity's, a request's): the relay continues it on Kafka.
        traceContext: currentTraceHeaders(),
      })
      .orIgnore()
      .execute();
  }
}
