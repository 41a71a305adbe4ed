import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxTraceContext, dropOutboxTraceContext } from '@enforcement/platform';

/** Issue 12 (operations): each outbox row keeps the trace it was written in; the relay sends it to Kafka. */
export class OutboxTraceContext1767100000000 implements MigrationInterface {
  name = 'OutboxTraceContext1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await addOutboxTraceContext(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxTraceContext(q);
  }
}
