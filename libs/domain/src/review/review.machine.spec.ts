import type { ReviewCommand } from './review.commands';
import { REVIEW_ERROR_CODES, ReviewRuleError, type ReviewErrorCode } from './review.errors';
import type { ReviewEvent } from './review.events';
import {
  currentDeadline,
  decide,
  decisionGate,
  mayIssueDecision,
  openPauses,
  validate,
  type DecideResult,
} from './review.machine';
import type { ReviewState } from './review.state';
import {
  Flow,
  OTHER_UNIT_ID,
  PENALTY_FACTS,
  UNIT_ID,
  advisor,
  agencyHead,
  bj,
  cleanFindings,
  completeMaterials,
  deepFreeze,
  endOf,
  env,
  findingsWithProblems,
  preliminaryReview,
  minuteTaker,
  officer,
  otherUnitHead,
  reviewer,
  sectionHead,
  submitCommand,
  supervisor,
  timer,
  unitHead,
} from './testing/review.fixtures';

function refused(result: DecideResult): ReviewRuleError {
  if (result.ok) throw new Error('expected the command to be refused');
  return result.error;
}

function expectRefusal(
  state: ReviewState | null,
  command: ReviewCommand,
  at: Date,
  code: ReviewErrorCode,
  environment = env(),
) {
  const error = refused(decide(state, command, at, environment));
  expect(error.code).toBe(code);
  return error;
}

function ofType<T extends ReviewEvent['type']>(
  events: readonly ReviewEvent[],
  type: T,
): Extract<ReviewEvent, { type: T }>[] {
  return events.filter((event): event is Extract<ReviewEvent, { type: T }> => event.type === type);
}

const permitPolicy = env(); // penalty cases need collective discussion; tests of agency-head approval use permits
const permitSubmission = { category: 'permit' as const };

describe('submission (L2, L3)', () => {
  it('L2: submission without the unit head’s preliminary-review record is refused with REVIEW.PRELIMINARY_REVIEW_MISSING', () => {
    expectRefusal(
      null,
      submitCommand({ preliminaryReview: null }),
      bj('2025-03-03 09:00'),
      'REVIEW.PRELIMINARY_REVIEW_MISSING',
    );
  });

  it('L2: a preliminary review signed by an officer or by another unit’s head does not count', () => {
    const base = submitCommand().preliminaryReview!;
    expectRefusal(
      null,
      submitCommand({ preliminaryReview: { ...base, signedBy: officer } }),
      bj('2025-03-03 09:00'),
      'REVIEW.PRELIMINARY_REVIEW_NOT_BY_UNIT_HEAD',
    );
    expectRefusal(
      null,
      submitCommand({ preliminaryReview: { ...base, signedBy: otherUnitHead } }),
      bj('2025-03-03 09:00'),
      'REVIEW.PRELIMINARY_REVIEW_NOT_BY_UNIT_HEAD',
    );
  });

  it('L2: a preliminary review that did not pass cannot be submitted (初审通过并出具初审文书)', () => {
    const base = submitCommand().preliminaryReview!;
    expectRefusal(
      null,
      submitCommand({ preliminaryReview: { ...base, outcome: 'not-passed' } }),
      bj('2025-03-03 09:00'),
      'REVIEW.PRELIMINARY_REVIEW_NOT_PASSED',
    );
  });

  it('L2: a submission is accepted with the record and announced as review.submitted.v1', () => {
    const result = decide(null, submitCommand(), bj('2025-03-03 09:00'), env());
    if (!result.ok) throw result.error;
    expect(result.state).toMatchObject({ status: 'submitted', revision: 1, unitId: UNIT_ID });
    expect(result.events).toEqual([
      expect.objectContaining({
        type: 'review.submitted.v1',
        eventId: 'review-2025-001/1/0',
        caseNo: '某民罚〔2025〕7号',
        actorId: officer.id,
        payload: expect.objectContaining({
          late: false,
          missingMaterials: [],
          catalogueEntryIds: ['penalty-large-fine'],
        }),
      }),
    ]);
  });

  it('L3: a submission fewer than 10 working days before the handling deadline is accepted but flagged late', () => {
    const result = decide(
      null,
      submitCommand({ caseHandlingDeadline: endOf('2025-03-14').toISOString() }),
      bj('2025-03-03 09:00'),
      env(),
    );
    if (!result.ok) throw result.error;
    expect(result.state.submission.late).toBe(true);
    expect(ofType(result.events, 'review.submitted.v1')[0].payload.late).toBe(true);
    const onTime = decide(
      null,
      submitCommand({ caseHandlingDeadline: endOf('2025-03-17').toISOString() }),
      bj('2025-03-03 09:00'),
      env(),
    );
    if (!onTime.ok) throw onTime.error;
    expect(onTime.state.submission.late).toBe(false);
  });

  it('L3: the late flag reaches review.concluded.v1 for the accountability statistics (L13)', () => {
    const flow = new Flow()
      .do(submitCommand({ caseHandlingDeadline: endOf('2025-03-10').toISOString() }), bj('2025-03-03 09:00'))
      .do({ type: 'withdraw', actor: unitHead, reason: '案件终止调查' }, bj('2025-03-03 10:00'));
    expect(ofType(flow.events, 'review.concluded.v1')[0].payload).toMatchObject({
      outcome: 'withdrawn',
      lateSubmission: true,
    });
  });

  it('C1: only the handling unit’s own officers and head can submit', () => {
    expectRefusal(null, submitCommand({ actor: reviewer }), bj('2025-03-03 09:00'), 'REVIEW.FORBIDDEN_ROLE');
    expectRefusal(
      null,
      submitCommand({ actor: { ...officer, unitId: OTHER_UNIT_ID } }),
      bj('2025-03-03 09:00'),
      'REVIEW.NOT_HANDLING_UNIT',
    );
  });

  it('C1: a second submit of the same review is refused with REVIEW.ALREADY_STARTED', () => {
    const flow = new Flow().do(submitCommand(), bj('2025-03-03 09:00'));
    expectRefusal(flow.current, submitCommand(), bj('2025-03-03 10:00'), 'REVIEW.ALREADY_STARTED');
  });
});

describe('acceptance and the one-time notice (L5)', () => {
  const incomplete = () =>
    submitCommand({
      materials: completeMaterials().filter((m) => m.item !== 'filing-approval' && m.item !== 'discretion-reasons'),
    });

  it('L5: incomplete materials cannot be accepted; the refusal names the missing items', () => {
    const flow = new Flow().do(incomplete(), bj('2025-03-03 09:00'));
    expect(ofType(flow.events, 'review.submitted.v1')[0].payload.missingMaterials).toEqual([
      'filing-approval',
      'discretion-reasons',
    ]);
    const error = expectRefusal(
      flow.current,
      { type: 'acceptMaterials', actor: reviewer },
      bj('2025-03-03 10:00'),
      'REVIEW.MATERIALS_INCOMPLETE',
    );
    expect(error.message_zh).toContain('立案审批情况');
    expect(error.message_en).toContain('reasons for the discretion used');
    expect(error.category).toBe('conflict');
  });

  it('L5: the one-time notice must list every missing item', () => {
    const flow = new Flow().do(incomplete(), bj('2025-03-03 09:00'));
    const error = expectRefusal(
      flow.current,
      { type: 'notifyMissingMaterials', actor: reviewer, missing: ['filing-approval'] },
      bj('2025-03-03 10:00'),
      'REVIEW.NOTICE_INCOMPLETE',
    );
    expect(error.message_zh).toContain('裁量理由说明');
    expectRefusal(
      flow.current,
      { type: 'notifyMissingMaterials', actor: reviewer, missing: [] },
      bj('2025-03-03 10:00'),
      'REVIEW.NOTICE_EMPTY',
    );
  });

  it('L5: the notice lists all missing items at once, may add items the reviewer judged deficient, and sets the 5-working-day window', () => {
    const flow = new Flow().do(incomplete(), bj('2025-03-03 09:00')).do(
      {
        type: 'notifyMissingMaterials',
        actor: reviewer,
        missing: ['discretion-reasons', 'on-site-transcript', 'filing-approval'],
      },
      bj('2025-03-03 11:00'),
    );
    expect(flow.current.status).toBe('awaiting-supplement');
    expect(ofType(flow.events, 'review.materials-requested.v1')[0].payload).toEqual({
      missing: ['filing-approval', 'on-site-transcript', 'discretion-reasons'],
      supplementDueBy: endOf('2025-03-10').toISOString(),
    });
  });

  it('L5: a second one-time notice is refused with REVIEW.NOTICE_ALREADY_SENT', () => {
    const notice = new Flow()
      .do(incomplete(), bj('2025-03-03 09:00'))
      .do(
        { type: 'notifyMissingMaterials', actor: reviewer, missing: ['filing-approval', 'discretion-reasons'] },
        bj('2025-03-03 11:00'),
      );
    expectRefusal(
      notice.current,
      { type: 'notifyMissingMaterials', actor: reviewer, missing: ['filing-approval', 'discretion-reasons'] },
      bj('2025-03-03 12:00'),
      'REVIEW.NOTICE_ALREADY_SENT',
    );
  });

  function noticed(): Flow {
    return new Flow()
      .do(incomplete(), bj('2025-03-03 09:00'))
      .do(
        { type: 'notifyMissingMaterials', actor: reviewer, missing: ['filing-approval', 'discretion-reasons'] },
        bj('2025-03-03 11:00'),
      );
  }

  const fullSupplement: ReviewCommand = {
    type: 'supplement',
    actor: officer,
    materials: [
      { item: 'filing-approval', documentRef: 'sha256:filing' },
      { item: 'discretion-reasons', documentRef: 'sha256:reasons' },
    ],
  };

  it('L5: a complete supplement returns the case for acceptance, and the clock runs from the supplement day', () => {
    const flow = noticed().do(fullSupplement, bj('2025-03-05 16:00'));
    expect(flow.current.status).toBe('submitted');
    flow.do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-06 09:00'));
    expect(ofType(flow.events, 'review.accepted.v1')[0].payload).toMatchObject({
      round: 1,
      completeMaterialsReceivedAt: bj('2025-03-05 16:00').toISOString(),
      deadline: endOf('2025-03-10').toISOString(),
    });
  });

  it('L5: a second supplement is refused with REVIEW.SUPPLEMENT_ALREADY_USED', () => {
    const flow = noticed().do(fullSupplement, bj('2025-03-05 16:00'));
    const error = expectRefusal(flow.current, fullSupplement, bj('2025-03-05 17:00'), 'REVIEW.SUPPLEMENT_ALREADY_USED');
    expect(error.message_zh).toBe('材料补正只能提交一次');
    expect(error.message_en).toBe('materials can be supplemented only once');
  });

  it('L5: a supplement that is still incomplete ends the review as not accepted, with no second notice', () => {
    const flow = noticed().do(
      { type: 'supplement', actor: officer, materials: [{ item: 'filing-approval', documentRef: 'sha256:filing' }] },
      bj('2025-03-05 16:00'),
    );
    expect(flow.current.status).toBe('not-accepted');
    expect(flow.current.notAccepted).toEqual({
      at: bj('2025-03-05 16:00').toISOString(),
      reason: 'still-incomplete',
      missing: ['discretion-reasons'],
    });
    expect(flow.events.slice(-2).map((e) => e.type)).toEqual(['review.not-accepted.v1', 'review.concluded.v1']);
    expect(ofType(flow.events, 'review.concluded.v1')[0].payload).toMatchObject({
      outcome: 'not-accepted',
      mayIssueDecision: false,
    });
    expectRefusal(flow.current, fullSupplement, bj('2025-03-05 17:00'), 'REVIEW.SUPPLEMENT_ALREADY_USED');
  });

  it('L5: the reviewer may refuse a supplement that is complete on paper but deficient, but only after the supplement', () => {
    expectRefusal(
      new Flow().do(submitCommand(), bj('2025-03-03 09:00')).current,
      { type: 'refuseAcceptance', actor: reviewer, missing: ['on-site-transcript'] },
      bj('2025-03-03 10:00'),
      'REVIEW.REFUSAL_NEEDS_SUPPLEMENT_FIRST',
    );
    const flow = noticed()
      .do(fullSupplement, bj('2025-03-05 16:00'))
      .do({ type: 'refuseAcceptance', actor: sectionHead, missing: ['discretion-reasons'] }, bj('2025-03-06 09:00'));
    expect(flow.current).toMatchObject({ status: 'not-accepted', notAccepted: { reason: 'still-incomplete' } });
  });

  it('L5: a supplement after the window has ended is refused; the lapse ends the review as not accepted', () => {
    const flow = noticed();
    expectRefusal(flow.current, fullSupplement, endOf('2025-03-10'), 'REVIEW.SUPPLEMENT_WINDOW_LAPSED');
    expectRefusal(
      flow.current,
      { type: 'supplementWindowLapsed', actor: timer },
      bj('2025-03-10 23:59'),
      'REVIEW.SUPPLEMENT_WINDOW_OPEN',
    );
    flow.do({ type: 'supplementWindowLapsed', actor: timer }, endOf('2025-03-10'));
    expect(flow.current.notAccepted).toMatchObject({
      reason: 'window-lapsed',
      missing: ['filing-approval', 'discretion-reasons'],
    });
    expect(ofType(flow.events, 'review.not-accepted.v1')[0].payload.reason).toBe('window-lapsed');
  });

  it('L5: a supplement in the last minute of the window is accepted', () => {
    const flow = noticed().do(fullSupplement, bj('2025-03-10 23:59'));
    expect(flow.current.status).toBe('submitted');
  });
});

describe('review clock in the reducer (L6, L7)', () => {
  it('L6: the clock runs from the day complete materials were submitted, not from the later acceptance', () => {
    const flow = new Flow()
      .do(submitCommand(), bj('2025-03-03 09:00'))
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-05 09:00'));
    expect(ofType(flow.events, 'review.accepted.v1')[0].payload).toEqual({
      round: 1,
      completeMaterialsReceivedAt: bj('2025-03-03 09:00').toISOString(),
      periodWorkdays: 3,
      deadline: endOf('2025-03-06').toISOString(),
      warningAt: endOf('2025-03-05').toISOString(),
    });
  });

  it('L6: an urgent review has 1 working day', () => {
    const flow = Flow.accepted(env(), { urgent: true });
    expect(ofType(flow.events, 'review.accepted.v1')[0].payload).toMatchObject({
      periodWorkdays: 1,
      deadline: endOf('2025-03-04').toISOString(),
    });
  });

  it('L6: the supervising leader extends a complex case by 2 working days, once', () => {
    const flow = Flow.accepted().do(
      { type: 'requestExtension', actor: reviewer, reason: '案情复杂，需调阅相关资料' },
      bj('2025-03-04 10:00'),
    );
    expectRefusal(
      flow.current,
      { type: 'approveExtension', actor: sectionHead },
      bj('2025-03-04 11:00'),
      'REVIEW.FORBIDDEN_ROLE',
    );
    flow.do({ type: 'approveExtension', actor: supervisor }, bj('2025-03-04 11:00'));
    expect(ofType(flow.events, 'review.extended.v1')[0].payload).toEqual({
      round: 1,
      extensionWorkdays: 2,
      requestedBy: reviewer.id,
      reason: '案情复杂，需调阅相关资料',
      approvedBy: supervisor.id,
      deadline: endOf('2025-03-10').toISOString(),
      warningAt: endOf('2025-03-07').toISOString(),
    });
    expectRefusal(
      flow.current,
      { type: 'requestExtension', actor: reviewer, reason: '再次延期' },
      bj('2025-03-05 10:00'),
      'REVIEW.EXTENSION_ALREADY_USED',
    );
    expectRefusal(
      flow.current,
      { type: 'approveExtension', actor: supervisor },
      bj('2025-03-05 10:00'),
      'REVIEW.EXTENSION_ALREADY_USED',
    );
  });

  it('L6: an extension must be requested before it is approved, and only once', () => {
    const flow = Flow.accepted();
    expectRefusal(
      flow.current,
      { type: 'approveExtension', actor: supervisor },
      bj('2025-03-04 10:00'),
      'REVIEW.EXTENSION_NOT_REQUESTED',
    );
    flow.do({ type: 'requestExtension', actor: reviewer, reason: '案情复杂' }, bj('2025-03-04 10:00'));
    expectRefusal(
      flow.current,
      { type: 'requestExtension', actor: reviewer, reason: '案情复杂' },
      bj('2025-03-04 11:00'),
      'REVIEW.EXTENSION_ALREADY_REQUESTED',
    );
  });

  it('L6: an extension cannot be approved once the limit has run out', () => {
    const flow = Flow.accepted().do(
      { type: 'requestExtension', actor: reviewer, reason: '案情复杂' },
      bj('2025-03-06 10:00'),
    );
    const error = expectRefusal(
      flow.current,
      { type: 'approveExtension', actor: supervisor },
      endOf('2025-03-06'),
      'REVIEW.DEADLINE_PASSED',
    );
    expect(error.details).toEqual({ deadline: endOf('2025-03-06').toISOString() });
  });

  it('L7: nested pauses keep the review paused until the last one ends, and the deadline moves by the distinct paused working days', () => {
    const flow = Flow.accepted()
      .do(
        { type: 'pause', actor: reviewer, pauseId: 'expert-1', kind: 'expert-consultation', reason: '提交专家论证' },
        bj('2025-03-04 10:00'),
      )
      .do(
        { type: 'pause', actor: reviewer, pauseId: 'verify-1', kind: 'verification', reason: '向当事人核实情况' },
        bj('2025-03-05 09:00'),
      );
    expect(flow.current.status).toBe('paused');
    expect(openPauses(flow.current).map((p) => p.pauseId)).toEqual(['expert-1', 'verify-1']);
    expect(currentDeadline(flow.current, env())).toBeNull();
    expect(ofType(flow.events, 'review.paused.v1').map((e) => e.payload.deadline)).toEqual([null, null]);

    flow.do({ type: 'resume', actor: reviewer, pauseId: 'verify-1' }, bj('2025-03-05 11:00'));
    expect(flow.current.status).toBe('paused');
    expect(ofType(flow.events, 'review.resumed.v1')[0].payload).toMatchObject({
      openPauseIds: ['expert-1'],
      deadline: null,
    });

    flow.do({ type: 'resume', actor: reviewer, pauseId: 'expert-1' }, bj('2025-03-06 09:30'));
    expect(flow.current.status).toBe('under-review');
    // Tue, Wed, Thu touched → the period is Fri, Mon, Tue.
    expect(ofType(flow.events, 'review.resumed.v1')[1].payload).toEqual({
      round: 1,
      pauseId: 'expert-1',
      kind: 'expert-consultation',
      openPauseIds: [],
      deadline: endOf('2025-03-11').toISOString(),
      warningAt: endOf('2025-03-10').toISOString(),
    });
    expect(currentDeadline(flow.current, env())).toEqual(endOf('2025-03-11'));
  });

  it('L7: pause ids are unique within a round and only an open pause can be resumed', () => {
    const flow = Flow.accepted().do(
      { type: 'pause', actor: reviewer, pauseId: 'p1', kind: 'verification', reason: '核实' },
      bj('2025-03-04 10:00'),
    );
    expectRefusal(
      flow.current,
      { type: 'pause', actor: reviewer, pauseId: 'p1', kind: 'verification', reason: '核实' },
      bj('2025-03-04 11:00'),
      'REVIEW.PAUSE_ID_IN_USE',
    );
    expectRefusal(
      flow.current,
      { type: 'resume', actor: reviewer, pauseId: 'p2' },
      bj('2025-03-04 11:00'),
      'REVIEW.PAUSE_NOT_OPEN',
    );
    flow.do({ type: 'resume', actor: reviewer, pauseId: 'p1' }, bj('2025-03-04 12:00'));
    expectRefusal(
      flow.current,
      { type: 'resume', actor: reviewer, pauseId: 'p1' },
      bj('2025-03-04 13:00'),
      'REVIEW.PAUSE_NOT_OPEN',
    );
  });

  it('L7: no opinion while expert consultation or verification is still open', () => {
    const flow = Flow.accepted()
      .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
      .do(
        { type: 'pause', actor: reviewer, pauseId: 'p1', kind: 'expert-consultation', reason: '专家论证' },
        bj('2025-03-04 10:00'),
      );
    const error = expectRefusal(
      flow.current,
      { type: 'draftOpinion', actor: reviewer, opinion: 'approve', documentNo: 'N1', summary: '同意' },
      bj('2025-03-04 11:00'),
      'REVIEW.PAUSES_OPEN',
    );
    expect(error.details).toEqual({ pauseIds: ['p1'] });
  });
});

describe('findings, advisor and opinion (L8, L9, L10)', () => {
  // L9: the reviewer drafts (初审), the section head re-reviews and signs (复审).
  const approve: ReviewCommand = {
    type: 'draftOpinion',
    actor: reviewer,
    opinion: 'approve',
    documentNo: '某民法审〔2025〕3号',
    summary: '同意',
  };
  const signed: ReviewCommand = { type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' };

  it('L8: an opinion without findings on every item is refused with REVIEW.FINDINGS_INCOMPLETE', () => {
    expectRefusal(Flow.accepted().current, approve, bj('2025-03-04 10:00'), 'REVIEW.FINDINGS_INCOMPLETE');
    const partial = cleanFindings().slice(0, 8);
    expectRefusal(
      Flow.accepted().current,
      { type: 'recordFindings', actor: reviewer, findings: partial },
      bj('2025-03-04 10:00'),
      'REVIEW.FINDINGS_INCOMPLETE',
    );
  });

  it('L9: an approval issues the opinion document in two copies and the review passes, awaiting the decision', () => {
    const flow = Flow.withOpinion('approve');
    expect(flow.current.status).toBe('opinion-issued');
    expect(flow.current.rounds[0].opinion).toMatchObject({
      type: 'approve',
      copies: ['handling-unit-with-case-file', 'legal-section-archive'],
      overdue: false,
    });
    expect(ofType(flow.events, 'review.opinion-issued.v1')[0].payload).toMatchObject({
      opinion: 'approve',
      settledBy: 'legal-section',
      documentRef: '某民法审〔2025〕3号',
      copies: ['handling-unit-with-case-file', 'legal-section-archive'],
    });
  });

  it('L9: an approval contradicting a problem finding is refused', () => {
    const flow = Flow.accepted().do(
      { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems('procedure') },
      bj('2025-03-04 09:00'),
    );
    expectRefusal(flow.current, approve, bj('2025-03-04 10:00'), 'REVIEW.OPINION_CONTRADICTS_FINDINGS');
  });

  it('L9: a transfer opinion needs the receiving body; once the unit accepts it the review ends with a transfer record', () => {
    const flow = Flow.accepted().do(
      { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems('criminal-referral') },
      bj('2025-03-04 09:00'),
    );
    const transfer: ReviewCommand = {
      type: 'draftOpinion',
      actor: reviewer,
      opinion: 'transfer',
      documentNo: 'N-T',
      summary: '涉嫌犯罪，移送公安机关',
    };
    expectRefusal(flow.current, transfer, bj('2025-03-04 10:00'), 'REVIEW.TRANSFER_DETAILS_REQUIRED');
    flow
      .do({ ...transfer, transfer: { to: '某市公安局', ground: 'suspected-crime' } }, bj('2025-03-04 10:00'))
      .do(signed, bj('2025-03-04 10:30'));
    // Issue 8 rule 3: the unit may dispute a transfer like any opinion, so it ends only when the unit accepts it.
    expect(flow.current.status).toBe('returned-to-unit');
    flow.do({ type: 'acceptTransfer', actor: unitHead }, bj('2025-03-04 15:00'));
    expect(flow.current.status).toBe('transferred');
    expect(flow.events.slice(-2).map((e) => e.type)).toEqual(['review.opinion-issued.v1', 'review.concluded.v1']);
    expect(ofType(flow.events, 'review.concluded.v1')[0].payload).toMatchObject({
      outcome: 'transferred',
      mayIssueDecision: false,
    });
    expect(ofType(flow.events, 'review.opinion-issued.v1')[0].payload.transfer).toEqual({
      to: '某市公安局',
      ground: 'suspected-crime',
    });
    expect(mayIssueDecision(flow.current)).toBe(false);
  });

  it.each(['amend', 'correct', 'reinvestigate', 'correct-documents'] as const)(
    'L9: a "%s" opinion returns the case to the handling unit',
    (opinion) => {
      expect(Flow.withOpinion(opinion).current.status).toBe('returned-to-unit');
    },
  );

  it('L9: an opinion issued after the limit is marked overdue for the statistics (L13)', () => {
    const flow = Flow.accepted()
      .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
      .do(approve, bj('2025-03-07 09:00'))
      .do(signed, bj('2025-03-07 09:30'));
    expect(ofType(flow.events, 'review.opinion-issued.v1')[0].payload.overdue).toBe(true);
  });

  it('L10: the legal advisor’s written opinion must be reviewed by the section before the formal opinion', () => {
    const flow = Flow.accepted()
      .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
      // C1 (issue 12): an advisor writes only in a review the section invited them to.
      .do({ type: 'inviteAdvisor', actor: reviewer, advisorId: advisor.id }, bj('2025-03-04 09:30'))
      .do(
        {
          type: 'attachAdvisorOpinion',
          actor: advisor,
          opinionId: 'adv-1',
          advisorName: '孙律师',
          documentRef: 'sha256:adv',
        },
        bj('2025-03-04 10:00'),
      );
    expectRefusal(flow.current, approve, bj('2025-03-04 11:00'), 'REVIEW.ADVISOR_OPINION_NOT_REVIEWED');
    expectRefusal(
      flow.current,
      { type: 'markAdvisorOpinionReviewed', actor: advisor, opinionId: 'adv-1', note: 'ok' },
      bj('2025-03-04 11:00'),
      'REVIEW.FORBIDDEN_ROLE',
    );
    expectRefusal(
      flow.current,
      { type: 'markAdvisorOpinionReviewed', actor: reviewer, opinionId: 'adv-9', note: 'ok' },
      bj('2025-03-04 11:00'),
      'REVIEW.ADVISOR_OPINION_NOT_FOUND',
    );
    expectRefusal(
      flow.current,
      {
        type: 'attachAdvisorOpinion',
        actor: reviewer,
        opinionId: 'adv-1',
        advisorName: '孙律师',
        documentRef: 'sha256:adv',
      },
      bj('2025-03-04 11:00'),
      'REVIEW.ADVISOR_OPINION_DUPLICATE',
    );
    flow
      .do(
        { type: 'markAdvisorOpinionReviewed', actor: reviewer, opinionId: 'adv-1', note: '经复核，采纳法律顾问意见' },
        bj('2025-03-04 11:00'),
      )
      .do(approve, bj('2025-03-04 15:00'))
      .do(signed, bj('2025-03-04 15:30'));
    expect(flow.current.status).toBe('opinion-issued');
    expect(flow.current.rounds[0].advisorOpinions[0]).toMatchObject({
      reviewedBy: reviewer.id,
      reviewNote: '经复核，采纳法律顾问意见',
    });
  });
});

describe('return and resubmission (L9)', () => {
  it('L9: resubmission continues the same review as round 2 with a fresh clock from the resubmission day', () => {
    const flow = Flow.withOpinion('reinvestigate').do(
      {
        type: 'resubmit',
        actor: officer,
        caseFacts: { ...PENALTY_FACTS, evidenceCollected: [...PENALTY_FACTS.evidenceCollected, 'witness-testimony'] },
        materials: [{ item: 'witness-testimony', documentRef: 'sha256:witness' }],
        note: '补充调查取得证人证言',
        preliminaryReview: preliminaryReview(bj('2025-03-10 09:00')),
      },
      bj('2025-03-10 10:00'),
    );
    expect(flow.current).toMatchObject({ status: 'under-review', reviewId: 'review-2025-001' });
    expect(flow.current.rounds.map((r) => [r.round, r.openedBy])).toEqual([
      [1, 'acceptMaterials'],
      [2, 'resubmit'],
    ]);
    expect(ofType(flow.events, 'review.accepted.v1')[1].payload).toMatchObject({
      round: 2,
      deadline: endOf('2025-03-13').toISOString(),
    });
  });

  it('L9: a resubmission must be complete for the new facts', () => {
    const flow = Flow.withOpinion('reinvestigate');
    expectRefusal(
      flow.current,
      {
        type: 'resubmit',
        actor: officer,
        caseFacts: { ...PENALTY_FACTS, hearingHeld: true },
        materials: [],
        note: '已组织听证',
        preliminaryReview: preliminaryReview(bj('2025-03-10 09:00')),
      },
      bj('2025-03-10 10:00'),
      'REVIEW.MATERIALS_INCOMPLETE',
    );
  });
});

describe('disagreement (L11)', () => {
  const withPanel = () => env({ expertPanelEstablished: true });
  const disagree: ReviewCommand = { type: 'disagree', actor: unitHead, reasons: '承办机构认为裁量适当' };

  it('L11: with an expert panel, the leader convenes the expert meeting; agreement settles the opinion', () => {
    const flow = Flow.withOpinion('amend', withPanel()).do(disagree, bj('2025-03-05 09:00'));
    expect(flow.current.status).toBe('disagreement');
    expectRefusal(
      flow.current,
      { type: 'requestExpertMeeting', actor: sectionHead },
      bj('2025-03-05 10:00'),
      'REVIEW.FORBIDDEN_ROLE',
      withPanel(),
    );
    flow.do({ type: 'requestExpertMeeting', actor: supervisor }, bj('2025-03-05 10:00')).do(
      {
        type: 'recordExpertMeetingOutcome',
        actor: supervisor,
        agreed: true,
        agreedOpinion: 'approve',
        minutesRef: 'sha256:expert-minutes',
      },
      bj('2025-03-07 10:00'),
    );
    expect(flow.current.status).toBe('opinion-issued');
    expect(ofType(flow.events, 'review.opinion-issued.v1')[1].payload).toMatchObject({
      opinion: 'approve',
      settledBy: 'expert-meeting',
      documentRef: 'sha256:expert-minutes',
      legalOpinionOverruled: false,
    });
  });

  it('L11: without agreement at the expert meeting the leadership collective discussion decides, with minutes', () => {
    const flow = Flow.withOpinion('amend', withPanel())
      .do(disagree, bj('2025-03-05 09:00'))
      .do({ type: 'requestExpertMeeting', actor: supervisor }, bj('2025-03-05 10:00'))
      .do(
        { type: 'recordExpertMeetingOutcome', actor: supervisor, agreed: false, minutesRef: 'sha256:expert-minutes' },
        bj('2025-03-07 10:00'),
      );
    expect(flow.current.status).toBe('collective-discussion');
    expectRefusal(
      flow.current,
      { type: 'recordCollectiveDiscussion', actor: agencyHead, resolvedOpinion: 'approve', minutesRef: ' ' },
      bj('2025-03-10 10:00'),
      'REVIEW.MINUTES_REQUIRED',
      withPanel(),
    );
    flow.do(
      {
        type: 'recordCollectiveDiscussion',
        actor: minuteTaker,
        resolvedOpinion: 'approve',
        minutesRef: 'sha256:meeting-minutes',
      },
      bj('2025-03-10 10:00'),
    );
    expect(flow.current.status).toBe('opinion-issued');
    expect(ofType(flow.events, 'review.opinion-issued.v1')[1].payload).toMatchObject({
      settledBy: 'collective-discussion',
      legalOpinionOverruled: true,
    });
  });

  it('L11: the collective discussion may uphold a returning opinion, sending the case back to the unit', () => {
    const flow = Flow.withOpinion('correct', withPanel())
      .do(disagree, bj('2025-03-05 09:00'))
      .do({ type: 'requestExpertMeeting', actor: supervisor }, bj('2025-03-05 10:00'))
      .do(
        { type: 'recordExpertMeetingOutcome', actor: supervisor, agreed: false, minutesRef: 'm1' },
        bj('2025-03-06 10:00'),
      )
      .do(
        { type: 'recordCollectiveDiscussion', actor: agencyHead, resolvedOpinion: 'correct', minutesRef: 'm2' },
        bj('2025-03-07 10:00'),
      );
    expect(flow.current.status).toBe('returned-to-unit');
    expectRefusal(flow.current, disagree, bj('2025-03-07 11:00'), 'REVIEW.DISAGREEMENT_ALREADY_RAISED', withPanel());
  });

  it('L11: without an expert panel the disagreement goes straight to collective discussion', () => {
    const flow = Flow.withOpinion('amend').do(disagree, bj('2025-03-05 09:00'));
    expect(flow.current.status).toBe('collective-discussion');
    expectRefusal(
      flow.current,
      { type: 'requestExpertMeeting', actor: supervisor },
      bj('2025-03-05 10:00'),
      'REVIEW.NO_EXPERT_PANEL',
    );
  });

  it('L11: only the handling unit’s head can dispute the opinion', () => {
    const flow = Flow.withOpinion('amend');
    expectRefusal(flow.current, { ...disagree, actor: officer }, bj('2025-03-05 09:00'), 'REVIEW.FORBIDDEN_ROLE');
    expectRefusal(
      flow.current,
      { ...disagree, actor: otherUnitHead },
      bj('2025-03-05 09:00'),
      'REVIEW.NOT_HANDLING_UNIT',
    );
  });
});

describe('decision gate (L12)', () => {
  it('L12: no decision before the review has passed', () => {
    const error = expectRefusal(
      Flow.accepted().current,
      { type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: 'D1' },
      bj('2025-03-04 10:00'),
      'REVIEW.REVIEW_NOT_PASSED',
    );
    expect(error.message_zh).toContain('审核中');
    expect(mayIssueDecision(Flow.withOpinion('approve').current)).toBe(false);
  });

  it('L12: the agency head approves a passed permit review; the gate opens only then', () => {
    const flow = Flow.withOpinion('approve', permitPolicy, permitSubmission).do(
      { type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: '某民许〔2025〕9号' },
      bj('2025-03-05 10:00'),
    );
    expect(flow.current.status).toBe('decided');
    expect(mayIssueDecision(flow.current)).toBe(true);
    expect(ofType(flow.events, 'review.concluded.v1')[0].payload).toEqual({
      outcome: 'decided',
      mayIssueDecision: true,
      decision: {
        decidedAt: bj('2025-03-05 10:00').toISOString(),
        decidedBy: agencyHead.id,
        mode: 'agency-head-approval',
        minutesRef: null,
        decisionRef: '某民许〔2025〕9号',
      },
      lateSubmission: false,
      rounds: 1,
      legalOpinionOverruled: false,
    });
  });

  it('L12: a major penalty must be decided by collective discussion with minutes (seed 000 Annex 2 第二十七条)', () => {
    const flow = Flow.withOpinion('approve');
    expectRefusal(
      flow.current,
      { type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: 'D1' },
      bj('2025-03-05 10:00'),
      'REVIEW.COLLECTIVE_DISCUSSION_REQUIRED',
    );
    expectRefusal(
      flow.current,
      { type: 'decide', actor: agencyHead, mode: 'collective-discussion', decisionRef: 'D1' },
      bj('2025-03-05 10:00'),
      'REVIEW.MINUTES_REQUIRED',
    );
    expectRefusal(
      flow.current,
      { type: 'decide', actor: minuteTaker, mode: 'agency-head-approval', decisionRef: 'D1' },
      bj('2025-03-05 10:00'),
      'REVIEW.FORBIDDEN_ROLE',
    );
    flow.do(
      {
        type: 'decide',
        actor: minuteTaker,
        mode: 'collective-discussion',
        minutesRef: 'sha256:minutes',
        decisionRef: 'D1',
      },
      bj('2025-03-05 10:00'),
    );
    expect(flow.current.decision).toMatchObject({ mode: 'collective-discussion', minutesRef: 'sha256:minutes' });
    expect(mayIssueDecision(flow.current)).toBe(true);
  });

  it('L12: a blocked attempt to issue a decision comes back with the record to keep for accountability', () => {
    const flow = Flow.withOpinion('amend');
    const gate = decisionGate(flow.current, {
      caseNo: flow.current.caseNo,
      actor: agencyHead,
      at: bj('2025-03-05 10:00'),
    });
    expect(gate).toEqual({
      allowed: false,
      error: expect.objectContaining({ code: 'REVIEW.REVIEW_NOT_PASSED' }),
      attempt: {
        caseNo: '某民罚〔2025〕7号',
        reviewId: 'review-2025-001',
        unitId: UNIT_ID,
        reviewStatus: 'returned-to-unit',
        attemptedBy: agencyHead,
        attemptedAt: bj('2025-03-05 10:00').toISOString(),
        code: 'REVIEW.REVIEW_NOT_PASSED',
      },
    });
    const never = decisionGate(null, { caseNo: 'X-1', actor: agencyHead, at: bj('2025-03-05 10:00') });
    expect(never).toMatchObject({ allowed: false, attempt: { reviewId: null, reviewStatus: null } });
    const decided = Flow.withOpinion('approve', permitPolicy, permitSubmission).do(
      { type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: 'D' },
      bj('2025-03-05 10:00'),
    );
    expect(decisionGate(decided.current, { caseNo: 'x', actor: agencyHead, at: bj('2025-03-05 11:00') })).toEqual({
      allowed: true,
    });
  });

  it('L12: nothing is accepted after the review has ended', () => {
    const decided = Flow.withOpinion('approve', permitPolicy, permitSubmission).do(
      { type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: 'D' },
      bj('2025-03-05 10:00'),
    );
    expectRefusal(
      decided.current,
      { type: 'decide', actor: agencyHead, mode: 'agency-head-approval', decisionRef: 'D2' },
      bj('2025-03-05 11:00'),
      'REVIEW.WRONG_STATUS',
    );
    expectRefusal(
      decided.current,
      { type: 'withdraw', actor: unitHead, reason: '撤回' },
      bj('2025-03-05 11:00'),
      'REVIEW.WRONG_STATUS',
    );
  });
});

describe('roles and ownership (C1)', () => {
  it.each<[string, ReviewCommand]>([
    ['officer accepting materials', { type: 'acceptMaterials', actor: officer }],
    [
      'unit head pausing the clock',
      { type: 'pause', actor: unitHead, pauseId: 'p', kind: 'verification', reason: 'r' },
    ],
    ['legal advisor recording findings', { type: 'recordFindings', actor: advisor, findings: cleanFindings() }],
    ['reviewer deciding', { type: 'decide', actor: reviewer, mode: 'agency-head-approval', decisionRef: 'D' }],
    ['agency head approving an extension', { type: 'approveExtension', actor: agencyHead }],
    [
      'system timer drafting an opinion',
      { type: 'draftOpinion', actor: timer, opinion: 'approve', documentNo: 'N', summary: 's' },
    ],
  ])('C1: %s is refused with REVIEW.FORBIDDEN_ROLE', (_label, command) => {
    const error = expectRefusal(Flow.accepted().current, command, bj('2025-03-04 10:00'), 'REVIEW.FORBIDDEN_ROLE');
    expect(error.category).toBe('forbidden');
    expect(error.message_zh.length).toBeGreaterThan(0);
  });

  it('C1: another unit’s officer cannot supplement or withdraw this unit’s submission', () => {
    const flow = new Flow().do(submitCommand({ materials: [] }), bj('2025-03-03 09:00'));
    const stranger = { ...officer, unitId: OTHER_UNIT_ID };
    expectRefusal(
      flow.current,
      { type: 'withdraw', actor: otherUnitHead, reason: 'x' },
      bj('2025-03-03 10:00'),
      'REVIEW.NOT_HANDLING_UNIT',
    );
    const noticeAll = flow.do(
      { type: 'notifyMissingMaterials', actor: reviewer, missing: completeMaterials().map((m) => m.item) },
      bj('2025-03-03 10:00'),
    );
    expectRefusal(
      noticeAll.current,
      { type: 'supplement', actor: stranger, materials: completeMaterials() },
      bj('2025-03-03 11:00'),
      'REVIEW.NOT_HANDLING_UNIT',
    );
  });
});

describe('state and events are plain, deterministic data', () => {
  function fullFlow(): Flow {
    return new Flow(env({ expertPanelEstablished: true }))
      .do(
        submitCommand({ materials: completeMaterials().filter((m) => m.item !== 'procedure-records') }),
        bj('2025-03-03 09:00'),
      )
      .do({ type: 'notifyMissingMaterials', actor: reviewer, missing: ['procedure-records'] }, bj('2025-03-03 10:00'))
      .do(
        { type: 'supplement', actor: officer, materials: [{ item: 'procedure-records', documentRef: 'sha256:p' }] },
        bj('2025-03-04 10:00'),
      )
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-04 11:00'))
      .do(
        { type: 'pause', actor: reviewer, pauseId: 'p1', kind: 'verification', reason: '核实' },
        bj('2025-03-05 09:00'),
      )
      .do({ type: 'resume', actor: reviewer, pauseId: 'p1' }, bj('2025-03-05 17:00'))
      .do({ type: 'requestExtension', actor: reviewer, reason: '复杂' }, bj('2025-03-06 09:00'))
      .do({ type: 'approveExtension', actor: supervisor }, bj('2025-03-06 10:00'))
      .do(
        { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems('discretion') },
        bj('2025-03-06 11:00'),
      )
      .do(
        { type: 'draftOpinion', actor: reviewer, opinion: 'amend', documentNo: 'N1', summary: '变更裁量' },
        bj('2025-03-06 14:00'),
      )
      .do({ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }, bj('2025-03-06 15:00'))
      .do({ type: 'disagree', actor: unitHead, reasons: '不赞成' }, bj('2025-03-07 09:00'))
      .do({ type: 'requestExpertMeeting', actor: supervisor }, bj('2025-03-07 10:00'))
      .do(
        {
          type: 'recordExpertMeetingOutcome',
          actor: supervisor,
          agreed: true,
          agreedOpinion: 'amend',
          minutesRef: 'm',
        },
        bj('2025-03-10 10:00'),
      )
      .do(
        {
          type: 'resubmit',
          actor: officer,
          caseFacts: PENALTY_FACTS,
          materials: [{ item: 'draft-decision', documentRef: 'sha256:d2' }],
          note: '已变更',
          preliminaryReview: preliminaryReview(bj('2025-03-11 09:00')),
        },
        bj('2025-03-11 10:00'),
      )
      .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-12 10:00'))
      .do(
        { type: 'draftOpinion', actor: reviewer, opinion: 'approve', documentNo: 'N2', summary: '同意' },
        bj('2025-03-12 14:00'),
      )
      .do({ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }, bj('2025-03-12 15:00'))
      .do(
        { type: 'decide', actor: agencyHead, mode: 'collective-discussion', minutesRef: 'mm', decisionRef: 'D' },
        bj('2025-03-13 10:00'),
      );
  }

  it('L12: a full review — notice, supplement, pause, extension, disagreement, resubmission — ends with the gate open', () => {
    const flow = fullFlow();
    expect(flow.current.status).toBe('decided');
    expect(flow.current.rounds).toHaveLength(2);
    expect(flow.events.map((e) => e.type)).toEqual([
      'review.submitted.v1',
      'review.materials-requested.v1',
      'review.accepted.v1',
      'review.paused.v1',
      'review.resumed.v1',
      'review.extended.v1',
      'review.opinion-issued.v1',
      'review.opinion-issued.v1',
      'review.accepted.v1',
      'review.opinion-issued.v1',
      'review.concluded.v1',
    ]);
  });

  it('C3: state and events survive a JSON round trip unchanged at every step, and event ids are unique and deterministic', () => {
    const flow = fullFlow();
    expect(JSON.parse(JSON.stringify(flow.current))).toEqual(flow.current);
    expect(JSON.parse(JSON.stringify(flow.events))).toEqual(flow.events);
    const ids = flow.events.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fullFlow().events.map((e) => e.eventId)).toEqual(ids);
    expect(flow.current.revision).toBe(19);
  });

  it('C3: the reducer never mutates its input, and validate agrees with decide without changing anything', () => {
    const state = deepFreeze(Flow.accepted().current);
    const snapshot = JSON.stringify(state);
    const ok: ReviewCommand = { type: 'pause', actor: reviewer, pauseId: 'p', kind: 'verification', reason: '核实' };
    const bad: ReviewCommand = { type: 'resume', actor: reviewer, pauseId: 'nope' };
    expect(validate(state, ok, bj('2025-03-04 10:00'), env())).toBeUndefined();
    expect(validate(state, bad, bj('2025-03-04 10:00'), env())?.code).toBe('REVIEW.PAUSE_NOT_OPEN');
    expect(decide(state, ok, bj('2025-03-04 10:00'), env()).ok).toBe(true);
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});

describe('errors', () => {
  it('every error code has a category and actionable messages in both languages', () => {
    for (const code of REVIEW_ERROR_CODES) {
      const error = new ReviewRuleError(code, {});
      expect(['conflict', 'forbidden', 'invalid']).toContain(error.category);
      expect(error.message_zh.length).toBeGreaterThan(4);
      expect(error.message_en.length).toBeGreaterThan(4);
      expect(error).toBeInstanceOf(Error);
      expect(error.toJSON()).toEqual({
        code,
        category: error.category,
        message_zh: error.message_zh,
        message_en: error.message_en,
        details: {},
      });
    }
  });

  it('messages name the status and the command in the person’s language', () => {
    const error = expectRefusal(
      Flow.accepted().current,
      { type: 'acceptMaterials', actor: reviewer },
      bj('2025-03-04 10:00'),
      'REVIEW.WRONG_STATUS',
    );
    expect(error.message_zh).toBe('审核当前处于“审核中”状态，不能办理“受理”');
    expect(error.message_en).toBe('the review is under review; "accept materials" is not possible now');
  });
});
