import request from 'supertest';
import { serviceUrl } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  expectStatus,
  findings,
  gateway,
  personFor,
  ReviewJourney,
} from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * Issue 12 (SPEC C1, L2, L9, L12): the four seats — preliminary signer, drafter, re-reviewer, decider — are four
 * people across every review of one case, not only within one review. A case withdrawn (or not accepted) is
 * submitted again as a new review; the seats of the earlier one come with it from review-svc's records.
 */

const reviewSvc = serviceUrl('review-svc');

async function post(caseNo: string, path: string, authorization: string, body: object = {}) {
  return request(gateway)
    .post(`/api/v1/reviews/${encodeURIComponent(caseNo)}/${path}`)
    .set('authorization', authorization)
    .send(body);
}

const draftOf = (caseNo: string, n: number) => ({
  opinion: 'approve',
  documentNo: `法审〔2026〕${caseNo}-${n}`,
  summary: '同意',
});

const decision = (caseNo: string) => ({
  mode: 'collective-discussion',
  minutesRef: 'sha256:minutes',
  decisionRef: `决定书-${caseNo}`,
});

describe('separation of duties across the reviews of one case (issue 12, SPEC C1)', () => {
  it('C1, L9, L12: the second review refuses the first review’s drafter as re-reviewer and as decider (403 naming the seat); a reader of the first and another case’s seats count for nothing', async () => {
    const journey = await ReviewJourney.initiated('SEAT');
    const { caseNo } = journey;
    const drafter = await personFor(['legal-reviewer', 'legal-section-head', 'leadership-meeting'], 'unit-legal');
    const reader = await personFor(['legal-reviewer', 'legal-section-head'], 'unit-legal');

    // First review: the reader accepts the materials and reads the review (no seat); the drafter drafts; withdrawn.
    expectStatus(await journey.submit(), 201);
    expectStatus(await post(caseNo, 'accept', reader.authorization), 200);
    expectStatus(
      await request(gateway)
        .get(`/api/v1/reviews/${encodeURIComponent(caseNo)}`)
        .set('authorization', reader.authorization),
      200,
    );
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    expectStatus(await post(caseNo, 'opinion-draft', drafter.authorization, draftOf(caseNo, 1)), 200);
    expectStatus(await journey.command('u-unit-head-1', 'withdraw', { reason: '补充调查后重新报送' }), 200);

    // Another case: the drafter of this one re-reviews there — seats are per case.
    const other = await ReviewJourney.accepted();
    expectStatus(await other.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    expectStatus(await other.command('u-legal-reviewer', 'opinion-draft', draftOf(other.caseNo, 1)), 200);
    expectStatus(await post(other.caseNo, 'opinion-re-review', drafter.authorization, { decision: 'approve' }), 200);

    // Second review of the case.
    expectStatus(await journey.signPreliminaryReview('passed'), 201);
    const second = expectStatus(await journey.submit(), 201).body;
    expect(second.workflowId).toBe(`review:${caseNo}:2`);
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'opinion-draft', draftOf(caseNo, 2)), 200);

    const asReReviewer = await post(caseNo, 'opinion-re-review', drafter.authorization, { decision: 'approve' });
    expect([asReReviewer.status, asReReviewer.body.code]).toEqual([403, 'REVIEW.SEATS_SEPARATED']);
    expect(asReReviewer.body.message.zh).toContain(
      `${drafter.id} 在本案中已担任拟定审核意见的法制审核人员（初审），不得再担任复审并签发审核意见的人员`,
    );
    expect(asReReviewer.body.message.en).toContain(
      `${drafter.id} already holds the seat of legal reviewer who drafted the opinion in this case and may not also be its re-reviewer who signed the opinion`,
    );
    expect(expectStatus(await journey.view(), 200).body.status).toBe('opinion-drafted');
    // Who only accepted and read the first review holds no seat: they re-review the second.
    expectStatus(await post(caseNo, 'opinion-re-review', reader.authorization, { decision: 'approve' }), 200);

    const asDecider = await post(caseNo, 'decision', drafter.authorization, decision(caseNo));
    expect([asDecider.status, asDecider.body.code]).toEqual([403, 'REVIEW.SEATS_SEPARATED']);
    expect(asDecider.body.message.zh).toContain('不得再担任作出决定的人员');
    expect(asDecider.body.message.en).toContain('may not also be its person who recorded the decision');
    expect(expectStatus(await journey.view(), 200).body.status).toBe('opinion-issued');
    expectStatus(await journey.command('u-leadership-meeting', 'decision', decision(caseNo)), 200);
    expect(expectStatus(await journey.view(), 200).body.status).toBe('decided');
  }, 180_000);

  it('C1, L2: the first review’s drafter may not sign the preliminary review of the second submission, which is refused before a review starts; the seats come from records, never the body', async () => {
    const journey = await ReviewJourney.initiated('SEAT');
    const { caseNo } = journey;
    const encoded = encodeURIComponent(caseNo);
    const dual = await personFor(['unit-head', 'legal-reviewer'], 'unit-enforcement-1');
    expectStatus(await journey.submit(), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    expectStatus(await post(caseNo, 'opinion-draft', dual.authorization, draftOf(caseNo, 1)), 200);
    expectStatus(await journey.command('u-unit-head-1', 'withdraw', { reason: '补充调查后重新报送' }), 200);

    // review-svc's record of the case's seats: the unit's own people see them, another unit sees none, others 403.
    const seats = expectStatus(
      await request(reviewSvc)
        .get(`/reviews/${encoded}/seats`)
        .set('authorization', await bearer('u-officer-1')),
      200,
    ).body.seats;
    expect(seats).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: dual.id, seat: 'opinion-drafter' }),
        expect.objectContaining({ personId: 'u-unit-head-1', seat: 'preliminary-signer' }),
      ]),
    );
    expect(seats).toHaveLength(2);
    const otherUnit = await request(reviewSvc)
      .get(`/reviews/${encoded}/seats`)
      .set('authorization', await bearer('u-officer-2'));
    expect([otherUnit.status, otherUnit.body.seats]).toEqual([200, []]);
    const legal = await request(reviewSvc)
      .get(`/reviews/${encoded}/seats`)
      .set('authorization', await bearer('u-legal-reviewer'));
    expect(legal.status).toBe(403);

    expectStatus(
      await post(caseNo, 'preliminary-review', dual.authorization, { outcome: 'passed', documentRef: 'sha256:p2' }),
      201,
    );
    // A body cannot bring its own seats (nor clear the recorded ones).
    const smuggled = await journey.submit({ priorSeats: [] }, 'u-officer-1', { sign: false });
    expect([smuggled.status, JSON.stringify(smuggled.body)]).toEqual([400, expect.stringContaining('priorSeats')]);
    const refused = await journey.submit({}, 'u-officer-1', { sign: false });
    expect([refused.status, refused.body.code]).toEqual([403, 'REVIEW.SEATS_SEPARATED']);
    expect(refused.body.message.zh).toContain(
      '已担任拟定审核意见的法制审核人员（初审），不得再担任签署初审意见的承办机构负责人',
    );
    expect(refused.body.message.en).toContain('may not also be its unit head who signed the preliminary review');
    // Refused before anything started: the withdrawn first review is still the case's latest.
    expect(expectStatus(await journey.view(), 200).body.status).toBe('withdrawn');

    // The unit's own head signs again, and the case is submitted as its second review.
    expectStatus(await journey.signPreliminaryReview('passed'), 201);
    expect(expectStatus(await journey.submit({}, 'u-officer-1', { sign: false }), 201).body.workflowId).toBe(
      `review:${caseNo}:2`,
    );
  }, 180_000);
});
