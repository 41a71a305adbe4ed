import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TaskQueues, Topics } from '@enforcement/domain';
import { OutboxRelay, OutboxWriter, PlatformModule, TEMPORAL_ACTIVITIES } from '@enforcement/platform';
import { currentCalendar } from '@enforcement/workdays';
import type { DataSource } from 'typeorm';
import { createOpinionDocumentActivities } from './activities/opinion-document.activities';
import { createReviewCalendarActivities } from './activities/review-calendar.activities';
import { createReviewStoreActivities } from './activities/review-store.activities';
import { BlobStore } from './blobs/blob.store';
import { createCataloguePublicationActivities } from './catalogue/catalogue-publication.activities';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CaseDeadline } from './cases/case-deadline.entity';
import { CasesModule } from './cases/cases.module';
import { migrations } from './database/migrations';
import { MyTasksModule } from './my-tasks/my-tasks.module';
import { CaseEventsConsumer } from './messaging/case-events.consumer';
import { createOpinionRenderPool } from './opinions/opinion-document.render-pool';
import { OpinionDocumentsModule } from './opinions/opinion-documents.module';
import { createPreliminaryReviewActivities } from './preliminary-reviews/preliminary-review.activities';
import { PreliminaryReviewsModule } from './preliminary-reviews/preliminary-reviews.module';
import { ReviewsModule } from './reviews/reviews.module';
import { createDeadlineDigestActivities } from './supervision/deadline-digest.activities';
import { DeadlineFactsConsumer } from './supervision/deadline-facts.consumer';
import { StepFailuresConsumer } from './supervision/step-failures.consumer';
import { SupervisionModule } from './supervision/supervision.module';

// Opinion documents render in worker threads (OPINION_RENDER_THREADS), so a render never stalls this service.
const renderPool = createOpinionRenderPool();

@Module({
  imports: [
    PlatformModule.forService({
      service: 'review-svc',
      defaultPort: 3001,
      schema: 'review',
      database: { entities: [CaseDeadline], migrations },
      // C2: every service's deadline facts and failed steps feed the supervision board kept here, beside the legal
      // section's work.
      messaging: {
        topics: [Topics.case, Topics.deadline],
        handlers: [CaseEventsConsumer, DeadlineFactsConsumer, StepFailuresConsumer],
      },
      worker: {
        taskQueue: TaskQueues.review,
        workflowsPath: require.resolve('./workflows'),
        activities: {
          provide: TEMPORAL_ACTIVITIES,
          inject: [getDataSourceToken(), OutboxWriter, OutboxRelay],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter, relay: OutboxRelay) => ({
            // The service's calendar as CalendarSync keeps it current (W4); read only inside activities.
            ...createReviewCalendarActivities({ calendar: currentCalendar }),
            ...createReviewStoreActivities({ dataSource, outbox, relay }),
            ...createOpinionDocumentActivities({ dataSource, blobs: new BlobStore(), render: renderPool.render }),
            ...createPreliminaryReviewActivities({ dataSource }),
            ...createCataloguePublicationActivities({ dataSource }),
            ...createDeadlineDigestActivities({ dataSource }),
          }),
        },
      },
    }),
    ReviewsModule,
    OpinionDocumentsModule,
    CasesModule,
    PreliminaryReviewsModule,
    CatalogueModule,
    SupervisionModule,
    MyTasksModule,
  ],
})
export class AppModule implements OnApplicationShutdown {
  // The root module shuts down last, after the Temporal worker has drained, so no render in flight is cut off.
  async onApplicationShutdown(): Promise<void> {
    await renderPool.close();
  }
}
