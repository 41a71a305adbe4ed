import type { ReviewCalendarActivities } from './review-calendar.activities';
import type { ReviewStoreActivities } from './review-store.activities';

/** Everything `reviewWorkflow` calls; the worker registers both factories' activities. */
export type ReviewActivities = ReviewCalendarActivities & ReviewStoreActivities;

export type { CalendarSnapshot, ComputedDeadlines, ComputedLimit } from './review-calendar.activities';
export type { DeadlineNoticeInput, SaveReviewChangeInput } from './review-store.activities';
