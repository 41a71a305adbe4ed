import type { OpinionDocumentActivities } from './opinion-document.activities';
import type { ReviewCalendarActivities } from './review-calendar.activities';
import type { ReviewStoreActivities } from './review-store.activities';

/** Everything `reviewWorkflow` calls; the worker registers every factory's activities. */
export type ReviewActivities = ReviewCalendarActivities & ReviewStoreActivities & OpinionDocumentActivities;

export type { IssuedOpinionCopy, IssuedOpinionDocument } from './opinion-document.activities';
export type { CalendarSnapshot, ComputedDeadlines, ComputedLimit } from './review-calendar.activities';
export type { CommitReviewChangeInput, DeadlineNoticeInput, SaveReviewChangeInput } from './review-store.activities';
