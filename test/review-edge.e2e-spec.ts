import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, serviceUrl } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  expectStatus,
  gateway,
  materials,
  PENALTY_FACTS,
  ReviewJourney,
  reviewRows,
} from '../apps/gateway/src/reviews/testing/review-journey';

const reviewSvc = serviceUrl('review-svc');

describe('one access rule, once-only calls and storable input at the edge (issue 8 §3, §5; SPEC C1, L2, L3, L12)', () => {
  it('C1: another unit’s review is 404 REVIEW.NOT_FOUND from review-svc’s read API too, as from the gateway', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(await journey.submit(), 201);
    const other = await bearer('u-officer-2');
    for (const path of ['', '/opinion-documents']) {
      const direct = await request(reviewSvc)
        .get(`/reviews/${encodeURIComponent(journey.caseNo)}${path}`)
        .set('authorization', other);
      expect([path, direct.status, direct.body.code]).toEqual([path, 404, 'REVIEW.NOT_FOUND']);
      const none = await request(reviewSvc)
        .get(`/reviews/NO-SUCH-${randomUUID().slice(0, 8)}${path}`)
        .set('authorization', other);
      expect(direct.body.message).toEqual({
        zh: none.body.message.zh.replace(/NO-SUCH-\w+/, journey.caseNo),
        en: none.body.message.en.replace(/NO-SUCH-\w+/, journey.caseNo),
      });
    }
    const viaGateway = await journey.view('u-officer-2');
    expect([viaGateway.status, viaGateway.body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);
  }, 60_000);

  it('C1, L13: the statistics route admits the same roles at the gateway and in review-svc', async () => {
    const reviewer = await bearer('u-legal-reviewer');
    const atGateway = await request(gateway).get('/api/v1/reviews/statistics').set('authorization', reviewer);
    const atService = await request(reviewSvc)
      .get('/reviews/statistics?from=2026-01-01&to=2026-12-31')
      .set('authorization', reviewer);
    expect([atGateway.status, atService.status]).toEqual([403, 403]);
    const head = await bearer('u-legal-head');
    expect((await request(gateway).get('/api/v1/reviews/statistics').set('authorization', head)).status).toBe(200);
  }, 30_000);

  it('C1: replaying another unit’s request id answers 409 and shows nothing of the review', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(await journey.submit({ materials: materials(PENALTY_FACTS, ['party-statement']) }), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'missing-materials', { missing: ['party-statement'] }), 200);
    const requestId = `replay-${randomUUID()}`;
    const body = { materials: [{ item: 'party-statement', documentRef: 'sha256:party-statement' }] };
    const send = async (user: Parameters<typeof bearer>[0], sent: object) =>
      request(gateway)
        .post(`/api/v1/reviews/${encodeURIComponent(journey.caseNo)}/supplement`)
        .set('authorization', await bearer(user))
        .set('x-request-id', requestId)
        .send(sent);

    const first = expectStatus(await send('u-officer-1', body), 200);
    const replayedByOther = await send('u-officer-2', body);
    expect([replayedByOther.status, replayedByOther.body.code]).toEqual([409, 'REQUEST.ID_REUSED']);
    expect(JSON.stringify(replayedByOther.body)).not.toContain(journey.caseNo);
    expect(replayedByOther.body.message.zh).toMatch(/请求编号/);

    // The same person with the same body gets the first answer; with another body, 409 — never a silent 200.
    const again = expectStatus(await send('u-officer-1', body), 200);
    expect(again.body).toEqual(first.body);
    const otherBody = await send('u-officer-1', { materials: [{ item: 'party-statement', documentRef: 'sha256:v2' }] });
    expect([otherBody.status, otherBody.body.code]).toEqual([409, 'REQUEST.ID_REUSED']);
    const view = expectStatus(await journey.view(), 200).body;
    expect(view.revision).toBe(first.body.revision);
  }, 60_000);

  it('L2, C3: a lost answer retried with the same request id gets the first answer — case, sign-off, submission', async () => {
    const caseNo = `RTRY-${randomUUID().slice(0, 8)}`;
    const officer = await bearer('u-officer-1');
    const caseBody = { caseNumber: caseNo, category: 'penalty', title: '重试测试' };
    const create = async (sent: object) =>
      request(gateway)
        .post('/api/v1/cases')
        .set('authorization', officer)
        .set('x-request-id', `case-${caseNo}`)
        .send(sent);
    const created = expectStatus(await create(caseBody), 201);
    expect(expectStatus(await create(caseBody), 201).body).toEqual(created.body);
    expect((await create({ ...caseBody, title: '另一个' })).body.code).toBe('REQUEST.ID_REUSED');

    const head = await bearer('u-unit-head-1');
    const sign = async () =>
      request(gateway)
        .post(`/api/v1/reviews/${caseNo}/preliminary-review`)
        .set('authorization', head)
        .set('x-request-id', `sign-${caseNo}`)
        .send({ outcome: 'passed', documentRef: 'sha256:preliminary-review' });
    const signed = expectStatus(await sign(), 201);
    expect(expectStatus(await sign(), 201).body).toEqual(signed.body);
    const rows = await reviewRows('select id from preliminary_reviews where case_no = $1', [caseNo]);
    expect(rows).toHaveLength(1);

    const journey = await ReviewJourney.initiated();
    const requestId = `submit-${journey.caseNo}`;
    expectStatus(await journey.signPreliminaryReview(), 201);
    const submit = async () =>
      request(gateway)
        .post('/api/v1/reviews')
        .set('authorization', officer)
        .set('x-request-id', requestId)
        .send(journey.submission());
    // review-svc hears of the case a moment after initiation; until then the submission is refused and nothing kept.
    const first = await eventually(async () => {
      const res = await submit();
      return res.status === 409 && res.body.code === 'REVIEW.CASE_NOT_REGISTERED' ? undefined : res;
    }, 'review-svc to register the case');
    expectStatus(first, 201);
    const retried = expectStatus(await submit(), 201);
    expect(retried.body.reviewId).toBe(first.body.reviewId);
    // A real duplicate (another request) is still refused.
    const duplicate = await journey.submit();
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'REVIEW.ALREADY_SUBMITTED']);
  }, 90_000);

  it('L5, L12: after a withdrawal the case is submitted again as a new round; reads and the gate follow it, the first round stays readable', async () => {
    const journey = await ReviewJourney.initiated('RND');
    const first = expectStatus(await journey.submit(), 201).body;
    expect(first.workflowId).toBe(`review:${journey.caseNo}`);
    const open = await journey.submit();
    expect([open.status, open.body.code]).toEqual([409, 'REVIEW.ALREADY_SUBMITTED']);
    expectStatus(await journey.command('u-unit-head-1', 'withdraw', { reason: '补充调查后重新报送' }), 200);

    expectStatus(await journey.signPreliminaryReview('passed'), 201);
    const second = expectStatus(await journey.submit(), 201).body;
    expect(second.workflowId).toBe(`review:${journey.caseNo}:2`);
    expect(second.reviewId).not.toBe(first.reviewId);
    const now = expectStatus(await journey.view(), 200).body;
    expect([now.reviewId, now.status]).toEqual([second.reviewId, 'submitted']);
    // The gate follows the open round: not passed yet, so refused (and recorded).
    const gate = await journey.command('u-officer-1', 'decision-attempts', {});
    expect([gate.status, gate.body.code]).toEqual([409, 'REVIEW.REVIEW_NOT_PASSED']);

    const rounds = await eventually(async () => {
      const res = await request(gateway)
        .get(`/api/v1/reviews/${encodeURIComponent(journey.caseNo)}/rounds`)
        .set('authorization', await bearer('u-officer-1'));
      return res.status === 200 && res.body.length === 2 ? res.body : undefined;
    }, 'both rounds to be readable');
    expect(rounds.map((r: { view: { reviewId: string; status: string } }) => [r.view.reviewId, r.view.status])).toEqual(
      [
        [first.reviewId, 'withdrawn'],
        [second.reviewId, 'submitted'],
      ],
    );
    const other = await request(gateway)
      .get(`/api/v1/reviews/${encodeURIComponent(journey.caseNo)}/rounds`)
      .set('authorization', await bearer('u-officer-2'));
    expect([other.status, other.body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);
  }, 90_000);

  it('C3: input the database would refuse is 400 at the edge — NUL, lone surrogate, non-canonical or oversized ids', async () => {
    const officer = await bearer('u-officer-1');
    const post = (path: string, raw: string) =>
      request(gateway).post(path).set('authorization', officer).set('content-type', 'application/json').send(raw);
    const caseNo = `BAD-${randomUUID().slice(0, 8)}`;
    const nul = await post('/api/v1/cases', `{"caseNumber":"${caseNo}","category":"penalty","title":"a\\u0000b"}`);
    expect([nul.status, nul.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const surrogate = await post(
      '/api/v1/cases',
      `{"caseNumber":"${caseNo}","category":"penalty","title":"a\\ud800b"}`,
    );
    expect([surrogate.status, surrogate.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const nulNumber = await post('/api/v1/cases', `{"caseNumber":"${caseNo}\\u0000","category":"penalty","title":"t"}`);
    expect(nulNumber.status).toBe(400);
    const wide = await post(
      '/api/v1/cases',
      JSON.stringify({ caseNumber: '１２３４５', category: 'penalty', title: 't' }),
    );
    expect([wide.status, wide.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(JSON.stringify(wide.body.details)).toContain('send \\"12345\\"');
    const hidden = await post(
      '/api/v1/cases',
      JSON.stringify({ caseNumber: '1\u200b2345', category: 'penalty', title: 't' }),
    );
    expect(hidden.status).toBe(400);

    const longNo = '9'.repeat(1500);
    const attempt = await request(gateway)
      .post(`/api/v1/reviews/${longNo}/decision-attempts`)
      .set('authorization', officer)
      .send({});
    expect([attempt.status, attempt.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(attempt.body.details[0].field).toBe('caseNo');
    const direct = await request(reviewSvc)
      .get(`/reviews/${longNo}`)
      .set('authorization', await bearer('u-legal-head'));
    expect(direct.status).toBe(400);
  }, 30_000);

  it('L3: the handling deadline is the case record’s — a submission may not carry one, and lateness follows the record', async () => {
    const journey = await ReviewJourney.initiated('L3');
    const typed = await journey.submit({ handlingDeadline: '2099-12-31T00:00:00+08:00' });
    expect([typed.status, typed.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);

    // A case due in 3 days cannot be submitted 10 working days ahead: accepted, flagged late (never refused).
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const late = await ReviewJourney.initiated('L3', { handlingDeadline: soon });
    const submitted = expectStatus(await late.submit(), 201);
    expect(submitted.body.view?.lateSubmission ?? expectStatus(await late.view(), 200).body.lateSubmission).toBe(true);
    const onTime = await ReviewJourney.initiated('L3');
    const fine = expectStatus(await onTime.submit(), 201);
    expect(fine.body.view?.lateSubmission ?? expectStatus(await onTime.view(), 200).body.lateSubmission).toBe(false);

    const past = await request(gateway)
      .post('/api/v1/cases')
      .set('authorization', await bearer('u-officer-1'))
      .send({
        caseNumber: `L3-${randomUUID().slice(0, 8)}`,
        category: 'penalty',
        title: 't',
        handlingDeadline: '2020-01-01T00:00:00+08:00',
      });
    expect([past.status, past.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
  }, 90_000);
});
