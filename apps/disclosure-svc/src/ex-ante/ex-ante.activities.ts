import type { PublicationCalendarActivities } from '../activities/publication-calendar.activities';
import type { ExAnteStoreActivities } from './ex-ante-store.activities';

/** Everything `exAnteItemWorkflow` calls: the publication calendar's limits and the ex-ante store. */
export type ExAnteActivities = Pick<PublicationCalendarActivities, 'computePublicationLimit'> & ExAnteStoreActivities;
