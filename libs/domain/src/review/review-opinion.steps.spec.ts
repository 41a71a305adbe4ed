import type { ReviewFinding } from './findings.rules';
import { decide } from './review.machine';
import type { ReviewCommand } from './review.commands';
import {
  Flow,
  PENALTY_FACTS,
  agencyHead,
  bj,
  env,
  findingsWithProblems,
  officer,
  preliminaryReview,
  reviewer,
  sectionHead,
  unitHead,
} from './testing/review.fixtures';
import { currentDeadline } from './review.machine';
import type { ReviewActor } from './review.types';

function transferAfter(findings: ReviewFinding[], ground: 'beyond-powers' | 'suspected-crime') {
  const flow = Flow.accepted().do({ type: 'recordFindings', actor: reviewer, findings }, bj('2025-03-04 09:00'));
  return decide(
    flow.current,
    {
      type: 'draftOpinion',
      actor: reviewer,
      opinion: 'transfer',
      documentNo: 'N-T',
      summary: '移送',
      transfer: { to: ground === 'suspected-crime' ? '某市公安局' : '某市市场监督管理局', ground },
    },
    bj('2025-03-04 10:00'),
    env(),
  );
}

describe('transfer opinion (SPEC L9)', () => {
  it('L9: 超出本机关职权范围的，提出移送意见 — a transfer as beyond the powers needs the authority finding to say so', () => {
    const refused = transferAfter(findingsWithProblems('criminal-referral'), 'beyond-powers');
    expect(!refused.ok && refused.error.code).toBe('REVIEW.TRANSFER_GROUND_NOT_FOUND');
    expect(!refused.ok && refused.error.message_zh).toContain('超出本机关职权范围');
    expect(transferAfter(findingsWithProblems('authority'), 'beyond-powers').ok).toBe(true);
  });

  it('L9: 违法行为是否涉嫌犯罪需要移送司法机关 — a transfer for suspected crime needs the crime finding to say so', () => {
    const refused = transferAfter(findingsWithProblems('authority'), 'suspected-crime');
    expect(!refused.ok && refused.error.code).toBe('REVIEW.TRANSFER_GROUND_NOT_FOUND');
    expect(!refused.ok && refused.error.message_en).toContain('suspected crime');
    const other = transferAfter(findingsWithProblems('other'), 'suspected-crime');
    expect(!other.ok && other.error.code).toBe('REVIEW.TRANSFER_GROUND_NOT_FOUND');
    expect(transferAfter(findingsWithProblems('criminal-referral'), 'suspected-crime').ok).toBe(true);
  });
});

/** Findings of a suspected crime and the section's transfer opinion, drafted and re-reviewed Tuesday 2025-03-04. */
function transferIssued(environment = env()): Flow {
  return Flow.accepted(environment)
    .do(
      { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems('criminal-referral') },
      bj('2025-03-04 09:00'),
    )
    .do(
      {
        type: 'draftOpinion',
        actor: reviewer,
        opinion: 'transfer',
        documentNo: 'N-T',
        summary: '涉嫌犯罪，移送公安机关',
        transfer: { to: '某市公安局', ground: 'suspected-crime' },
      },
      bj('2025-03-04 15:00'),
    )
    .do({ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }, bj('2025-03-04 16:00'));
}

function refusal(flow: Flow, command: ReviewCommand, at: Date, environment = env()) {
  const result = decide(flow.current, command, at, environment);
  if (result.ok) throw new Error(`${command.type} was accepted`);
  return result.error;
}

describe('every opinion can be disputed, a transfer included (SPEC L9, L11)', () => {
  it('L11: 对政策法规科出具的审核意见不赞成的 — a transfer opinion does not end the review; the unit may dispute it', () => {
    const flow = transferIssued();
    expect(flow.current.status).toBe('returned-to-unit');
    expect(flow.events.map((e) => e.type)).not.toContain('review.concluded.v1');
    flow.do({ type: 'disagree', actor: unitHead, reasons: '不属于涉嫌犯罪' }, bj('2025-03-05 09:00'));
    // No expert panel yet: 直接提交本机关领导集体讨论决定.
    expect(flow.current.status).toBe('collective-discussion');
  });

  it('L11: 对政策法规科出具的审核意见不赞成的 — the leadership upholding the transfer makes it final', () => {
    const flow = transferIssued()
      .do({ type: 'disagree', actor: unitHead, reasons: '不属于涉嫌犯罪' }, bj('2025-03-05 09:00'))
      .do(
        {
          type: 'recordCollectiveDiscussion',
          actor: agencyHead,
          resolvedOpinion: 'transfer',
          transfer: { to: '某市公安局', ground: 'suspected-crime' },
          minutesRef: 'sha256:minutes',
        },
        bj('2025-03-06 09:00'),
      );
    expect(flow.current.status).toBe('transferred');
    expect(flow.events.at(-1)).toMatchObject({ type: 'review.concluded.v1', payload: { outcome: 'transferred' } });
  });

  it('L11: 对政策法规科出具的审核意见不赞成的 — the leadership may replace the transfer with another opinion', () => {
    const flow = transferIssued()
      .do({ type: 'disagree', actor: unitHead, reasons: '不属于涉嫌犯罪' }, bj('2025-03-05 09:00'))
      .do(
        { type: 'recordCollectiveDiscussion', actor: agencyHead, resolvedOpinion: 'amend', minutesRef: 'sha256:m' },
        bj('2025-03-06 09:00'),
      );
    expect(flow.current.status).toBe('returned-to-unit');
    expect(refusal(flow, { type: 'acceptTransfer', actor: unitHead }, bj('2025-03-06 10:00')).code).toBe(
      'REVIEW.NO_TRANSFER_OPINION',
    );
  });

  it('L9: 移送 — the unit head accepting the transfer makes it final; it cannot be resubmitted instead', () => {
    const flow = transferIssued();
    const resubmit: ReviewCommand = {
      type: 'resubmit',
      actor: officer,
      caseFacts: PENALTY_FACTS,
      materials: [],
      note: '重新报送',
      preliminaryReview: preliminaryReview(bj('2025-03-05 08:00')),
    };
    expect(refusal(flow, resubmit, bj('2025-03-05 09:00')).code).toBe('REVIEW.TRANSFER_OPINION_IN_FORCE');
    expect(refusal(flow, { type: 'acceptTransfer', actor: officer }, bj('2025-03-05 09:00')).code).toBe(
      'REVIEW.FORBIDDEN_ROLE',
    );
    flow.do({ type: 'acceptTransfer', actor: unitHead }, bj('2025-03-05 09:00'));
    expect(flow.current).toMatchObject({
      status: 'transferred',
      transferAcceptance: { at: bj('2025-03-05 09:00').toISOString(), by: unitHead.id },
    });
  });
});

describe('resubmission after a returning opinion (SPEC L2)', () => {
  const resubmit = (signedAt: Date | null, outcome: 'passed' | 'not-passed' = 'passed'): ReviewCommand => ({
    type: 'resubmit',
    actor: officer,
    caseFacts: PENALTY_FACTS,
    materials: [{ item: 'draft-decision', documentRef: 'sha256:draft-2' }],
    note: '已按意见变更裁量',
    preliminaryReview: signedAt === null ? null : { ...preliminaryReview(signedAt), outcome },
  });

  it('L2: 初审通过并出具初审文书后…报送 — a resubmission without a new preliminary review is refused', () => {
    const flow = Flow.withOpinion('amend');
    expect(refusal(flow, resubmit(null), bj('2025-03-10 10:00')).code).toBe('REVIEW.PRELIMINARY_REVIEW_MISSING');
    expect(refusal(flow, resubmit(bj('2025-03-10 09:00'), 'not-passed'), bj('2025-03-10 10:00')).code).toBe(
      'REVIEW.PRELIMINARY_REVIEW_NOT_PASSED',
    );
  });

  it('L2: 初审通过并出具初审文书后…报送 — a sign-off from before the amend opinion is stale, in both languages', () => {
    const flow = Flow.withOpinion('amend');
    // The first submission's sign-off (2025-03-02) and one just before the opinion (issued 2025-03-04 16:00).
    for (const signedAt of [bj('2025-03-02 17:00'), bj('2025-03-04 15:59')]) {
      const error = refusal(flow, resubmit(signedAt), bj('2025-03-10 10:00'));
      expect(error.code).toBe('REVIEW.PRELIMINARY_REVIEW_STALE');
      expect(error.message_zh).toContain('重新初审');
      expect(error.message_en).toContain('signed after the opinion was issued');
    }
  });

  it('L2: 初审通过并出具初审文书后…报送 — a new passed sign-off opens round 2 and is kept on it', () => {
    const signedAt = bj('2025-03-10 09:00');
    const flow = Flow.withOpinion('amend').do(resubmit(signedAt), bj('2025-03-10 10:00'));
    expect(flow.current.status).toBe('under-review');
    expect(flow.current.rounds[1]).toMatchObject({ round: 2, preliminaryReview: { signedAt: signedAt.toISOString() } });
  });
});

describe('初审、复审 inside the legal section (SPEC L9)', () => {
  const secondReviewer: ReviewActor = { ...reviewer, id: 'u-reviewer-xu' };
  const draft = (actor: ReviewActor = reviewer, opinion: 'approve' | 'amend' = 'approve'): ReviewCommand => ({
    type: 'draftOpinion',
    actor,
    opinion,
    documentNo: '某民法审〔2025〕7号',
    summary: opinion === 'approve' ? '事实清楚，同意' : '裁量过重，建议变更',
  });
  const reReview = (actor: ReviewActor, decision: 'approve' | 'send-back', reasons?: string): ReviewCommand => ({
    type: 'reReviewOpinion',
    actor,
    decision,
    ...(reasons === undefined ? {} : { reasons }),
  });
  const withFindings = (...problems: Parameters<typeof findingsWithProblems>) =>
    Flow.accepted().do(
      { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems(...problems) },
      bj('2025-03-04 09:00'),
    );

  it('L9: 初审、复审 — an opinion drafted by one reviewer is issued only after a second person re-reviews and signs it', () => {
    const flow = withFindings().do(draft(), bj('2025-03-04 10:00'));
    const drafted = flow.current;
    expect(drafted.status).toBe('opinion-drafted');
    expect(drafted.rounds[0]).toMatchObject({
      opinion: null,
      draft: { type: 'approve', draftedBy: reviewer.id, draftedAt: bj('2025-03-04 10:00').toISOString() },
    });
    expect(flow.events.map((e) => e.type)).not.toContain('review.opinion-issued.v1');
    // A draft is not a passed review: nothing may be decided on it.
    const decideNow: ReviewCommand = {
      type: 'decide',
      actor: agencyHead,
      mode: 'agency-head-approval',
      decisionRef: 'd',
    };
    expect(refusal(flow, decideNow, bj('2025-03-04 11:00')).code).toBe('REVIEW.REVIEW_NOT_PASSED');
    // Another legal reviewer signs as 复审 — the section head may too (see the send-back test).
    flow.do(reReview(secondReviewer, 'approve'), bj('2025-03-04 14:00'));
    expect(flow.current.status).toBe('opinion-issued');
    expect(flow.events.at(-1)).toMatchObject({
      type: 'review.opinion-issued.v1',
      actorId: secondReviewer.id,
      payload: { opinion: 'approve', documentRef: '某民法审〔2025〕7号', settledBy: 'legal-section', overdue: false },
    });
    const round = flow.current.rounds[0];
    expect(round.draft).toBeNull();
    expect(round.opinion).toMatchObject({
      type: 'approve',
      issuedBy: secondReviewer.id,
      issuedAt: bj('2025-03-04 14:00').toISOString(),
      draftedBy: reviewer.id,
      draftedAt: bj('2025-03-04 10:00').toISOString(),
      reReviewedBy: secondReviewer.id,
      reReviewedAs: 'legal-reviewer',
      reReviewedAt: bj('2025-03-04 14:00').toISOString(),
    });
    expect(JSON.parse(JSON.stringify(flow.current))).toEqual(flow.current);
  });

  it('L9: the drafter cannot re-review their own opinion', () => {
    for (const drafter of [reviewer, sectionHead]) {
      const flow = withFindings().do(draft(drafter), bj('2025-03-04 10:00'));
      for (const decision of ['approve', 'send-back'] as const) {
        const error = refusal(flow, reReview(drafter, decision, '自己退回'), bj('2025-03-04 11:00'));
        expect(error.code).toBe('REVIEW.SAME_PERSON_RE_REVIEW');
        expect(error.category).toBe('forbidden');
        expect(error.message_zh).toContain(`由 ${drafter.id} 初审拟定`);
        expect(error.message_en).toContain('another legal reviewer or the legal-section head must re-review');
      }
      expect(flow.current.status).toBe('opinion-drafted');
    }
  });

  it('L9: a send-back needs reasons and returns the opinion to drafting', () => {
    const flow = withFindings('discretion').do(draft(reviewer, 'amend'), bj('2025-03-04 10:00'));
    for (const reasons of [undefined, '  ']) {
      const error = refusal(flow, reReview(sectionHead, 'send-back', reasons), bj('2025-03-04 11:00'));
      expect(error.code).toBe('REVIEW.SEND_BACK_REASONS_REQUIRED');
      expect(error.message_zh).toContain('须写明理由');
      expect(error.message_en).toContain('needs the reasons');
    }
    flow.do(reReview(sectionHead, 'send-back', '理由不充分，请补充裁量基准'), bj('2025-03-04 11:00'));
    expect(flow.current.status).toBe('under-review');
    expect(flow.current.rounds[0]).toMatchObject({
      draft: null,
      opinion: null,
      sendBacks: [
        {
          draft: { type: 'amend', draftedBy: reviewer.id },
          sentBackBy: sectionHead.id,
          sentBackAt: bj('2025-03-04 11:00').toISOString(),
          reasons: '理由不充分，请补充裁量基准',
        },
      ],
    });
    // Back in drafting: nothing to re-review until the next draft; the drafter may redraft and the head signs.
    expect(refusal(flow, reReview(sectionHead, 'approve'), bj('2025-03-04 12:00')).code).toBe('REVIEW.WRONG_STATUS');
    flow
      .do(draft(reviewer, 'amend'), bj('2025-03-04 13:00'))
      .do(reReview(sectionHead, 'approve'), bj('2025-03-04 14:00'));
    expect(flow.current.status).toBe('returned-to-unit');
    expect(flow.current.rounds[0].opinion).toMatchObject({
      draftedAt: bj('2025-03-04 13:00').toISOString(),
      reReviewedBy: sectionHead.id,
      reReviewedAs: 'legal-section-head',
    });
    expect(flow.current.rounds[0].sendBacks).toHaveLength(1);
  });

  it('L9: drafting applies every check an issued opinion has — findings, advisor opinions, the transfer ground', () => {
    expect(refusal(Flow.accepted(), draft(), bj('2025-03-04 10:00')).code).toBe('REVIEW.FINDINGS_INCOMPLETE');
    expect(refusal(withFindings('discretion'), draft(), bj('2025-03-04 10:00')).code).toBe(
      'REVIEW.OPINION_CONTRADICTS_FINDINGS',
    );
    const advised = withFindings().do(
      { type: 'attachAdvisorOpinion', actor: reviewer, opinionId: 'a1', advisorName: '某律所', documentRef: 'r' },
      bj('2025-03-04 09:30'),
    );
    expect(refusal(advised, draft(), bj('2025-03-04 10:00')).code).toBe('REVIEW.ADVISOR_OPINION_NOT_REVIEWED');
    const paused = withFindings().do(
      { type: 'pause', actor: reviewer, pauseId: 'p1', kind: 'verification', reason: '核实' },
      bj('2025-03-04 09:30'),
    );
    expect(refusal(paused, draft(), bj('2025-03-04 10:00')).code).toBe('REVIEW.PAUSES_OPEN');
  });

  it('L9: 初审、复审 happen inside the running review limit — no pause, and a late re-review is overdue (L13)', () => {
    const running = withFindings();
    const limit = currentDeadline(running.current, env());
    const flow = withFindings().do(draft(), bj('2025-03-04 10:00'));
    expect(currentDeadline(flow.current, env())).toEqual(limit);
    // The clock cannot be stopped while the draft waits, and only people of the legal section act on it.
    const pause: ReviewCommand = { type: 'pause', actor: reviewer, pauseId: 'p', kind: 'verification', reason: 'x' };
    expect(refusal(flow, pause, bj('2025-03-04 11:00')).code).toBe('REVIEW.WRONG_STATUS');
    expect(refusal(flow, reReview(unitHead, 'approve'), bj('2025-03-04 11:00')).code).toBe('REVIEW.FORBIDDEN_ROLE');
    expect(refusal(flow, draft(sectionHead), bj('2025-03-04 11:00')).code).toBe('REVIEW.WRONG_STATUS');
    const late = new Date(limit!.getTime() + 60_000);
    flow.do(reReview(sectionHead, 'approve'), late);
    expect(flow.current.rounds[0].opinion?.overdue).toBe(true);
  });
});
