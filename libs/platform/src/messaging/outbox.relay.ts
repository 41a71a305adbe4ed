import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import { startSendSpans, type TraceHeaders } from '../tracing/tracing.messaging';
import { KAFKA } from './kafka.provider';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  payload: { correlationId?: string };
  trace_context: TraceHeaders | null;
}

/** One relay per service schema sends at a time (a session-level advisory lock), so events leave in `seq` order. */
const LEADER_LOCK = `pg_try_advisory_lock(hashtext('outbox-relay'), hashtext(current_schema()))`;
const LEADER_UNLOCK = `pg_advisory_unlock(hashtext('outbox-relay'), hashtext(current_schema()))`;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published. No transaction and no row lock
 * is open while Kafka is called (kafkajs may retry a send for up to 30 s): the relay holding the schema's advisory
 * lock reads a batch, sends it, then stamps `published_at` with the real time of the stamp. Other instances wait
 * for the lock, which PostgreSQL frees when the holder's connection ends. A crash between send and stamp re-sends
 * the batch: delivery is at-least-once, in order, and consumers dedupe by event id (inbox).
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
  /** How often an instance that is not the relay asks for the lock again. */
  private readonly standbyMs = 1000;
  /** The connection holding the advisory lock; every query of the relay runs on it. */
  private leader?: QueryRunner;

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
    await this.resign();
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

  /** Holds the schema's relay lock on a connection of its own; false while another instance holds it. */
  private async lead(): Promise<QueryRunner | undefined> {
    if (this.leader) return this.leader;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`select ${LEADER_LOCK} as locked`)) as { locked: boolean }[];
      if (locked) return (this.leader = runner);
    } catch (err) {
      await runner.release().catch(() => undefined);
      throw err;
    }
    await runner.release();
    return undefined;
  }

  /** Gives the lock up (shutdown, or a broken connection, whose lock PostgreSQL has freed already). */
  private async resign(): Promise<void> {
    const runner = this.leader;
    this.leader = undefined;
    if (!runner) return;
    await runner.query(`select ${LEADER_UNLOCK}`).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /** Reads a batch, sends it, stamps it; returns how many rows went out (0 when another instance is the relay). */
  async publishBatch(): Promise<number> {
    const producer = this.producer;
    if (!producer) return 0;
    const runner = await this.lead();
    if (!runner) {
      await this.pause(this.standbyMs);
      return 0;
    }
    try {
      const rows: OutboxRow[] = await runner.query(
        `select id, topic, key, type, payload, trace_context from outbox where published_at is null order by seq limit $1`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      // One PRODUCER span per row, in the trace that wrote it; its context goes out as the message's headers.
      const sends = startSendSpans(
        rows.map((r) => ({ topic: r.topic, key: r.key, type: r.type, eventId: r.id, traceContext: r.trace_context })),
      );
      const byTopic = new Map<string, { row: OutboxRow; trace: TraceHeaders }[]>();
      rows.forEach((row, i) =>
        byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), { row, trace: sends.headers[i] }]),
      );
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({
            topic,
            messages: list.map(({ row, trace }) => ({
              key: row.key,
              value: JSON.stringify(row.payload),
              headers: { ...trace, type: row.type, 'correlation-id': row.payload.correlationId ?? '' },
            })),
          })),
        });
        sends.end();
      } catch (err) {
        sends.end(err);
        throw err;
      }
      // clock_timestamp(): when the send was acknowledged, not when some transaction began.
      await runner.query(`update outbox set published_at = clock_timestamp() where id = any($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    } catch (err) {
      // A broken connection has lost the lock with it; take it again (or wait for whoever did) on the next round.
      await runner.query('select 1').catch(() => this.resign());
      throw err;
    }
  }
}
