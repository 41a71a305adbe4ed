import { bundledCalendar } from '@enforcement/workdays';
import fc from 'fast-check';
import {
  isLateSubmission,
  lastCivilDay,
  pausedWorkdays,
  reviewDeadline,
  reviewPeriodWorkdays,
  supplementDeadline,
  warningAt,
  workdaysLeft,
  type PauseInterval,
  type ReviewClockInput,
} from './review-clock.rules';
import { bj, calendar, endOf } from './testing/review.fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function clock(receivedAt: Date, extra: Partial<ReviewClockInput> = {}): ReviewClockInput {
  return { completeMaterialsReceivedAt: receivedAt, urgent: false, extensionApproved: false, pauses: [], ...extra };
}

function pause(start: string, end: string | null): PauseInterval {
  return { start: bj(start), end: end === null ? null : bj(end) };
}

describe('review time limit (L6)', () => {
  it('L6: 3 working days run from the day after the complete materials arrive and end at 24:00 Beijing time', () => {
    // Monday 2025-03-03 → Tue, Wed, Thu.
    expect(reviewDeadline(clock(bj('2025-03-03 10:00')), calendar)).toEqual(endOf('2025-03-06'));
    expect(endOf('2025-03-06').toISOString()).toBe('2025-03-06T16:00:00.000Z');
  });

  it('L6: materials arriving late on Friday evening or on a Saturday start counting on Monday', () => {
    expect(reviewDeadline(clock(bj('2025-03-07 23:30')), calendar)).toEqual(endOf('2025-03-12'));
    expect(reviewDeadline(clock(bj('2025-03-08 11:00')), calendar)).toEqual(endOf('2025-03-12'));
  });

  it('L6: an urgent review gets 1 working day', () => {
    expect(reviewDeadline(clock(bj('2025-03-07 10:00'), { urgent: true }), calendar)).toEqual(endOf('2025-03-10'));
  });

  it('L6: the approved extension adds 2 working days', () => {
    expect(reviewDeadline(clock(bj('2025-03-03 10:00'), { extensionApproved: true }), calendar)).toEqual(
      endOf('2025-03-10'),
    );
    expect(reviewDeadline(clock(bj('2025-03-07 10:00'), { urgent: true, extensionApproved: true }), calendar)).toEqual(
      endOf('2025-03-12'),
    );
  });

  it('L6: a limit set by law replaces the 3 or 1 working days (法律、法规和规章另有规定的，从其规定)', () => {
    const input = clock(bj('2025-03-03 10:00'), { urgent: true, statutoryReviewWorkdays: 5 });
    expect(reviewPeriodWorkdays(input)).toBe(5);
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-10'));
  });

  it('L6: the limit skips the Labour Day holiday (2025-05-01 … 05-05)', () => {
    expect(reviewDeadline(clock(bj('2025-04-30 09:00')), calendar)).toEqual(endOf('2025-05-08'));
  });

  it('L6: a make-up Saturday (2025-10-11 调休上班) is a working day of the period', () => {
    expect(reviewDeadline(clock(bj('2025-10-09 09:00')), calendar)).toEqual(endOf('2025-10-13'));
  });

  it('L6: the receipt day never counts, even when it is a make-up working Sunday (2025-09-28)', () => {
    expect(reviewDeadline(clock(bj('2025-09-28 10:00')), calendar)).toEqual(endOf('2025-10-09'));
  });

  it('L6: a non-positive period is a programming error, not a deadline', () => {
    expect(() => reviewPeriodWorkdays(clock(bj('2025-03-03 10:00'), { statutoryReviewWorkdays: 0 }))).toThrow(
      RangeError,
    );
  });
});

describe('excluded time (L7)', () => {
  const monday = bj('2025-03-03 09:00');

  it('L7: a pause during part of one working day moves the deadline by one working day', () => {
    const input = clock(monday, { pauses: [pause('2025-03-04 10:00', '2025-03-04 15:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-07'));
  });

  it('L7: overlapping consultation and verification on the same day count that day once', () => {
    const input = clock(monday, {
      pauses: [pause('2025-03-04 10:00', '2025-03-04 12:00'), pause('2025-03-04 11:00', '2025-03-04 15:00')],
    });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-07'));
  });

  it('L7: a verification nested inside an expert consultation adds nothing beyond the outer pause', () => {
    const outer = pause('2025-03-04 09:00', '2025-03-06 17:00');
    const inner = pause('2025-03-05 10:00', '2025-03-05 11:00');
    // Tue, Wed, Thu paused → the period is Fri, Mon, Tue.
    expect(reviewDeadline(clock(monday, { pauses: [outer, inner] }), calendar)).toEqual(endOf('2025-03-11'));
    expect(reviewDeadline(clock(monday, { pauses: [outer] }), calendar)).toEqual(endOf('2025-03-11'));
  });

  it('L7: a pause spanning a weekend costs only the working days it touches (Friday and Monday)', () => {
    const thursday = bj('2025-03-06 09:00');
    expect(reviewDeadline(clock(thursday), calendar)).toEqual(endOf('2025-03-11'));
    const input = clock(thursday, { pauses: [pause('2025-03-07 16:00', '2025-03-10 09:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-13'));
  });

  it('L7: a pause lying wholly on a weekend moves nothing', () => {
    const input = clock(monday, { pauses: [pause('2025-03-08 10:00', '2025-03-09 18:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-06'));
  });

  it('L7: a pause starting on a public holiday counts from the first working day it reaches', () => {
    const receivedMonday = bj('2025-09-29 09:00');
    expect(reviewDeadline(clock(receivedMonday), calendar)).toEqual(endOf('2025-10-10'));
    // 10-03 … 10-08 are holidays; only 10-09 is a paused working day. 10-11 is a make-up Saturday.
    const input = clock(receivedMonday, { pauses: [pause('2025-10-03 10:00', '2025-10-09 11:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-10-11'));
    expect(pausedWorkdays(input.pauses, calendar)).toEqual(['2025-10-09']);
  });

  it('L7: a pause on a make-up Saturday counts, because that Saturday is a working day', () => {
    const input = clock(bj('2025-10-09 09:00'), { pauses: [pause('2025-10-11 09:00', '2025-10-11 12:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-10-14'));
  });

  it('L7: a pause ending exactly at midnight does not touch the next day; one millisecond later it does', () => {
    const untilMidnight: PauseInterval = { start: bj('2025-03-04 15:00'), end: endOf('2025-03-04') };
    expect(reviewDeadline(clock(monday, { pauses: [untilMidnight] }), calendar)).toEqual(endOf('2025-03-07'));
    const pastMidnight: PauseInterval = {
      start: bj('2025-03-04 15:00'),
      end: new Date(endOf('2025-03-04').getTime() + 1),
    };
    expect(reviewDeadline(clock(monday, { pauses: [pastMidnight] }), calendar)).toEqual(endOf('2025-03-10'));
  });

  it('L7: an empty pause (resumed at the instant it started) moves nothing', () => {
    const input = clock(monday, { pauses: [pause('2025-03-04 10:00', '2025-03-04 10:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-06'));
  });

  it('L7: a pause on the receipt day moves nothing, because that day is not part of the period (original 不计算在内)', () => {
    const input = clock(monday, { pauses: [pause('2025-03-03 10:00', '2025-03-03 16:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-06'));
  });

  it('L7: a pause begun after the limit ran out does not revive an overdue review', () => {
    const input = clock(monday, { pauses: [pause('2025-03-10 10:00', '2025-03-11 10:00')] });
    expect(reviewDeadline(input, calendar)).toEqual(endOf('2025-03-06'));
  });

  it('L7: while a pause is open the deadline is unknown (null), unless it had already run out', () => {
    expect(reviewDeadline(clock(monday, { pauses: [pause('2025-03-05 10:00', null)] }), calendar)).toBeNull();
    expect(reviewDeadline(clock(monday, { pauses: [pause('2025-03-10 10:00', null)] }), calendar)).toEqual(
      endOf('2025-03-06'),
    );
  });

  it('L7: pausedWorkdays lists distinct paused working days and counts an open pause up to `asOf`', () => {
    const pauses = [pause('2025-03-04 10:00', '2025-03-04 12:00'), pause('2025-03-04 11:00', null)];
    expect(pausedWorkdays(pauses, calendar, bj('2025-03-10 09:00'))).toEqual([
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-10',
    ]);
    expect(() => pausedWorkdays(pauses, calendar)).toThrow(RangeError);
  });

  // Days of 2025 and early 2026, all covered by the shipped calendar.
  const dayIndex = fc.integer({ min: 0, max: 360 });
  const dateOf = (index: number): string =>
    calendar.civilDate(new Date(bj('2025-01-01 12:00').getTime() + index * DAY));
  const startOfDay = (date: string): number => endOf(date).getTime() - DAY;

  it('L7: property — for pauses inside the period the deadline moves by the number of distinct working days they touch', () => {
    fc.assert(
      fc.property(
        dayIndex,
        fc.integer({ min: 0, max: DAY - 1 }),
        fc.constantFrom(1, 3, 5),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
          maxLength: 5,
        }),
        (index, timeOfDay, period, fractions) => {
          const receiptDay = dateOf(index);
          const receivedAt = new Date(startOfDay(receiptDay) + timeOfDay);
          const baseDay = calendar.addWorkdays(receiptDay, period);
          const windowStart = endOf(receiptDay).getTime();
          const windowEnd = endOf(baseDay).getTime();
          const pauses: PauseInterval[] = fractions.map(([a, b]) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            return {
              start: new Date(Math.round(windowStart + lo * (windowEnd - windowStart))),
              end: new Date(Math.round(windowStart + hi * (windowEnd - windowStart))),
            };
          });
          // Independent oracle: a working day is paused when some pause overlaps its [00:00, 24:00).
          let touched = 0;
          for (let day = calendar.addWorkdays(receiptDay, 1); day <= baseDay; day = calendar.addWorkdays(day, 1)) {
            const from = startOfDay(day);
            const to = endOf(day).getTime();
            if (pauses.some((p) => p.start.getTime() < to && p.end!.getTime() > from)) touched += 1;
          }
          const deadline = reviewDeadline(
            {
              completeMaterialsReceivedAt: receivedAt,
              urgent: false,
              extensionApproved: false,
              pauses,
              statutoryReviewWorkdays: period,
            },
            calendar,
          );
          expect(deadline).toEqual(endOf(calendar.addWorkdays(receiptDay, period + touched)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('L7: property — the deadline is the end of the N-th working day after receipt that no pause touches, and adding a pause never brings it earlier', () => {
    const pauseArb = fc.record({
      startOffset: fc.integer({ min: -2 * DAY, max: 25 * DAY }),
      length: fc.integer({ min: 0, max: 6 * DAY }),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(
        dayIndex,
        fc.constantFrom(1, 3, 5),
        fc.array(pauseArb, { maxLength: 4 }),
        pauseArb,
        (index, period, raw, extra) => {
          const receiptDay = dateOf(index);
          const receivedAt = new Date(startOfDay(receiptDay) + 10 * HOUR);
          const toPause = (p: typeof extra): PauseInterval => ({
            start: new Date(receivedAt.getTime() + p.startOffset),
            end: p.open ? null : new Date(receivedAt.getTime() + p.startOffset + p.length),
          });
          const pauses = raw.map(toPause);
          const input = { ...clock(receivedAt), statutoryReviewWorkdays: period, pauses };
          let expected: Date | null = null;
          for (let day = receiptDay, counted = 0; ;) {
            day = calendar.addWorkdays(day, 1);
            const from = startOfDay(day);
            const to = endOf(day).getTime();
            if (pauses.some((p) => p.end === null && p.start.getTime() < to)) break;
            if (pauses.some((p) => p.end !== null && p.start.getTime() < to && p.end.getTime() > from)) continue;
            counted += 1;
            if (counted === period) {
              expected = endOf(day);
              break;
            }
          }
          const deadline = reviewDeadline(input, calendar);
          expect(deadline).toEqual(expected);
          const withExtra = reviewDeadline({ ...input, pauses: [...pauses, toPause(extra)] }, calendar);
          if (deadline !== null && withExtra !== null)
            expect(withExtra.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('task inbox and deadline warning (L13, C2)', () => {
  it('L13: workdaysLeft counts today while time remains and drops to 0 once the deadline has passed', () => {
    const deadline = endOf('2025-03-06'); // Thursday
    expect(workdaysLeft(bj('2025-03-03 15:00'), deadline, calendar)).toBe(4);
    expect(workdaysLeft(bj('2025-03-06 23:59'), deadline, calendar)).toBe(1);
    expect(workdaysLeft(deadline, deadline, calendar)).toBe(0);
    expect(workdaysLeft(bj('2025-03-09 10:00'), endOf('2025-03-10'), calendar)).toBe(1); // Sunday before a Monday limit
  });

  it('L13: property — workdaysLeft agrees with @enforcement/workdays so the inbox and the deadline service never disagree', () => {
    const library = bundledCalendar();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 * DAY }), fc.integer({ min: 0, max: 30 }), (nowOffset, daysAhead) => {
        const now = new Date(bj('2025-01-02 00:00').getTime() + nowOffset);
        const deadline = endOf(calendar.civilDate(new Date(now.getTime() + daysAhead * DAY)));
        expect(workdaysLeft(now, deadline, calendar)).toBe(library.workdaysLeft(now, deadline));
      }),
      { numRuns: 300 },
    );
  });

  it('C2: the warning fires at the end of the working day before the deadline day, skipping weekends and holidays', () => {
    expect(warningAt(endOf('2025-03-06'), calendar)).toEqual(endOf('2025-03-05'));
    expect(warningAt(endOf('2025-03-10'), calendar)).toEqual(endOf('2025-03-07'));
    expect(warningAt(endOf('2025-10-09'), calendar)).toEqual(endOf('2025-09-30'));
    expect(warningAt(endOf('2025-10-13'), calendar)).toEqual(endOf('2025-10-11')); // make-up Saturday
    expect(warningAt(endOf('2025-03-06'), calendar, 2)).toEqual(endOf('2025-03-04'));
    expect(() => warningAt(endOf('2025-03-06'), calendar, 0)).toThrow(RangeError);
  });

  it('C2: property — the warning ends a working day exactly k working days before the deadline day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 340 }), fc.integer({ min: 1, max: 3 }), (index, k) => {
        const deadlineDay = calendar.addWorkdays(
          calendar.civilDate(new Date(bj('2025-01-01 12:00').getTime() + index * DAY)),
          1,
        );
        const warning = warningAt(endOf(deadlineDay), calendar, k);
        const warningDay = lastCivilDay(warning, calendar);
        expect(calendar.isWorkday(warningDay)).toBe(true);
        expect(calendar.countWorkdays(warningDay, deadlineDay)).toBe(k);
        expect(warning).toEqual(endOf(warningDay));
      }),
      { numRuns: 200 },
    );
  });
});

describe('submission timing (L3)', () => {
  const handlingDeadline = endOf('2025-03-28'); // Friday

  it('L3: submitting on the last day that leaves 10 working days is on time; the next working day is late', () => {
    expect(isLateSubmission(bj('2025-03-14 16:00'), handlingDeadline, calendar)).toBe(false);
    expect(isLateSubmission(bj('2025-03-17 09:00'), handlingDeadline, calendar)).toBe(true);
  });

  it('L3: a submission on the weekend before those 10 working days is on time', () => {
    expect(isLateSubmission(bj('2025-03-15 10:00'), handlingDeadline, calendar)).toBe(false);
    expect(isLateSubmission(bj('2025-03-16 22:00'), handlingDeadline, calendar)).toBe(false);
  });

  it('L3: holidays do not count among the 10 working days (Labour Day 2025)', () => {
    const deadline = endOf('2025-05-16');
    expect(isLateSubmission(bj('2025-04-29 17:00'), deadline, calendar)).toBe(false);
    expect(isLateSubmission(bj('2025-04-30 09:00'), deadline, calendar)).toBe(true);
    expect(isLateSubmission(bj('2025-05-03 09:00'), deadline, calendar)).toBe(true);
    expect(isLateSubmission(bj('2025-04-27 09:00'), deadline, calendar)).toBe(false); // make-up Sunday
  });

  it('L3: a submission after the handling deadline is late', () => {
    expect(isLateSubmission(bj('2025-03-29 09:00'), handlingDeadline, calendar)).toBe(true);
  });

  it('L3: property — late exactly when the 10th working day after the submission day falls after the deadline day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * DAY }), fc.integer({ min: 1, max: 40 }), (offset, spanDays) => {
        const submittedAt = new Date(bj('2025-01-02 00:00').getTime() + offset);
        const deadline = endOf(calendar.civilDate(new Date(submittedAt.getTime() + spanDays * DAY)));
        const tenth = calendar.addWorkdays(calendar.civilDate(submittedAt), 10);
        expect(isLateSubmission(submittedAt, deadline, calendar)).toBe(tenth > lastCivilDay(deadline, calendar));
      }),
      { numRuns: 300 },
    );
  });
});

describe('supplement window (L5)', () => {
  it('L5: the window defaults to 5 working days after the notice day', () => {
    expect(supplementDeadline(bj('2025-03-03 11:00'), calendar)).toEqual(endOf('2025-03-10'));
  });

  it('L5: the window skips the National Day holiday and counts the make-up Saturday', () => {
    expect(supplementDeadline(bj('2025-09-30 11:00'), calendar)).toEqual(endOf('2025-10-14'));
  });

  it('L5: the window length is configurable', () => {
    expect(supplementDeadline(bj('2025-03-03 11:00'), calendar, 3)).toEqual(endOf('2025-03-06'));
  });
});
