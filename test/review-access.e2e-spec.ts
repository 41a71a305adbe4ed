import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import {
  catalogueVersionInForce,
  bearer,
  expectStatus,
  gateway,
  LARGE_FINE,
  materials,
  PENALTY_FACTS,
  ReviewJourney,
} from '../apps/gateway/src/reviews/testing/review-journey';

describe('who may do what in a legal review, and what each sees (SPEC C1, L1, L2, L13)', () => {
  it('C1: a role the step does not admit is refused with 403 before the workflow sees it, and nothing changes', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(await journey.submit(), 201);
    const before = expectStatus(await journey.view(), 200).body;

    const cases: Array<[Parameters<ReviewJourney['command']>[0], string, object]> = [
      ['u-officer-1', 'accept', {}],
      ['u-legal-reviewer', 'supplement', { materials: [{ item: 'party-statement', documentRef: 'x' }] }],
      ['u-legal-advisor', 'opinion-draft', { opinion: 'approve', documentNo: 'x', summary: 'x' }],
      ['u-officer-1', 'opinion-re-review', { decision: 'approve' }],
      ['u-agency-head', 'extension-requests/approve', {}],
    ];
    for (const [user, path, body] of cases) {
      const res = await journey.command(user, path, body);
      expect([user, path, res.status, res.body.code]).toEqual([user, path, 403, 'AUTH.ROLE_NOT_ALLOWED']);
      expect(res.body.message.zh).toMatch(/需要以下角色之一/);
    }
    const reviewerSubmits = await (await ReviewJourney.initiated()).submit({}, 'u-legal-reviewer');
    expect(reviewerSubmits.status).toBe(403);

    const after = expectStatus(await journey.view(), 200).body;
    expect([after.status, after.revision]).toEqual([before.status, before.revision]);
  }, 60_000);

  it('C1: another unit’s officer gets 404 for the review — reading it, acting on it, or submitting the case', async () => {
    const journey = await ReviewJourney.initiated();
    expectStatus(await journey.submit({ materials: materials(PENALTY_FACTS, ['party-statement']) }), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'missing-materials', { missing: ['party-statement'] }), 200);

    const read = expectStatus(await journey.view('u-officer-2'), 404).body;
    expect(read.code).toBe('REVIEW.NOT_FOUND');
    const act = await journey.command('u-officer-2', 'supplement', {
      materials: [{ item: 'party-statement', documentRef: 'sha256:x' }],
    });
    expect([act.status, act.body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);
    const gate = await journey.command('u-officer-2', 'decision-attempts', {});
    expect([gate.status, gate.body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);
    const squat = await journey.submit({}, 'u-officer-2');
    expect([squat.status, squat.body.code]).toEqual([404, 'CASE.NOT_FOUND']);

    // The owning unit and the legal section still see it, unchanged by the refused supplement.
    const own = expectStatus(await journey.view('u-officer-1'), 200).body;
    expect(own).toMatchObject({ unitId: 'unit-enforcement-1', status: 'awaiting-supplement' });
    const unknown = await request(gateway)
      .get('/api/v1/reviews/NO-SUCH-CASE-0')
      .set('authorization', await bearer('u-legal-head'));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);
  }, 60_000);

  it('L2: a submission without a passed preliminary review is refused with 400 and starts nothing', async () => {
    const journey = await ReviewJourney.initiated();
    const missing = expectStatus(await journey.submit({}, 'u-officer-1', { sign: false }), 400).body;
    expect(missing.code).toBe('REVIEW.PRELIMINARY_REVIEW_MISSING');
    expect(missing.message.zh).toMatch(/初审/);
    expectStatus(await journey.signPreliminaryReview('not-passed'), 201);
    const notPassed = await journey.submit();
    expect([notPassed.status, notPassed.body.code]).toEqual([400, 'REVIEW.PRELIMINARY_REVIEW_NOT_PASSED']);
    expectStatus(await journey.view(), 404);
    // Nothing was started, so the case number is not used up: after a passed sign-off (the latest counts) it goes through.
    expectStatus(await journey.signPreliminaryReview('passed'), 201);
    const submitted = expectStatus(await journey.submit(), 201).body;
    expect(submitted.view).toMatchObject({ caseNo: journey.caseNo, unitId: 'unit-enforcement-1' });
  }, 60_000);

  it('L2, C1: only the head of the case’s own unit signs the preliminary review, as the authenticated signer; a signer named in the submission is refused', async () => {
    const journey = await ReviewJourney.initiated();
    const byOfficer = await journey.signPreliminaryReview('passed', 'u-officer-1');
    expect([byOfficer.status, byOfficer.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    // A unit head of another unit cannot even see the case.
    const otherUnitHead = await journey.signPreliminaryReview('passed', 'u-unit-head-2');
    expect([otherUnitHead.status, otherUnitHead.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    const badOutcome = await request(gateway)
      .post(`/api/v1/reviews/${encodeURIComponent(journey.caseNo)}/preliminary-review`)
      .set('authorization', await bearer('u-unit-head-1'))
      .send({ outcome: 'fine', documentRef: '' });
    expect([badOutcome.status, badOutcome.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    // The old way — a signer's id typed into the submission — is no longer accepted.
    const claimed = await journey.submit(
      {
        preliminaryReview: {
          signedBy: 'u-unit-head-1',
          signedAt: new Date().toISOString(),
          outcome: 'passed',
          documentRef: 'x',
        },
      },
      'u-officer-1',
      { sign: false },
    );
    expect([claimed.status, claimed.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const signOff = expectStatus(await journey.signPreliminaryReview('passed'), 201).body;
    expect(signOff).toMatchObject({
      caseNo: journey.caseNo,
      signedBy: 'u-unit-head-1',
      signerName: '李科长',
      outcome: 'passed',
    });
  }, 60_000);

  it('L1: the catalogue in force says whether review is mandatory for a proposed decision and which entry applies', async () => {
    const assess = async (body: object, user: Parameters<typeof bearer>[0] = 'u-officer-1') =>
      request(gateway)
        .post('/api/v1/catalogue/assessments')
        .set('authorization', await bearer(user))
        .send(body);

    const major = expectStatus(await assess(LARGE_FINE), 200).body;
    expect(major).toMatchObject({
      mandatory: true,
      catalogueVersion: await catalogueVersionInForce(),
      widenedScope: false,
    });
    expect(major.entries.map((e: { entryId: string }) => e.entryId)).toEqual(['penalty-large-fine']);
    expect(major.entries[0].reasons[0]).toMatchObject({ observedYuan: 80_000, thresholdYuan: 50_000 });

    const minor = expectStatus(await assess({ ...LARGE_FINE, fineYuan: 1_000 }, 'u-legal-reviewer'), 200).body;
    expect(minor).toMatchObject({ mandatory: false, entries: [] });
    const simplified = expectStatus(await assess({ ...LARGE_FINE, procedure: 'simplified' }), 200).body;
    expect(simplified.mandatory).toBe(false);
    const revocation = expectStatus(
      await assess({
        category: 'penalty',
        procedure: 'general',
        partyType: 'organisation',
        licenceAction: 'revocation',
      }),
      200,
    ).body;
    expect(revocation.entries.map((e: { entryId: string }) => e.entryId)).toEqual(['penalty-revoke-registration']);

    const invalid = expectStatus(await assess({ ...LARGE_FINE, fineYuan: -1, extra: true }), 400).body;
    expect(invalid.code).toBe('REQUEST.VALIDATION_FAILED');
    expect((await assess(LARGE_FINE, 'u-agency-it')).status).toBe(403);

    const catalogue = expectStatus(
      await request(gateway)
        .get('/api/v1/catalogue')
        .set('authorization', await bearer('u-agency-it')),
      200,
    ).body;
    // Other suites may publish later versions on the same stack; whichever is in force is served whole.
    expect(catalogue).toMatchObject({ agencyId: 'demo-civil-affairs-bureau', version: expect.any(Number) });
    expect(catalogue.entries.map((e: { id: string }) => e.id)).toContain('penalty-large-fine');
  });

  it('L6, C2: the reviewer’s inbox lists open tasks with case, step, deadline and working days left, most urgent first', async () => {
    const normal = await ReviewJourney.accepted();
    const urgent = await ReviewJourney.accepted({ urgent: true });
    const reviewer = await bearer('u-legal-reviewer');

    const inbox = await eventually(async () => {
      const items = await allTasks(reviewer);
      const ours = items.filter((t) => t.caseNo === normal.caseNo || t.caseNo === urgent.caseNo);
      return ours.length === 2 ? { items, ours } : undefined;
    }, 'both reviews in the reviewer’s inbox');

    const [first, second] = inbox.ours;
    expect(first).toMatchObject({ caseNo: urgent.caseNo, step: 'review', deadline: expect.any(String) });
    expect(second).toMatchObject({ caseNo: normal.caseNo, step: 'review', deadline: expect.any(String) });
    expect(first.workdaysLeft).toEqual(expect.any(Number));
    expect(Date.parse(first.deadline as string)).toBeLessThanOrEqual(Date.parse(second.deadline as string));
    const deadlines = inbox.items.map((t) => (t.deadline ? Date.parse(t.deadline) : Infinity));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));

    const paged = expectStatus(
      await request(gateway).get('/api/v1/reviews/tasks?page=2&pageSize=1').set('authorization', reviewer),
      200,
    ).body;
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: expect.any(Number) });
    expect(paged.items).toHaveLength(1);
    const bad = await request(gateway).get('/api/v1/reviews/tasks?pageSize=1000').set('authorization', reviewer);
    expect([bad.status, bad.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);

    // The other unit's officer has no task of unit 1's reviews.
    const other = expectStatus(
      await request(gateway)
        .get('/api/v1/reviews/tasks?pageSize=100')
        .set('authorization', await bearer('u-officer-2')),
      200,
    ).body;
    expect(other.items.map((t: Task) => t.caseNo)).not.toContain(normal.caseNo);
  }, 60_000);

  it('L13: counts per unit and reviewer come to the legal-section head; an officer is refused', async () => {
    await ReviewJourney.accepted();
    const stats = await request(gateway)
      .get('/api/v1/reviews/statistics')
      .set('authorization', await bearer('u-legal-head'));
    expect(stats.status).toBe(200);
    const unit = stats.body.byUnit.find((u: { unitId: string }) => u.unitId === 'unit-enforcement-1');
    expect(unit).toMatchObject({ reviews: expect.any(Number), lateSubmissions: expect.any(Number) });
    expect(unit.reviews).toBeGreaterThanOrEqual(1);
    expect(stats.body.byReviewer.map((r: { reviewerId: string }) => r.reviewerId)).toContain('u-legal-reviewer');
    const officer = await request(gateway)
      .get('/api/v1/reviews/statistics')
      .set('authorization', await bearer('u-officer-1'));
    expect([officer.status, officer.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
  }, 60_000);
});

interface Task {
  caseNo: string;
  step: string;
  deadline: string | null;
  workdaysLeft: number | null;
}

/** Every open task of the caller, page by page, in the inbox's order. */
async function allTasks(authorization: string): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let page = 1; ; page++) {
    const res = await request(gateway)
      .get(`/api/v1/reviews/tasks?page=${page}&pageSize=100`)
      .set('authorization', authorization);
    if (res.status !== 200) throw new Error(`inbox answered ${res.status}: ${res.text}`);
    tasks.push(...(res.body.items as Task[]));
    if (tasks.length >= res.body.total || res.body.items.length === 0) return tasks;
  }
}
