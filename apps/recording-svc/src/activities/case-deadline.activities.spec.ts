import {
  createCaseDeadlineActivities,
  handOverDueAt,
  parseAvHandOverLimit,
  parseHandOverLimit,
} from './case-deadline.activities';

// Only the pure computation is exercised here; storage and outbox run in the e2e tests on the real stack.
const activities = (limit: string) =>
  createCaseDeadlineActivities({
    dataSource: null as never,
    outbox: null as never,
    relay: null as never,
    avHandOver: parseAvHandOverLimit(limit),
  });

describe('AV hand-over limit', () => {
  it('R6: 24 hours after the action by default (seeds 000/003)', async () => {
    expect(parseAvHandOverLimit(undefined)).toEqual({ hours: 24 });
    expect(await activities('24h').avHandOverDeadline({ actionEndedAt: '2026-03-06T09:30:00.000Z' })).toEqual({
      dueAt: '2026-03-07T09:30:00.000Z',
    });
  });

  it('R6: 2 working days (seed 004) end at midnight Beijing time of the second working day, skipping the weekend', async () => {
    // Friday 6 March 2026 (bundled calendar): Monday 9th and Tuesday 10th are the two working days.
    expect(await activities('2wd').avHandOverDeadline({ actionEndedAt: '2026-03-06T09:30:00.000Z' })).toEqual({
      dueAt: '2026-03-10T16:00:00.000Z',
    });
  });

  it('R6: a malformed AV_HANDOVER_LIMIT stops the service at start', () => {
    expect(() => parseAvHandOverLimit('2 days')).toThrow(/AV_HANDOVER_LIMIT/);
    expect(parseAvHandOverLimit('48h')).toEqual({ hours: 48 });
  });
});

describe('device export limit (R11)', () => {
  it('R11: DEVICE_EXPORT_LIMIT is 24 hours after the return by default, and a malformed value names the setting', () => {
    expect(handOverDueAt(parseHandOverLimit('DEVICE_EXPORT_LIMIT', undefined), '2026-03-06T09:30:00.000Z')).toBe(
      '2026-03-07T09:30:00.000Z',
    );
    expect(() => parseHandOverLimit('DEVICE_EXPORT_LIMIT', 'tomorrow')).toThrow(/DEVICE_EXPORT_LIMIT/);
  });
});
