import type { PublicationCalendarActivities } from './publication-calendar.activities';
import type { PublicationStoreActivities } from './publication-store.activities';

/** Everything `publicationWorkflow` calls; the worker registers both factories' activities. */
export type PublicationActivities = PublicationCalendarActivities & PublicationStoreActivities;

export type {
  PublicationNoticeInput,
  PublishInput,
  RecordReviewStepInput,
  WithdrawInput,
} from './publication-store.activities';
