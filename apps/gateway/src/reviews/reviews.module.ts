import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CaseOwnership } from './case-ownership';
import { PreliminaryReviews } from './preliminary-reviews';
import { ReviewCommandsController } from './review-commands.controller';
import { ReviewCaseRecords } from './review-case-records';
import { ReviewReadApi } from './review-read.api';
import { ReviewRounds } from './review-rounds';
import { ReviewStoreCheck } from './review-store.check';
import { ReviewSubmissionService } from './review-submission.service';
import { ReviewWorkflowClient } from './review-workflow.client';
import { ReviewsController } from './reviews.controller';

/** The legal review of major decisions at the edge (SPEC L): commands to review-svc's workflow, reads from its API. */
@Module({
  imports: [CatalogueModule],
  // ReviewsController first: its `tasks` and `statistics` routes must match before `:caseNo`.
  controllers: [ReviewsController, ReviewCommandsController],
  providers: [
    ReviewWorkflowClient,
    ReviewSubmissionService,
    ReviewReadApi,
    CaseOwnership,
    PreliminaryReviews,
    ReviewCaseRecords,
    ReviewRounds,
    ReviewStoreCheck,
  ],
})
export class ReviewsModule {}
