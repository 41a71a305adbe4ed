import { Module } from '@nestjs/common';
import { TaskQueues, Topics } from '@enforcement/domain';
import { PlatformModule, TEMPORAL_ACTIVITIES } from '@enforcement/platform';
import { migrations } from './database/migrations';
import { CaseEventsConsumer } from './messaging/case-events.consumer';
import { PublicationObligation } from './publications/publication-obligation.entity';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'disclosure-svc',
      defaultPort: 3003,
      schema: 'disclosure',
      database: { entities: [PublicationObligation], migrations },
      messaging: { topics: [Topics.case], handlers: [CaseEventsConsumer] },
      worker: {
        taskQueue: TaskQueues.disclosure,
        workflowsPath: require.resolve('./workflows'),
        activities: { provide: TEMPORAL_ACTIVITIES, useValue: {} },
      },
    }),
  ],
})
export class AppModule {}
