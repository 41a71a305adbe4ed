import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { workflowStartsInterceptor } from '../metrics/workflow-starts.interceptor';
import { tracingClientInterceptors } from '../tracing/tracing.temporal';
import { originClientInterceptor } from './origin.interceptors';
import { payloadDataConverter } from './payload-codec';
import { readDeadlineInterceptor } from './read-deadline.interceptor';

/**
 * Attempts of one call to Temporal before it fails. The SDK's default (10, backing off to 5 s) keeps a request
 * waiting about 20 s when the server is down; 4 attempts give up within about a second, and the caller gets an
 * honest 503 with Retry-After (see errors/unavailable) to retry, instead of a 500 after 20 s (issue 12).
 */
export const TEMPORAL_CALL_ATTEMPTS = 4;

/** DI token for the Temporal client (starts workflows, sends updates/signals/queries). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

@Injectable()
class TemporalClientCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}
  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [ConfigService],
      useFactory: async (config: ConfigService) => {
        const connection = await Connection.connect({
          address: config.getOrThrow<string>('TEMPORAL_ADDRESS'),
          connectTimeout: '10s',
          interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: TEMPORAL_CALL_ATTEMPTS }))],
        });
        return new Client({
          connection,
          namespace: config.getOrThrow<string>('TEMPORAL_NAMESPACE'),
          // Starts, updates and signals carry the request's origin for the audit trail (C3); starts are counted;
          // queries and describes give up within seconds when a worker service is down (issue 12 faults); with
          // tracing on, each call is a span whose context travels in the Temporal headers (issue 12, operations).
          interceptors: {
            workflow: [
              ...tracingClientInterceptors(),
              originClientInterceptor,
              workflowStartsInterceptor,
              readDeadlineInterceptor(connection),
            ],
          },
          // Payloads leave encrypted: Temporal's history and Web UI hold no personal data in clear (issue 12).
          dataConverter: payloadDataConverter(config.get<string>('TEMPORAL_PAYLOAD_KEYS')),
        });
      },
    },
    TemporalClientCloser,
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalClientModule {}
