import { Module } from '@nestjs/common';
import { ReviewCalendarRetimer } from './review-calendar.retimer';
import { ReviewReadRepository } from './review-read.repository';
import { ReviewsController } from './reviews.controller';

/** The legal review's read side: task inbox, review view and statistics, and re-timing on calendar changes. */
@Module({
  controllers: [ReviewsController],
  providers: [ReviewReadRepository, ReviewCalendarRetimer],
  exports: [ReviewReadRepository],
})
export class ReviewsModule {}
