import { Module } from '@nestjs/common';
import { ReviewCalendarRetimer } from './review-calendar.retimer';
import { ReviewReadRepository } from './review-read.repository';
import { ReviewSeatsController } from './review-seats.controller';
import { ReviewsController } from './reviews.controller';

/**
 * The legal review's read side: task inbox, review view, statistics, the seats held in a case's reviews (C1), and
 * re-timing on calendar changes.
 */
@Module({
  controllers: [ReviewsController, ReviewSeatsController],
  providers: [ReviewReadRepository, ReviewCalendarRetimer],
  exports: [ReviewReadRepository],
})
export class ReviewsModule {}
