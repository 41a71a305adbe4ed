import type { LimitRetimingActivities } from './limit-retiming.activities';
import type { ObjectionStoreActivities } from './objection-store.activities';
import type { PublicationCalendarActivities } from './publication-calendar.activities';
import type { PublicationStoreActivities } from './publication-store.activities';

/** Everything `publicationWorkflow` calls; the worker registers both factories' activities. */
export type PublicationActivities = PublicationCalendarActivities &
  PublicationStoreActivities &
  LimitRetimingActivities;

/** Everything `objectionWorkflow` calls. */
export type ObjectionActivities = PublicationCalendarActivities &
  ObjectionStoreActivities &
  LimitRetimingActivities &
  Pick<PublicationStoreActivities, 'publishDeadlineNotice'>;

export type {
  PublicationNoticeInput,
  PublishInput,
  RecordReviewStepInput,
  WithdrawInput,
} from './publication-store.activities';
