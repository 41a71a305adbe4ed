import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar } from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';
import { plannedAlarms, runningLimits } from './review-alarms.rules';
import { reviewCalendarPort } from './review-calendar.port';
import { markProvisionalLimits } from './review-provisional.rules';
import type { ReviewEvent } from './review.events';
import { DEFAULT_REVIEW_POLICY } from './review.policy';
import { Flow, completeMaterials, preliminaryReview, reviewer, submitCommand } from './testing/review.fixtures';

/*
 * W7 in the review's pure rules. The years are fixed here on purpose (no clock is read): published data through
 * 2030 (test-only after the bundled years) makes 2031 the provisional year.
 */
const published = WorkdayCalendar.fromYears([...BUNDLED_YEAR_ARRANGEMENTS, ...hypotheticalYearsThrough(2030)]);
const env = { calendar: reviewCalendarPort(published), policy: DEFAULT_REVIEW_POLICY };
const bj = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const submitted = (overrides = {}) =>
  submitCommand({
    preliminaryReview: preliminaryReview(bj('2030-12-01 09:00')),
    caseHandlingDeadline: bj('2031-06-30 00:00').toISOString(),
    ...overrides,
  });

describe('provisional limits (SPEC W7)', () => {
  it('W7: a review limit reaching into the provisional year is provisional, and so are its notices', () => {
    expect(published.provisionalYear).toBe(2031);
    const state = new Flow(env)
      .do(submitted(), bj('2030-12-30 10:00'))
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2030-12-30 11:00')).current;
    const limits = runningLimits(state, env);
    expect(limits.review?.provisional).toBe(true);
    expect(plannedAlarms(state, limits, new Set()).map((alarm) => alarm.provisional)).toEqual([true, true]);
  });

  it('W7: a limit ending by 24:00 on 31 December of a published year is not provisional', () => {
    const state = new Flow(env)
      .do(submitted(), bj('2030-12-02 10:00'))
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2030-12-02 11:00')).current;
    expect(runningLimits(state, env).review).toMatchObject({ provisional: false });
  });

  it('W7: the supplement window of a late-December notice is provisional', () => {
    const incomplete = completeMaterials().filter((material) => material.item !== 'case-source');
    const state = new Flow(env)
      .do(submitted({ materials: incomplete }), bj('2030-12-27 10:00'))
      .do(
        { type: 'notifyMissingMaterials', actor: reviewer, missing: ['case-source'] },
        bj('2030-12-27 11:00'),
      ).current;
    expect(runningLimits(state, env).supplement).toMatchObject({ provisional: true });
  });

  it('W7: events announcing a limit say whether it is provisional; others and ports without a provisional year are left as they are', () => {
    const flow = new Flow(env)
      .do(submitted(), bj('2030-12-30 10:00'))
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2030-12-30 11:00'));
    const events: ReviewEvent[] = [...flow.events];
    const marked = markProvisionalLimits(events, env.calendar);
    const accepted = marked.find((event) => event.type === 'review.accepted.v1');
    expect(accepted?.payload).toMatchObject({ provisional: true });
    const submittedEvent = marked.find((event) => event.type === 'review.submitted.v1');
    expect(submittedEvent?.payload).not.toHaveProperty('provisional');
    expect(markProvisionalLimits(events, {})).toEqual(events);
  });
});
