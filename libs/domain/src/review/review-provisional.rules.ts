/**
 * SPEC W7 on the review's events: a limit an event announces (the supplement window, the review limit after an
 * acceptance, a pause, a resumption or an extension) says whether it reaches into the calendar's provisional year.
 * Pure: the caller passes the calendar the reducer decided with (the workflow's snapshot), so a replay marks the
 * same events the same way.
 */
import type { ReviewEvent } from './review.events';
import type { WorkdayCalendarPort } from './review.types';

/** The limit an event announces, if any: `supplementDueBy` of the one-time notice, else its `deadline`. */
function announcedLimit(event: ReviewEvent): string | null {
  switch (event.type) {
    case 'review.materials-requested.v1':
      return event.payload.supplementDueBy;
    case 'review.accepted.v1':
    case 'review.paused.v1':
    case 'review.resumed.v1':
    case 'review.extended.v1':
      return event.payload.deadline;
    default:
      return null;
  }
}

/**
 * The events with `provisional` set on each announced limit: true when the period from the event to the limit
 * touches a provisional day. Events without a limit (or with `deadline: null`) pass unchanged, as do all events
 * when the calendar has no notion of a provisional year.
 */
export function markProvisionalLimits(
  events: readonly ReviewEvent[],
  calendar: Pick<WorkdayCalendarPort, 'touchesProvisional'>,
): ReviewEvent[] {
  return events.map((event) => {
    const limit = announcedLimit(event);
    if (limit === null || calendar.touchesProvisional === undefined) return event;
    const provisional = calendar.touchesProvisional(new Date(event.occurredAt), new Date(limit));
    return { ...event, payload: { ...event.payload, provisional } } as ReviewEvent;
  });
}
