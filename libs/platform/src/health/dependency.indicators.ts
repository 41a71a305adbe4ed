import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client, Connection } from '@temporalio/client';
import type { Admin, Kafka } from 'kafkajs';
import { KAFKA } from '../messaging/kafka.provider';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { TemporalWorkerService } from '../temporal/temporal-worker.module';

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Kafka is up when the cluster answers a metadata request and names a controller. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin?: Admin;
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'kafka') {
    const indicator = this.health.check(key);
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin();
        await withTimeout(this.admin.connect(), 3000, 'Kafka');
      }
      const cluster = await withTimeout(this.admin.describeCluster(), 3000, 'Kafka');
      return indicator.up({ brokers: cluster.brokers.length, controller: cluster.controller });
    } catch (err) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return indicator.down({ message: (err as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}

/** Temporal is up when its frontend answers the gRPC health check; a service's worker must also be polling. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly health: HealthIndicatorService,
    @Optional() private readonly worker?: TemporalWorkerService,
  ) {}

  async check(key = 'temporal') {
    const indicator = this.health.check(key);
    try {
      // The client was built from a full Connection (TemporalClientModule), which has the gRPC health service.
      const connection = this.client.connection as Connection;
      const res = await withTimeout(connection.healthService.check({}), 3000, 'Temporal');
      const serving = Number(res.status) === 1; // grpc.health.v1 SERVING
      const workerState = this.worker?.state();
      if (!serving) return indicator.down({ message: `frontend status ${res.status}` });
      if (workerState !== undefined && workerState !== 'RUNNING') {
        return indicator.down({ message: `worker is ${workerState}`, worker: workerState });
      }
      return indicator.up(workerState ? { worker: workerState } : {});
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
