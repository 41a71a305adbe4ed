import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from '@temporalio/client';
import { workflowStartsInterceptor } from '../metrics/workflow-starts.interceptor';
import { tracingClientInterceptors } from '../tracing/tracing.temporal';
import { originClientInterceptor } from './origin.interceptors';
import { payloadDataConverter } from './payload-codec';
import { readDeadlineInterceptor } from './read-deadline.interceptor';
import { connectTemporalClient } from './temporal-connections';

export { TEMPORAL_CALL_ATTEMPTS } from './temporal-connections';

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
        const connection = await connectTemporalClient((name) => config.get<string>(name));
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
