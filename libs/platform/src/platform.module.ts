import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditTrailController } from './audit/audit-trail.controller';
import { OriginInterceptor } from './audit/origin.interceptor';
import { AuthGuard } from './auth/auth.guard';
import { ServiceEnvironment, validateEnvironment } from './config/service-config';
import { databaseModule, type DatabaseModuleOptions } from './database/database.module';
import { HealthModule } from './health/health.module';
import { loggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { MessagingModule, type MessagingModuleOptions } from './messaging/messaging.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TemporalWorkerModule, type TemporalWorkerModuleOptions } from './temporal/temporal-worker.module';
import { TracingShutdown } from './tracing/tracing.http';

export interface PlatformOptions {
  /** `review-svc`, `gateway`, … */
  service: string;
  defaultPort: number;
  /** The PostgreSQL schema the service owns. */
  schema: string;
  database: DatabaseModuleOptions;
  messaging: Omit<MessagingModuleOptions, 'groupId'>;
  /** Absent for the gateway, which is only a Temporal client. */
  worker?: TemporalWorkerModuleOptions;
}

/**
 * Everything a service of ours stands on, wired the same way in all four: validated configuration, structured logs,
 * its PostgreSQL schema (migrated beforehand by the migrate step), Kafka with outbox and inbox, Temporal client (and worker),
 * `/health`, and the deny-by-default role guard.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const validate = validateEnvironment(ServiceEnvironment, {
      SERVICE_NAME: options.service,
      PORT: options.defaultPort,
      DATABASE_SCHEMA: options.schema,
    });
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate }),
        loggingModule(options.service),
        databaseModule(options.database),
        MessagingModule.forService({ ...options.messaging, groupId: options.service }),
        TemporalClientModule,
        ...(options.worker ? [TemporalWorkerModule.forService(options.worker)] : []),
        HealthModule.forService(),
        MetricsModule.forService({
          service: options.service,
          groupId: options.service,
          topics: options.messaging.topics,
          worker: options.worker !== undefined,
        }),
      ],
      // Each service serves its own audit trail; the gateway serves the merged one (apps/gateway/src/audit).
      controllers: options.worker ? [AuditTrailController] : [],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // Every handler runs inside its origin, so audit rows and Temporal calls say who and from where (C3).
        { provide: APP_INTERCEPTOR, useClass: OriginInterceptor },
        TracingShutdown,
      ],
    };
  }
}
