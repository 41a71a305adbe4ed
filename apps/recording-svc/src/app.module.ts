import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TaskQueues } from '@enforcement/domain';
import { OutboxRelay, OutboxWriter, PlatformModule, TEMPORAL_ACTIVITIES } from '@enforcement/platform';
import type { DataSource } from 'typeorm';
import { createCaseActivities } from './activities/case.activities';
import { CaseRecord } from './cases/case.entity';
import { migrations } from './database/migrations';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'recording-svc',
      defaultPort: 3002,
      schema: 'recording',
      database: { entities: [CaseRecord], migrations },
      messaging: { topics: [], handlers: [] },
      worker: {
        taskQueue: TaskQueues.recording,
        workflowsPath: require.resolve('./workflows'),
        activities: {
          provide: TEMPORAL_ACTIVITIES,
          inject: [getDataSourceToken(), OutboxWriter, OutboxRelay],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter, relay: OutboxRelay) => ({
            ...createCaseActivities({ dataSource, outbox, relay }),
          }),
        },
      },
    }),
  ],
})
export class AppModule {}
