import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TaskQueues, Topics } from '@enforcement/domain';
import {
  createStepFailureActivities,
  OutboxRelay,
  OutboxWriter,
  PlatformModule,
  TEMPORAL_ACTIVITIES,
  withStoreRefusals,
} from '@enforcement/platform';
import { currentCalendar } from '@enforcement/workdays';
import { AccountabilityModule } from './accountability/accountability.controller';
import { AnnualReportModule } from './annual-report/annual-report.controller';
import { createAnnualReportCalendarActivities } from './activities/annual-report-calendar.activities';
import { createAnnualReportStoreActivities } from './activities/annual-report-store.activities';
import { createLimitRetimingActivities } from './activities/limit-retiming.activities';
import { createObjectionStoreActivities } from './activities/objection-store.activities';
import { createPublicationCalendarActivities } from './activities/publication-calendar.activities';
import { createPublicationStoreActivities } from './activities/publication-store.activities';
import { migrations } from './database/migrations';
import { createExAnteStoreActivities } from './ex-ante/ex-ante-store.activities';
import { ExAnteModule } from './ex-ante/ex-ante.controller';
import { LawChangeModule } from './ex-ante/law-change.controller';
import { InboxModule } from './inbox/inbox.controller';
import { CaseEventsConsumer } from './messaging/case-events.consumer';
import { DecisionEventsConsumer } from './messaging/decision-events.consumer';
import { ResultEventsConsumer } from './messaging/result-events.consumer';
import { PortalModule } from './portal/portal.module';
import { PublicationObligation } from './publications/publication-obligation.entity';
import { PublicationStartsModule } from './publications/publication.starter';
import { DisclosureRetimingModule } from './retiming/disclosure-calendar.retimer';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'disclosure-svc',
      defaultPort: 3003,
      schema: 'disclosure',
      database: { entities: [PublicationObligation], migrations },
      messaging: {
        topics: [Topics.case],
        handlers: [CaseEventsConsumer, DecisionEventsConsumer, ResultEventsConsumer],
      },
      worker: {
        taskQueue: TaskQueues.disclosure,
        workflowsPath: require.resolve('./workflows'),
        activities: {
          provide: TEMPORAL_ACTIVITIES,
          inject: [getDataSourceToken(), OutboxWriter, OutboxRelay],
          // Issue 12: data the database refuses for good fails once (STORE.REFUSED); every other failure is retried
          // with backoff, logged and counted.
          useFactory: (dataSource: DataSource, outbox: OutboxWriter, relay: OutboxRelay) =>
            withStoreRefusals({
              // The service's calendar as CalendarSync keeps it current (W4); read only inside activities.
              ...createPublicationCalendarActivities({ calendar: currentCalendar }),
              ...createPublicationStoreActivities({ dataSource, outbox, relay }),
              ...createStepFailureActivities({ dataSource, outbox, relay, source: 'disclosure-svc' }),
              ...createObjectionStoreActivities({ dataSource, outbox, relay }),
              ...createExAnteStoreActivities({ dataSource, outbox, relay }),
              ...createLimitRetimingActivities({ dataSource }),
              ...createAnnualReportCalendarActivities({ calendar: currentCalendar }),
              ...createAnnualReportStoreActivities({ dataSource, outbox, relay }),
            }),
        },
      },
    }),
    PublicationStartsModule,
    PortalModule,
    AccountabilityModule,
    ExAnteModule,
    InboxModule,
    DisclosureRetimingModule,
    AnnualReportModule,
    LawChangeModule,
  ],
})
export class AppModule {}
