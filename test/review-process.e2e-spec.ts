import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DEMO_CIVIL_AFFAIRS_CATALOGUE, type MajorDecisionCatalogue } from '@enforcement/domain';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { civilDate } from '@enforcement/workdays';
import {
  bearer,
  catalogueVersionInForce,
  expectStatus,
  findings,
  gateway,
  materials,
  PARTY_NAME,
  PENALTY_FACTS,
  ReviewJourney,
  reviewRows,
} from '../apps/gateway/src/reviews/testing/review-journey';

/** The accountability record of a refused decision attempt (L12), once review-svc has stored it. */
async function decisionAttemptRow(attemptId: string, columns: string): Promise<Record<string, unknown>> {
  const [row] = await eventually(async () => {
    const rows = await reviewRows<Record<string, unknown>>(
      `select ${columns} from decision_attempts where attempt_id = $1`,
      [attemptId],
    );
    return rows.length ? rows : undefined;
  }, `decision attempt ${attemptId} in decision_attempts`);
  return row;
}

const collectiveDecision = (ref: string) => ({
  mode: 'collective-discussion',
  minutesRef: `局长办公会纪要〔2026〕${ref}`,
  decisionRef: `衡民罚决〔2026〕${ref}`,
});

/**
 * Publishes `catalogue` (its version dropped: the server assigns the next one) as agency IT, effective today, and
 * returns the version number it got.
 */
async function publishCatalogue(catalogue: MajorDecisionCatalogue, adoptedBy: string): Promise<number> {
  const { version: _version, ...body } = { ...catalogue, effectiveFrom: civilDate(new Date()), adoptedBy };
  const res = await request(gateway)
    .put('/api/v1/catalogue')
    .set('authorization', await bearer('u-agency-it'))
    .send(body);
  return expectStatus(res, 200).body.catalogue.version as number;
}

async function catalogueInForce(): Promise<MajorDecisionCatalogue> {
  const res = await request(gateway)
    .get('/api/v1/catalogue')
    .set('authorization', await bearer('u-agency-it'));
  return expectStatus(res, 200).body as MajorDecisionCatalogue;
}

describe('legal review of a major decision through the gateway (SPEC L)', () => {
  it('L1, L2, L6, L8, L9, L12: submit → accept → findings → approve → collective decision opens the decision gate', async () => {
    const journey = await ReviewJourney.initiated();
    const submitted = expectStatus(await journey.submit(), 201).body;
    expect(submitted).toMatchObject({
      caseNo: journey.caseNo,
      workflowId: `review:${journey.caseNo}`,
      majorDecision: {
        mandatory: true,
        catalogueVersion: await catalogueVersionInForce(),
        entries: [{ entryId: 'penalty-large-fine' }],
      },
    });
    expect(submitted.reviewId).toMatch(/^[0-9a-f-]{36}$/);
    expect(submitted.view).toMatchObject({
      reviewId: submitted.reviewId,
      unitId: 'unit-enforcement-1',
      status: 'submitted',
      step: 'acceptance',
      nextActorRoles: ['legal-reviewer', 'legal-section-head'],
    });

    const again = expectStatus(await journey.submit(), 409).body;
    expect(again.code).toBe('REVIEW.ALREADY_SUBMITTED');
    expect(again.message.zh).toMatch(/不能重复报送/);

    const accepted = expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200).body;
    expect(accepted).toMatchObject({
      status: 'under-review',
      step: 'review',
      round: 1,
      deadlineKind: 'review',
      nextActorRoles: ['legal-reviewer', 'legal-section-head'],
    });
    expect(Date.parse(accepted.deadline)).toBeGreaterThan(Date.now());
    expect(accepted.workdaysLeft).toBeGreaterThanOrEqual(1);

    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    // L9 初审、复审: the reviewer drafts, the section head re-reviews and signs; only then is the opinion issued.
    const drafted = expectStatus(
      await journey.command('u-legal-reviewer', 'opinion-draft', {
        opinion: 'approve',
        documentNo: `法审〔2026〕${journey.caseNo}`,
        summary: '事实清楚，证据确凿，适用依据正确，程序合法，同意',
      }),
      200,
    ).body;
    expect(drafted).toMatchObject({ status: 'opinion-drafted', step: 're-review', opinion: null });
    const opinion = expectStatus(
      await journey.command('u-legal-head', 'opinion-re-review', { decision: 'approve' }),
      200,
    ).body;
    expect(opinion).toMatchObject({
      status: 'opinion-issued',
      step: 'decision',
      opinion: { type: 'approve', settledBy: 'legal-section' },
      mayIssueDecision: false,
    });

    // L9: the opinion document in its two registered copies, downloaded through the gateway and checked byte for byte.
    const documents = expectStatus(await journey.opinionDocuments('u-officer-1'), 200).body as {
      copy: string;
      sha256: string;
      size: number;
      documentNo: string;
    }[];
    expect(documents.map((d) => [d.copy, d.documentNo])).toEqual([
      ['handling-unit-with-case-file', `法审〔2026〕${journey.caseNo}`],
      ['legal-section-archive', `法审〔2026〕${journey.caseNo}`],
    ]);
    const pdfs: Buffer[] = [];
    for (const listed of documents) {
      const res = expectStatus(await journey.opinionDocument('u-legal-reviewer', listed.copy), 200);
      const pdf = res.body as Buffer;
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBe(listed.size);
      expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(pdf).digest('hex'));
      expect(res.headers['x-content-sha256']).toBe(listed.sha256);
      pdfs.push(pdf);
    }
    expect(pdfs[0].equals(pdfs[1])).toBe(false);
    // It names the agency (catalogue in force), the case (as initiated) and the party (the case record's, issue 9).
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdfs[0] }).toString('utf8');
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain(DEMO_CIVIL_AFFAIRS_CATALOGUE.agencyName);
    expect(squeezed).toContain(`法制审核测试${journey.caseNo}`);
    expect(squeezed).toContain(`${PARTY_NAME}（单位）`);
    // L9: both names are on the opinion document — the drafter (初审) and the re-reviewer (复审).
    expect(squeezed).toContain('审核人员（初审）：u-legal-reviewer');
    expect(squeezed).toContain('审核人员（复审）：u-legal-head');
    expect(opinion.opinionDocument).toEqual({
      round: 1,
      documentNo: `法审〔2026〕${journey.caseNo}`,
      copies: documents.map(({ copy, sha256 }) => ({ copy, sha256 })),
    });

    // A major penalty is decided by the collective discussion, not by the agency head alone (policy default).
    const alone = await journey.command('u-agency-head', 'decision', {
      mode: 'agency-head-approval',
      decisionRef: 'x',
    });
    expect([alone.status, alone.body.code]).toEqual([400, 'REVIEW.COLLECTIVE_DISCUSSION_REQUIRED']);

    const decided = expectStatus(
      await journey.command('u-leadership-meeting', 'decision', collectiveDecision(journey.caseNo)),
      200,
    ).body;
    expect(decided).toMatchObject({ status: 'decided', step: 'closed', mayIssueDecision: true, nextActorRoles: [] });

    const gate = expectStatus(
      await journey.command('u-officer-1', 'decision-attempts', { decisionRef: `衡民罚决〔2026〕${journey.caseNo}` }),
      200,
    ).body;
    expect(gate).toMatchObject({
      allowed: true,
      decision: { mode: 'collective-discussion', decidedBy: 'u-leadership-meeting' },
    });
    expect(expectStatus(await journey.view('u-officer-1'), 200).body).toMatchObject({ status: 'decided' });
  }, 60_000);

  it('L4, L5: missing materials are notified all in one notice, supplemented once, and then accepted', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(
      await journey.submit({ materials: materials(PENALTY_FACTS, ['party-statement', 'discretion-reasons']) }),
      201,
    );

    const early = expectStatus(await journey.command('u-legal-reviewer', 'accept'), 409).body;
    expect(early.code).toBe('REVIEW.MATERIALS_INCOMPLETE');
    expect(early.message.zh).toMatch(/当事人陈述/);

    const partial = await journey.command('u-legal-reviewer', 'missing-materials', { missing: ['party-statement'] });
    expect([partial.status, partial.body.code]).toEqual([400, 'REVIEW.NOTICE_INCOMPLETE']);

    const notified = expectStatus(
      await journey.command('u-legal-reviewer', 'missing-materials', {
        missing: ['party-statement', 'discretion-reasons'],
      }),
      200,
    ).body;
    expect(notified).toMatchObject({
      status: 'awaiting-supplement',
      step: 'supplement',
      deadlineKind: 'supplement',
      nextActorRoles: ['officer', 'unit-head'],
    });
    expect(notified.workdaysLeft).toBeGreaterThanOrEqual(1);

    const supplemented = expectStatus(
      await journey.command('u-officer-1', 'supplement', {
        materials: [
          { item: 'party-statement', documentRef: 'sha256:statement' },
          { item: 'discretion-reasons', documentRef: 'sha256:reasons' },
        ],
      }),
      200,
    ).body;
    expect(supplemented.status).toBe('submitted');
    const accepted = expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200).body;
    expect(accepted).toMatchObject({ status: 'under-review', round: 1 });
  }, 60_000);

  it('L5: still incomplete after the one supplement — not accepted, and the review ends', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(
      await journey.submit({ materials: materials(PENALTY_FACTS, ['party-statement', 'discretion-reasons']) }),
      201,
    );
    expectStatus(
      await journey.command('u-legal-reviewer', 'missing-materials', {
        missing: ['party-statement', 'discretion-reasons'],
      }),
      200,
    );
    const ended = expectStatus(
      await journey.command('u-unit-head-1', 'supplement', {
        materials: [{ item: 'party-statement', documentRef: 'sha256:statement' }],
      }),
      200,
    ).body;
    expect(ended).toMatchObject({
      status: 'not-accepted',
      step: 'closed',
      nextActorRoles: [],
      mayIssueDecision: false,
    });

    const late = await journey.command('u-legal-reviewer', 'accept');
    expect([late.status, late.body.code]).toEqual([409, 'REVIEW.WRONG_STATUS']);
  }, 60_000);

  it('L5, C3: an illegal transition — a second supplement — is refused with 409 in both languages and changes nothing', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(await journey.submit({ materials: materials(PENALTY_FACTS, ['party-statement']) }), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'missing-materials', { missing: ['party-statement'] }), 200);
    const supplement = { materials: [{ item: 'party-statement', documentRef: 'sha256:statement' }] };
    expectStatus(await journey.command('u-officer-1', 'supplement', supplement), 200);
    const before = expectStatus(await journey.view(), 200).body;

    const second = expectStatus(await journey.command('u-officer-1', 'supplement', supplement), 409).body;
    expect(second).toMatchObject({
      statusCode: 409,
      code: 'REVIEW.SUPPLEMENT_ALREADY_USED',
      message: { zh: '材料补正只能提交一次', en: 'materials can be supplemented only once' },
      requestId: expect.any(String),
    });

    const after = expectStatus(await journey.view(), 200).body;
    expect({ ...after, asOf: undefined, workdaysLeft: undefined }).toEqual({
      ...before,
      asOf: undefined,
      workdaysLeft: undefined,
    });
  }, 60_000);

  it('L9: an amend opinion returns the case; the unit resubmits and the second round is approved and decided', async () => {
    const journey = await ReviewJourney.withOpinion('amend', ['legal-basis']);
    const returned = expectStatus(await journey.view('u-officer-1'), 200).body;
    expect(returned).toMatchObject({
      status: 'returned-to-unit',
      step: 'unit-response',
      opinion: { type: 'amend' },
      nextActorRoles: ['officer', 'unit-head'],
    });

    // L2: a resubmission rests on the unit head's new preliminary review, signed after the amend opinion.
    const stale = await journey.command('u-officer-1', 'resubmit', {
      caseFacts: PENALTY_FACTS,
      materials: [{ item: 'facts-and-legal-basis', documentRef: 'sha256:basis-v2' }],
      note: '已按审核意见更正适用的法律条款',
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'REVIEW.PRELIMINARY_REVIEW_STALE']);
    expectStatus(await journey.signPreliminaryReview('passed'), 201);
    const resubmitted = expectStatus(
      await journey.command('u-officer-1', 'resubmit', {
        caseFacts: PENALTY_FACTS,
        materials: [{ item: 'facts-and-legal-basis', documentRef: 'sha256:basis-v2' }],
        note: '已按审核意见更正适用的法律条款',
      }),
      200,
    ).body;
    expect(resubmitted).toMatchObject({ status: 'under-review', round: 2, deadlineKind: 'review' });

    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    const approved = expectStatus(
      await journey.opinion({
        opinion: 'approve',
        documentNo: `法审〔2026〕${journey.caseNo}-2`,
        summary: '更正后同意',
      }),
      200,
    ).body;
    expect(approved).toMatchObject({ status: 'opinion-issued', round: 2 });
    const decided = expectStatus(
      await journey.command('u-leadership-meeting', 'decision', collectiveDecision(journey.caseNo)),
      200,
    ).body;
    expect(decided.mayIssueDecision).toBe(true);
  }, 60_000);

  it('L9: 初审、复审 — an opinion drafted by one reviewer is issued only after a second person re-reviews and signs it; the drafter cannot re-review it, and a send-back needs reasons', async () => {
    const journey = await ReviewJourney.accepted();
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings('discretion') }), 200);
    const draft = { opinion: 'amend', documentNo: `法审〔2026〕${journey.caseNo}`, summary: '裁量过重，建议变更' };
    const drafted = expectStatus(await journey.command('u-legal-head', 'opinion-draft', draft), 200).body;
    expect(drafted).toMatchObject({
      status: 'opinion-drafted',
      step: 're-review',
      nextActorRoles: ['legal-reviewer', 'legal-section-head'],
      deadlineKind: 'review',
      opinion: null,
    });

    // The drafter cannot re-review their own opinion, whatever they decide.
    const own = await journey.command('u-legal-head', 'opinion-re-review', { decision: 'approve' });
    expect([own.status, own.body.code]).toEqual([403, 'REVIEW.SAME_PERSON_RE_REVIEW']);
    expect(own.body.message.zh).toContain('复审须由另一名法制审核人员或法制机构负责人办理');
    expect(own.body.message.en).toContain('another legal reviewer or the legal-section head must re-review');
    // A send-back needs reasons; with them the opinion goes back to drafting.
    const bare = await journey.command('u-legal-reviewer', 'opinion-re-review', { decision: 'send-back' });
    expect([bare.status, bare.body.code]).toEqual([400, 'REVIEW.SEND_BACK_REASONS_REQUIRED']);
    const sentBack = expectStatus(
      await journey.command('u-legal-reviewer', 'opinion-re-review', {
        decision: 'send-back',
        reasons: '未写明裁量基准条款',
      }),
      200,
    ).body;
    expect(sentBack).toMatchObject({ status: 'under-review', step: 'review', opinion: null });
    expect(sentBack.history.map((e: { type: string }) => e.type).slice(-2)).toEqual([
      'review.draftOpinion',
      'review.reReviewOpinion',
    ]);
    // Nothing to re-review now; the old one-step route is gone.
    const early = await journey.command('u-legal-reviewer', 'opinion-re-review', { decision: 'approve' });
    expect([early.status, early.body.code]).toEqual([409, 'REVIEW.WRONG_STATUS']);
    expect((await journey.command('u-legal-head', 'opinion', draft)).status).toBe(404);

    expectStatus(
      await journey.command('u-legal-head', 'opinion-draft', { ...draft, summary: '依裁量基准第五条，建议变更' }),
      200,
    );
    const issued = expectStatus(
      await journey.command('u-legal-reviewer', 'opinion-re-review', { decision: 'approve' }),
      200,
    ).body;
    expect(issued).toMatchObject({
      status: 'returned-to-unit',
      opinion: { type: 'amend', settledBy: 'legal-section' },
    });
    // L9: both names are on the opinion document; a peer re-review prints no section-head line.
    const [listed] = expectStatus(await journey.opinionDocuments('u-officer-1'), 200).body as { copy: string }[];
    const pdf = expectStatus(await journey.opinionDocument('u-officer-1', listed.copy), 200).body as Buffer;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('审核人员（初审）：u-legal-head');
    expect(text).toContain('审核人员（复审）：u-legal-reviewer');
    expect(text).toContain('依裁量基准第五条，建议变更');
    expect(text).not.toContain('法制机构负责人：');
  }, 90_000);

  it('L11: a disputed opinion goes to the leadership’s collective discussion — directly, while the agency has no expert panel', async () => {
    const journey = await ReviewJourney.withOpinion('reinvestigate', ['facts-and-evidence']);

    // Disputing commits the unit as a whole: its head only.
    const byOfficer = await journey.command('u-officer-1', 'disagreement', { reasons: '证据已充分' });
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    const disputed = expectStatus(
      await journey.command('u-unit-head-1', 'disagreement', { reasons: '现有证据足以认定违法事实' }),
      200,
    ).body;
    // DEFAULT_REVIEW_POLICY: no expert panel yet (Annex 3: 直接提交本机关领导集体讨论决定).
    expect(disputed).toMatchObject({ status: 'collective-discussion', step: 'collective-discussion' });

    const meeting = await journey.command('u-supervising-leader', 'expert-meeting');
    expect([meeting.status, meeting.body.code]).toEqual([409, 'REVIEW.NO_EXPERT_PANEL']);
    const outcome = await journey.command('u-supervising-leader', 'expert-meeting/outcome', {
      agreed: false,
      minutesRef: '专家论证会纪要',
    });
    expect(outcome.status).toBe(409);

    const noMinutes = await journey.command('u-agency-head', 'collective-discussion', { resolvedOpinion: 'approve' });
    expect([noMinutes.status, noMinutes.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const settled = expectStatus(
      await journey.command('u-agency-head', 'collective-discussion', {
        resolvedOpinion: 'approve',
        minutesRef: `局长办公会纪要〔2026〕${journey.caseNo}`,
      }),
      200,
    ).body;
    expect(settled).toMatchObject({
      status: 'opinion-issued',
      opinion: { type: 'approve', settledBy: 'collective-discussion' },
    });
    const decided = expectStatus(
      await journey.command('u-leadership-meeting', 'decision', collectiveDecision(journey.caseNo)),
      200,
    ).body;
    expect(decided.status).toBe('decided');
  }, 60_000);

  it('L11, L1: with an expert panel adopted in the catalogue, a disagreement goes to the expert meeting first and, without agreement, to collective discussion', async () => {
    // The agency adopts an expert panel with its next catalogue version. The review takes its settings from the
    // version in force when it is submitted, so the demo catalogue (no panel) is put back as soon as it is: other
    // tests on this stack, such as the "no expert panel" one above, never meet the panel.
    const current = await catalogueInForce();
    expect(current.reviewPolicy?.expertPanelEstablished).not.toBe(true);
    const journey = await ReviewJourney.initiated('EXP');
    try {
      const withPanel = await publishCatalogue(
        { ...current, reviewPolicy: { ...current.reviewPolicy, expertPanelEstablished: true } },
        `某民发〔2026〕专家论证-${journey.caseNo}（演示）`,
      );
      const inForce = await catalogueInForce();
      expect(inForce).toMatchObject({ version: withPanel, reviewPolicy: { expertPanelEstablished: true } });
      const submitted = expectStatus(await journey.submit(), 201).body;
      expect(submitted.majorDecision).toMatchObject({ mandatory: true, catalogueVersion: withPanel });
    } finally {
      const restored = await publishCatalogue(
        DEMO_CIVIL_AFFAIRS_CATALOGUE,
        `某民发〔2026〕恢复-${journey.caseNo}（演示）`,
      );
      expect((await catalogueInForce()).version).toBe(restored);
    }
    expect((await catalogueInForce()).reviewPolicy).toBeUndefined();

    // The settings were fixed in the review's workflow input at submission: the restored catalogue changes nothing.
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    expectStatus(
      await journey.command('u-legal-reviewer', 'findings', { findings: findings('facts-and-evidence') }),
      200,
    );
    const returned = expectStatus(
      await journey.opinion({
        opinion: 'reinvestigate',
        documentNo: `法审〔2026〕${journey.caseNo}`,
        summary: '主要事实不清，证据不足，建议补充调查',
      }),
      200,
    ).body;
    expect(returned).toMatchObject({ status: 'returned-to-unit', step: 'unit-response' });

    const disputed = expectStatus(
      await journey.command('u-unit-head-1', 'disagreement', { reasons: '现有证据足以认定违法事实' }),
      200,
    ).body;
    // 专家论证会已成立: the dispute waits for the leader in charge to convene the expert meeting.
    expect(disputed).toMatchObject({
      status: 'disagreement',
      step: 'expert-meeting-request',
      nextActorRoles: ['supervising-leader'],
    });
    const early = await journey.command('u-agency-head', 'collective-discussion', {
      resolvedOpinion: 'approve',
      minutesRef: 'x',
    });
    expect([early.status, early.body.code]).toEqual([409, 'REVIEW.WRONG_STATUS']);

    const convened = expectStatus(await journey.command('u-supervising-leader', 'expert-meeting'), 200).body;
    expect(convened).toMatchObject({ status: 'expert-meeting', step: 'expert-meeting' });
    const noMinutes = await journey.command('u-supervising-leader', 'expert-meeting/outcome', { agreed: false });
    expect(noMinutes.status).toBe(400);

    const noAgreement = expectStatus(
      await journey.command('u-supervising-leader', 'expert-meeting/outcome', {
        agreed: false,
        minutesRef: `专家论证会纪要〔2026〕${journey.caseNo}`,
      }),
      200,
    ).body;
    expect(noAgreement).toMatchObject({ status: 'collective-discussion', step: 'collective-discussion' });

    const settled = expectStatus(
      await journey.command('u-leadership-meeting', 'collective-discussion', {
        resolvedOpinion: 'approve',
        minutesRef: `局长办公会纪要〔2026〕${journey.caseNo}-异议`,
      }),
      200,
    ).body;
    expect(settled).toMatchObject({
      status: 'opinion-issued',
      step: 'decision',
      opinion: { type: 'approve', settledBy: 'collective-discussion' },
      mayIssueDecision: false,
    });

    const decided = expectStatus(
      await journey.command('u-leadership-meeting', 'decision', collectiveDecision(journey.caseNo)),
      200,
    ).body;
    expect(decided).toMatchObject({ status: 'decided', step: 'closed', mayIssueDecision: true });
    const gate = expectStatus(
      await journey.command('u-officer-1', 'decision-attempts', { decisionRef: `衡民罚决〔2026〕${journey.caseNo}` }),
      200,
    ).body;
    expect(gate).toMatchObject({ allowed: true, decision: { mode: 'collective-discussion' } });
  }, 90_000);

  it('L12, L13: a decision attempted before the review passes is refused with 409 and recorded for accountability', async () => {
    const journey = await ReviewJourney.accepted();
    const decisionRef = `衡民罚决〔2026〕${journey.caseNo}`;

    const refused = expectStatus(await journey.command('u-officer-1', 'decision-attempts', { decisionRef }), 409).body;
    expect(refused).toMatchObject({
      code: 'REVIEW.REVIEW_NOT_PASSED',
      message: {
        zh: expect.stringContaining('不得作出重大执法决定'),
        en: expect.stringContaining('no major decision'),
      },
      details: { attemptId: expect.any(String), recorded: true },
    });

    const row = await decisionAttemptRow(
      refused.details.attemptId,
      'case_no, review_status, attempted_by, attempted_role, attempted_unit_id, code, decision_ref',
    );
    expect(row).toEqual({
      case_no: journey.caseNo,
      review_status: 'under-review',
      attempted_by: 'u-officer-1',
      attempted_role: 'officer',
      attempted_unit_id: 'unit-enforcement-1',
      code: 'REVIEW.REVIEW_NOT_PASSED',
      decision_ref: decisionRef,
    });
    await expect(
      reviewRows('delete from decision_attempts where attempt_id = $1', [refused.details.attemptId]),
    ).rejects.toThrow(/permission denied for table/);

    // The decision itself is refused too, and the review is untouched by both.
    const decide = await journey.command('u-leadership-meeting', 'decision', collectiveDecision(journey.caseNo));
    expect([decide.status, decide.body.code]).toEqual([409, 'REVIEW.REVIEW_NOT_PASSED']);
    const view = expectStatus(await journey.view(), 200).body;
    expect(view).toMatchObject({ status: 'under-review', mayIssueDecision: false });
    expect(view.history.map((h: { type: string }) => h.type)).toContain('review.decision-attempt-refused.v1');
  }, 60_000);

  it('L12, L13: a decision attempted on a case never submitted for review is refused with 409 and recorded too', async () => {
    const journey = await ReviewJourney.initiated();
    const decisionRef = `衡民罚决〔2026〕${journey.caseNo}`;
    const refused = expectStatus(
      await journey.command('u-agency-head', 'decision-attempts', { decisionRef }),
      409,
    ).body;
    expect(refused).toMatchObject({
      code: 'REVIEW.REVIEW_NOT_PASSED',
      message: { zh: expect.stringContaining('未报送法制审核'), en: expect.stringContaining('never submitted') },
      details: { attemptId: expect.any(String), recorded: true },
    });
    const row = await decisionAttemptRow(
      refused.details.attemptId,
      'case_no, review_id, unit_id, review_status, attempted_by, attempted_role, code, decision_ref',
    );
    expect(row).toEqual({
      case_no: journey.caseNo,
      review_id: null,
      // Counted against the case's own unit (L13), though no review ever existed.
      unit_id: 'unit-enforcement-1',
      review_status: null,
      attempted_by: 'u-agency-head',
      attempted_role: 'agency-head',
      code: 'REVIEW.REVIEW_NOT_PASSED',
      decision_ref: decisionRef,
    });
    // Nothing was started for the case itself: it can still be submitted for review.
    expectStatus(await journey.view(), 404);
    expectStatus(await journey.submit(), 201);
  }, 60_000);
});
