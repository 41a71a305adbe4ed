import { Module } from '@nestjs/common';
import { TaskQueues, Topics } from '@enforcement/domain';
import { PlatformModule, TEMPORAL_ACTIVITIES } from '@enforcement/platform';
import { CaseDeadline } from './cases/case-deadline.entity';
import { migrations } from './database/migrations';
import { CaseEventsConsumer } from './messaging/case-events.consumer';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'review-svc',
      defaultPort: 3001,
      schema: 'review',
      database: { entities: [CaseDeadline], migrations },
      messaging: { topics: [Topics.case], handlers: [CaseEventsConsumer] },
      worker: {
        taskQueue: TaskQueues.review,
        workflowsPath: require.resolve('./workflows'),
        activities: { provide: TEMPORAL_ACTIVITIES, useValue: {} },
      },
    }),
  ],
})
export class AppModule {}
