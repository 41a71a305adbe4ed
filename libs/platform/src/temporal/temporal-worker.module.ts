import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { metricsPort } from '../metrics/metrics.module';
import { temporalExporterAddress } from '../metrics/metrics.server';
import { ORIGIN_WORKFLOW_INTERCEPTORS, originActivityInterceptors } from './origin.interceptors';
import { payloadDataConverter } from './payload-codec';
import { tracingWorkerOptions } from '../tracing/tracing.temporal';
import { connectTemporalWorker } from './temporal-connections';

export const TEMPORAL_WORKER_OPTIONS = Symbol('TEMPORAL_WORKER_OPTIONS');
export const TEMPORAL_ACTIVITIES = Symbol('TEMPORAL_ACTIVITIES');

export interface TemporalWorkerModuleOptions {
  taskQueue: string;
  /** Path of the workflows index (source in tests, compiled JS in production); the worker bundles it at start. */
  workflowsPath: string;
  /** Provider building the activities object from injected services (its token must be TEMPORAL_ACTIVITIES). */
  activities: Provider;
  /** Modules the activities provider needs (repositories, app services). */
  imports?: DynamicModule['imports'];
  /**
   * Further queues polled for activities only, for activities that must run where a resource is (e.g. the evidence
   * store this instance is configured with): a workflow sends them there with `proxyActivities({ taskQueue })`.
   */
  activityTaskQueues?: string[];
}

let runtimeInstalled = false;

/**
 * Runs the service's Temporal worker for the life of the Nest application: started after the app is wired, drained
 * on shutdown (in-flight activities finish, workflow tasks are handed back) before connections close.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private worker?: Worker;
  private activityWorkers: Worker[] = [];
  private connection?: NativeConnection;
  private running?: Promise<void>;
  private activitiesRunning: Promise<void>[] = [];

  constructor(
    private readonly config: ConfigService,
    @Inject(TEMPORAL_WORKER_OPTIONS) private readonly options: Omit<TemporalWorkerModuleOptions, 'activities'>,
    @Inject(TEMPORAL_ACTIVITIES) private readonly activities: WorkerOptions['activities'],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runtimeInstalled) {
      // Route the SDK core's logs through Nest's logger instead of its own stderr format.
      Runtime.install({
        logger: {
          log: (level, message, meta) => this.logger.log(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`),
          trace: () => undefined,
          debug: () => undefined,
          info: (message, meta) => this.logger.log(`${message} ${meta ? JSON.stringify(meta) : ''}`),
          warn: (message, meta) => this.logger.warn(`${message} ${meta ? JSON.stringify(meta) : ''}`),
          error: (message, meta) => this.logger.error(`${message} ${meta ? JSON.stringify(meta) : ''}`),
        },
        // The SDK's own figures (workflow completions, failures, task latencies), on loopback, merged into the
        // service's /metrics page by the metrics server (issue 12, operations).
        telemetryOptions: {
          metrics: { prometheus: { bindAddress: temporalExporterAddress(metricsPort(this.config)) } },
        },
      });
      runtimeInstalled = true;
    }
    // The same TLS / mTLS as the service's client (issue 12, in transit).
    this.connection = await connectTemporalWorker((name) => this.config.get<string>(name));
    const tracing = tracingWorkerOptions();
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.getOrThrow('TEMPORAL_NAMESPACE'),
      taskQueue: this.options.taskQueue,
      workflowsPath: this.options.workflowsPath,
      activities: this.activities,
      // Who and from where travels from the caller's headers to the activities' audit rows (C3); with tracing on,
      // workflow and activity spans continue the caller's trace (issue 12, operations).
      interceptors: {
        workflowModules: [...tracing.workflowModules, ORIGIN_WORKFLOW_INTERCEPTORS],
        activity: [...tracing.activity, originActivityInterceptors],
      },
      sinks: tracing.sinks,
      // The same codec as the clients: the worker opens what they sealed and seals what it records (issue 12).
      dataConverter: payloadDataConverter(this.config.get<string>('TEMPORAL_PAYLOAD_KEYS')),
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run().catch((err: Error) => {
      this.logger.error(`worker on ${this.options.taskQueue} stopped with an error: ${err.message}`);
      throw err;
    });
    this.logger.log(`worker running on task queue ${this.options.taskQueue}`);
    for (const taskQueue of this.options.activityTaskQueues ?? []) {
      const worker = await Worker.create({
        connection: this.connection,
        namespace: this.config.getOrThrow('TEMPORAL_NAMESPACE'),
        taskQueue,
        activities: this.activities,
        interceptors: { activity: [...tracing.activity, originActivityInterceptors] },
        dataConverter: payloadDataConverter(this.config.get<string>('TEMPORAL_PAYLOAD_KEYS')),
        shutdownGraceTime: '10s',
      });
      this.activityWorkers.push(worker);
      this.activitiesRunning.push(
        worker.run().catch((err: Error) => {
          this.logger.error(`activity worker on ${taskQueue} stopped with an error: ${err.message}`);
          throw err;
        }),
      );
      this.logger.log(`activity worker running on task queue ${taskQueue}`);
    }
    if (!this.config.get<string>('TEMPORAL_PAYLOAD_KEYS')) {
      this.logger.warn(
        'TEMPORAL_PAYLOAD_KEYS is not set: workflow payloads reach Temporal in clear (never in production)',
      );
    }
  }

  /** RUNNING while the worker polls its task queue; anything else means the service cannot do its work. */
  state(): string {
    const stopped = this.activityWorkers.find((w) => w.getState() !== 'RUNNING');
    return stopped ? stopped.getState() : (this.worker?.getState() ?? 'NOT_STARTED');
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const w of [...this.activityWorkers, this.worker]) if (w && w.getState() === 'RUNNING') w.shutdown();
    const running = [...this.activitiesRunning, ...(this.running ? [this.running] : [])];
    await Promise.all(running.map((r) => r.catch(() => undefined)));
    await this.connection?.close();
  }
}

@Module({})
export class TemporalWorkerModule {
  static forService(options: TemporalWorkerModuleOptions): DynamicModule {
    const { activities, imports, ...rest } = options;
    return {
      module: TemporalWorkerModule,
      // Global so /health can report the worker's state without every module importing this one.
      global: true,
      imports: imports ?? [],
      providers: [{ provide: TEMPORAL_WORKER_OPTIONS, useValue: rest }, activities, TemporalWorkerService],
      exports: [TemporalWorkerService],
    };
  }
}
