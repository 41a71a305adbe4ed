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

  it('L6: 审核期限自执法承办机构提交完备的送审材料之日起计算 — complete materials start the review limit and its warning before anyone accepts them', () => {
    const submitted = new Flow().do(submitCommand(), bj('2025-03-03 09:00')).current;
    expect(submitted.status).toBe('submitted');
    const before = runningLimits(submitted, env());
    expect(before.review).toMatchObject({
      deadline: endOf('2025-03-06').toISOString(),
      warningAt: endOf('2025-03-05').toISOString(),
    });
    const planned = plannedAlarms(submitted, before, new Set());
    expect(planned.map((a) => [a.kind, a.round])).toEqual([
      ['warning', 1],
      ['missed', 1],
    ]);
    // Accepting two days later only records the acceptance: same limit, same notices, none sent twice.
    const accepted = new Flow()
      .do(submitCommand(), bj('2025-03-03 09:00'))
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-05 10:00')).current;
    const after = runningLimits(accepted, env());
    expect(after.review?.deadline).toBe(before.review?.deadline);
    expect(plannedAlarms(accepted, after, new Set([planned[0].key])).map((a) => a.kind)).toEqual(['missed']);
  });

  it('L6: 审核期限自执法承办机构提交完备的送审材料之日起计算 — incomplete materials start no clock; the supplement that completes them does', () => {
    const flow = new Flow().do(
      submitCommand({ materials: completeMaterials().filter((m) => m.item !== 'case-source') }),
      bj('2025-03-03 09:00'),
    );
    expect(runningLimits(flow.current, env()).review).toBeNull();
    expect(plannedAlarms(flow.current, runningLimits(flow.current, env()), new Set())).toEqual([]);
    flow
      .do({ type: 'notifyMissingMaterials', actor: reviewer, missing: ['case-source'] }, bj('2025-03-03 10:00'))
      .do(
        { type: 'supplement', actor: unitHead, materials: [{ item: 'case-source', documentRef: 'sha256:src' }] },
        bj('2025-03-04 15:00'),
      );
    expect(flow.current.status).toBe('submitted');
    // Complete on Tuesday 2025-03-04: Wed, Thu, Fri.
    expect(runningLimits(flow.current, env()).review?.deadline).toBe(endOf('2025-03-07').toISOString());
  });
});
