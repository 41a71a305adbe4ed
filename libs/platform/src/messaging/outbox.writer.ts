import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope } from '@enforcement/domain';
import { currentTraceHeaders } from '../tracing/tracing.messaging';
import { OutboxMessage } from './outbox.entity';

/** An outbox row's columns, validated: for a caller that writes the row within a statement of its own. */
export interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly type: string;
  readonly payload: EventEnvelope<unknown>;
  readonly traceContext: Record<string, string> | null;
}

/**
 * Adds an event to the outbox inside the caller's transaction: the business change and its event commit together or
 * not at all (no dual write). The relay publishes it after commit. Writing the same event id twice is a no-op, so a
 * retried activity never doubles an event.
 */
@Injectable()
export class OutboxWriter {
  async append<T>(manager: EntityManager, contract: EventContract, envelope: EventEnvelope<T>): Promise<void> {
    const row = this.row(contract, envelope);
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ ...row, payload: row.payload as never })
      .orIgnore()
      .execute();
  }

  /**
   * The row `append` would insert, checked the same way. Whoever inserts it must do so in the transaction of the
   * change it reports, `on conflict do nothing` (the same event id twice is one event).
   */
  row<T>(contract: EventContract, envelope: EventEnvelope<T>): OutboxRow {
    if (envelope.type !== contract.type) {
      throw new Error(`envelope type ${envelope.type} does not match contract ${contract.type}`);
    }
    // Validate before storing: an invalid event must fail the producer's transaction, not every consumer.
    contract.data.parse(envelope.data);
    return {
      id: envelope.id,
      topic: contract.topic,
      key: envelope.subject,
      type: envelope.type,
      payload: envelope,
      // The writer's trace (an activity's, a request's): the relay continues it on Kafka.
      traceContext: currentTraceHeaders(),
    };
  }
}
