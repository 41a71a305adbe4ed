import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event waiting to be (or already) published; written in the same transaction as the change it reports. */
@Entity({ name: 'outbox' })
export class OutboxMessage {
  /** The event id (envelope `id`); Kafka consumers dedupe on it. */
  @PrimaryColumn('uuid')
  id!: string;

  /** Insertion order; the relay publishes by it so a case's events leave in the order they were written. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('text')
  topic!: string;

  /** The Kafka key: the case number, so one case's events keep their order. */
  @Column('text')
  key!: string;

  @Column('text')
  type!: string;

  /** The whole envelope, exactly as it will be published. */
  @Column('jsonb')
  payload!: Record<string, unknown>;

  /**
   * W3C trace context (`traceparent`, `tracestate`) of the code that wrote the row; the relay sends it as Kafka headers
   * so the consumer continues the same trace (issue 12). Null when tracing is off.
   */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext!: Record<string, string> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
