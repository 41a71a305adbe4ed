import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';

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
        });
        return new Client({ connection, namespace: config.getOrThrow<string>('TEMPORAL_NAMESPACE') });
      },
    },
    TemporalClientCloser,
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalClientModule {}
