import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { KAFKA } from './kafka.provider';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  payload: { correlationId?: string };
}

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published. Rows are locked with SKIP LOCKED,
 * so several instances of a service can relay side by side. A crash between send and mark re-sends the batch: delivery
 * is at-least-once and consumers dedupe by event id (inbox).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private producer?: Producer;
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly batchSize = 200;
  private readonly idleMs = 100;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await this.producer.connect();
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect();
  }

  /** Tells the relay there is new work now instead of at its next poll (same process, after a commit). */
  kick(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let published = 0;
      try {
        published = await this.publishBatch();
        failures = 0;
      } catch (err) {
        failures += 1;
        this.logger.warn(`outbox relay: publish failed (attempt ${failures}), will retry: ${(err as Error).message}`);
      }
      if (published < this.batchSize)
        await this.pause(failures > 0 ? Math.min(5000, 200 * 2 ** failures) : this.idleMs);
    }
  }

  /** Waits `ms`, or less if `kick()` is called meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** One transaction: lock a batch, send it, mark it; returns how many rows went out. */
  async publishBatch(): Promise<number> {
    const producer = this.producer;
    if (!producer) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `select id, topic, key, type, payload from outbox where published_at is null
         order by seq limit $1 for update skip locked`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((row) => ({
            key: row.key,
            value: JSON.stringify(row.payload),
            headers: { type: row.type, 'correlation-id': row.payload.correlationId ?? '' },
          })),
        })),
      });
      await manager.query(`update outbox set published_at = now() where id = any($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
