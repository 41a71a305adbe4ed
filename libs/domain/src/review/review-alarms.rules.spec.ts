import { plannedAlarms, runningLimits } from './review-alarms.rules';
import { Flow, bj, completeMaterials, endOf, env, reviewer, submitCommand, unitHead } from './testing/review.fixtures';

describe('review alarms (SPEC C2, L5, L6, L13)', () => {
  it('C2: a running review limit plans its warning one working day before and its miss at the deadline', () => {
    const state = Flow.accepted().current;
    const limits = runningLimits(state, env());
    // Submitted Monday 2025-03-03 with complete materials: Tue, Wed, Thu → due at the end of Thursday.
    expect(limits.review).toMatchObject({
      deadline: endOf('2025-03-06').toISOString(),
      warningAt: endOf('2025-03-05').toISOString(),
    });
    const alarms = plannedAlarms(state, limits, new Set());
    expect(alarms.map((a) => [a.kind, a.limit, new Date(a.at).toISOString()])).toEqual([
      ['warning', 'review-limit', endOf('2025-03-05').toISOString()],
      ['missed', 'review-limit', endOf('2025-03-06').toISOString()],
    ]);
    expect(alarms.every((a) => a.round === 1)).toBe(true);
  });

  it('C2: a notice already sent is not planned again, keyed by the deadline it was for', () => {
    const state = Flow.accepted().current;
    const limits = runningLimits(state, env());
    const [warning] = plannedAlarms(state, limits, new Set());
    expect(plannedAlarms(state, limits, new Set([warning.key])).map((a) => a.kind)).toEqual(['missed']);
  });

  it('L5: while the unit may supplement, the window plans a warning and the lapse', () => {
    const flow = new Flow()
      .do(
        submitCommand({ materials: completeMaterials().filter((m) => m.item !== 'case-source') }),
        bj('2025-03-03 09:00'),
      )
      .do({ type: 'notifyMissingMaterials', actor: reviewer, missing: ['case-source'] }, bj('2025-03-03 10:00'));
    const state = flow.current;
    const limits = runningLimits(state, env());
    expect(limits.review).toBeNull();
    expect(limits.supplement?.deadline).toBe(state.notice?.supplementDueBy);
    expect(plannedAlarms(state, limits, new Set()).map((a) => [a.kind, a.limit])).toEqual([
      ['warning', 'supplement-window'],
      ['lapse', 'supplement-window'],
    ]);
  });

  it('L7: an open pause holds the clock, so the review plans no alarm until it resumes', () => {
    const state = Flow.accepted().do(
      { type: 'pause', actor: reviewer, pauseId: 'p1', kind: 'verification', reason: '核实' },
      bj('2025-03-04 09:00'),
    ).current;
    const limits = runningLimits(state, env());
    expect(limits.review).toBeNull();
    expect(plannedAlarms(state, limits, new Set())).toEqual([]);
  });

  it('L13: a final review plans nothing', () => {
    const state = Flow.accepted().do(
      { type: 'withdraw', actor: unitHead, reason: '终止' },
      bj('2025-03-04 09:00'),
    ).current;
    expect(plannedAlarms(state, runningLimits(state, env()), new Set())).toEqual([]);
  });
});
