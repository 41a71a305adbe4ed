import { isLateSubmission } from './review-clock.rules';
import { decide } from './review.machine';
import { DEFAULT_REVIEW_POLICY } from './review.policy';
import type { WorkdayCalendarPort } from './review.types';
import {
  Flow,
  bj,
  calendarPort,
  completeMaterials,
  endOf,
  env,
  officer,
  reviewer,
  submitCommand,
} from './testing/review.fixtures';

/**
 * The shipped calendar cut off after 2025: any answer that needs a 2026 day fails the way the calendar does for a
 * year without data (W3). Built here rather than with fewer years, so a provisional next year (W7) cannot cover it.
 */
const through2025: WorkdayCalendarPort = (() => {
  const full = calendarPort();
  const guard = (day: string): string => {
    if (day > '2025-12-31')
      throw Object.assign(new Error('2026 not covered'), { code: 'WORKDAYS.CALENDAR_NOT_COVERED' });
    return day;
  };
  return {
    ...full,
    isWorkday: (day) => full.isWorkday(guard(day)),
    addWorkdays: (day, n) => guard(full.addWorkdays(guard(day), n)),
    countWorkdays: (from, to) => full.countWorkdays(guard(from), guard(to)),
  };
})();

describe('supplement (SPEC L5)', () => {
  /** The transcript is on file but the reviewer names it deficient in the one-time notice. */
  function noticeNamingFiledTranscript(): Flow {
    return new Flow()
      .do(
        submitCommand({ materials: completeMaterials().filter((m) => m.item !== 'procedure-records') }),
        bj('2025-03-03 09:00'),
      )
      .do(
        { type: 'notifyMissingMaterials', actor: reviewer, missing: ['on-site-transcript', 'procedure-records'] },
        bj('2025-03-03 10:00'),
      );
  }

  it('L5: 补充材料后仍不齐备的，不予受理 — an item named deficient stays missing until a new document replaces it', () => {
    const flow = noticeNamingFiledTranscript().do(
      { type: 'supplement', actor: officer, materials: [{ item: 'procedure-records', documentRef: 'sha256:p2' }] },
      bj('2025-03-04 10:00'),
    );
    expect(flow.current.status).toBe('not-accepted');
    expect(flow.current.notAccepted).toMatchObject({ reason: 'still-incomplete', missing: ['on-site-transcript'] });
  });

  it('L5: 补充材料后仍不齐备的，不予受理 — a supplement that brings a new document for every named item completes the materials', () => {
    const flow = noticeNamingFiledTranscript().do(
      {
        type: 'supplement',
        actor: officer,
        materials: [
          { item: 'on-site-transcript', documentRef: 'sha256:t2' },
          { item: 'procedure-records', documentRef: 'sha256:p2' },
        ],
      },
      bj('2025-03-04 10:00'),
    );
    expect(flow.current.status).toBe('submitted');
    flow.do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-04 11:00'));
    expect(flow.current.status).toBe('under-review');
  });
});

describe('submission timing (SPEC L3)', () => {
  it('L3: 执法期限届满10个工作日前 — a handling deadline in a year the calendar does not cover is far away, not refused and not late', () => {
    const result = decide(
      null,
      submitCommand({ caseHandlingDeadline: endOf('2026-06-30').toISOString() }),
      bj('2025-11-03 09:00'),
      { calendar: through2025, policy: DEFAULT_REVIEW_POLICY },
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.state.submission.late).toBe(false);
  });

  it('L3: 执法期限届满10个工作日前 — lateness is proved in the covered years and never guessed beyond them', () => {
    const late = (submitted: string, deadline: string) =>
      isLateSubmission(bj(submitted), endOf(deadline), through2025, 10);
    // Deadline covered and too close: proved late.
    expect(late('2025-12-22 09:00', '2025-12-31')).toBe(true);
    // Deadline uncovered, but 10 working days fit before it inside 2025: on time.
    expect(late('2025-12-01 09:00', '2026-01-20')).toBe(false);
    // Deadline uncovered and the 10th working day out of reach: nothing proves lateness, so not flagged.
    expect(late('2025-12-29 09:00', '2026-01-08')).toBe(false);
    // Same answers as before on a fully covered span.
    expect(isLateSubmission(bj('2025-03-03 09:00'), endOf('2025-03-17'), env().calendar, 10)).toBe(false);
    expect(isLateSubmission(bj('2025-03-03 09:00'), endOf('2025-03-14'), env().calendar, 10)).toBe(true);
  });
});
