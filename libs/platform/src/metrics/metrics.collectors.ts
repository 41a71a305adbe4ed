import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Admin, Kafka } from 'kafkajs';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { KAFKA } from '../messaging/kafka.provider';
import { serviceMetrics } from './metrics.registry';

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');
export interface MetricsOptions {
  service: string;
  /** The service's consumer group and the topics it reads (consumer lag). */
  groupId: string;
  topics: string[];
  /** Whether the process runs a Temporal worker, whose SDK exporter the endpoint merges. */
  worker: boolean;
}

/**
 * Gauges read when Prometheus scrapes, from the places that hold the truth — the outbox table and Kafka's committed
 * offsets — so they cannot drift from what happened: facts not yet relayed, deadline facts emitted (C2), and how far
 * this service's consumer group is behind each topic. A source that does not answer leaves its gauge without a
 * value for that scrape (and logs once) rather than failing the whole scrape.
 */
@Injectable()
export class MetricsCollectors implements OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private admin?: Promise<Admin>;
  private readonly complained = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(METRICS_OPTIONS) private readonly consumer: MetricsOptions,
  ) {
    const registry = serviceMetrics().registry;
    // collect() runs with the gauge as `this`; these arrows keep the collectors' own state at hand.
    const read = <T>(source: string, fn: () => Promise<T>) => this.read(source, fn);
    const query = <T>(sql: string) => this.db.query<T>(sql);
    const consumerLag = () => this.consumerLag();
    new Gauge({
      name: 'enforcement_outbox_backlog',
      help: 'Facts written to the outbox and not yet published to Kafka',
      registers: [registry],
      async collect() {
        const rows = await read('outbox', () =>
          query<{ n: string }[]>(`select count(*) as n from outbox where published_at is null`),
        );
        if (rows) this.set(Number(rows[0].n));
      },
    });
    new Gauge({
      name: 'enforcement_deadline_facts',
      help: 'Deadline facts this service has emitted, by event (started, warning, missed, met) and limit (C2)',
      labelNames: ['event', 'limit'],
      registers: [registry],
      async collect() {
        const rows = await read('deadlines', () =>
          query<{ type: string; lim: string | null; n: string }[]>(
            `select type, payload #>> '{data,limit}' as lim, count(*) as n from outbox
              where type like 'deadline.%' group by 1, 2`,
          ),
        );
        if (!rows) return;
        this.reset();
        for (const r of rows) this.set({ event: r.type.split('.')[1], limit: r.lim ?? 'unknown' }, Number(r.n));
      },
    });
    new Gauge({
      name: 'enforcement_consumer_lag',
      help: "Messages on each topic not yet consumed by this service's consumer group",
      labelNames: ['topic'],
      registers: [registry],
      async collect() {
        const lag = await read('kafka', consumerLag);
        if (!lag) return;
        this.reset();
        for (const [topic, n] of Object.entries(lag)) this.set({ topic }, n);
      },
    });
  }

  private async consumerLag(): Promise<Record<string, number>> {
    if (this.consumer.topics.length === 0) return {};
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    const admin = await this.admin.catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    const committed = await admin.fetchOffsets({ groupId: this.consumer.groupId, topics: this.consumer.topics });
    const out: Record<string, number> = {};
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      out[topic] = ends.reduce((sum, end) => {
        const at = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        // -1: the group has committed nothing on that partition yet — everything there is still to be read.
        const from = at < 0 ? Number(end.low) : at;
        return sum + Math.max(0, Number(end.high) - from);
      }, 0);
    }
    return out;
  }

  private async read<T>(source: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await fn();
      this.complained.delete(source);
      return value;
    } catch (error) {
      if (!this.complained.has(source)) this.logger.warn(`metrics: ${source} unreadable: ${(error as Error).message}`);
      this.complained.add(source);
      return undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.admin?.catch(() => undefined))?.disconnect();
  }
}
