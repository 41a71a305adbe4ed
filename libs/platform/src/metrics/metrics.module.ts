import {
  Injectable,
  Logger,
  Module,
  Inject,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Server } from 'node:http';
import { METRICS_OPTIONS, MetricsCollectors, type MetricsOptions } from './metrics.collectors';
import { serviceMetrics } from './metrics.registry';
import { startMetricsServer, temporalExporterAddress } from './metrics.server';

/** The port metrics are served on: METRICS_PORT, or the API port + 6000 (3000 → 9000 locally, 3100 → 9100 in tests). */
export function metricsPort(config: ConfigService): number {
  return config.get<number>('METRICS_PORT') ?? config.getOrThrow<number>('PORT') + 6000;
}

@Injectable()
class MetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  constructor(
    private readonly config: ConfigService,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = metricsPort(this.config);
    const host = this.config.getOrThrow<string>('METRICS_HOST');
    this.server = await startMetricsServer(serviceMetrics(this.options.service), {
      host,
      port,
      temporalExporter: this.options.worker ? temporalExporterAddress(port) : undefined,
    });
    new Logger('Metrics').log(`Prometheus metrics on http://${host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

/**
 * Prometheus metrics for one service (issue 12, operations): scrape-time gauges and the endpoint; the HTTP edge is
 * measured by the middleware configureApp installs, workflow starts by the Temporal client's interceptor.
 */
@Module({})
export class MetricsModule {
  static forService(options: MetricsOptions): DynamicModule {
    // Name the process's registry now, before a middleware or interceptor asks for it.
    serviceMetrics(options.service);
    return {
      module: MetricsModule,
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, MetricsCollectors, MetricsEndpoint],
    };
  }
}
