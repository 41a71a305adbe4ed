import { z } from 'zod';
import { validateYearArrangement, type YearArrangement } from '@enforcement/workdays';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/**
 * 节假日安排 — a year's holiday arrangement (or a local correction of one) was published by the agency (SPEC W4).
 * Keyed `calendar:<year>` on a compacted topic, so the topic always holds the latest arrangement of every year and a
 * starting service reads them all.
 */
export const calendarYearPublishedV1 = defineEvent({
  type: 'calendar.year-published.v1',
  topic: Topics.calendar,
  data: z.object({
    /** The year the arrangement covers. */
    year: z.number().int().min(2000).max(2100),
    /** Counts the publications of this year: 1 for the first, +1 for each correction. */
    revision: z.number().int().min(1),
    /** The arrangement itself, validated by the calendar's own rules (dates in the year, no day both off and on…). */
    arrangement: z.custom<YearArrangement>((value) => validateYearArrangement(value).ok, {
      message: 'not a valid year arrangement',
    }),
    /** Who published it (user id), for the audit trail. */
    publishedBy: z.string().min(1),
  }),
});
export type CalendarYearPublishedV1 = z.infer<typeof calendarYearPublishedV1.data>;

export function calendarSubject(year: number): string {
  return `calendar:${year}`;
}
