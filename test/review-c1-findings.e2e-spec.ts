import request from 'supertest';
import { eventually, serviceUrl } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  expectStatus,
  findings,
  gateway,
  personWith,
  ReviewJourney,
  type DemoUser,
} from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * Issue 12's security findings in the legal review (SPEC C1, L2, L9, L10, L12), on the real stack through the gateway,
 * and review-svc's own read API beside it.
 */

const reviewSvc = serviceUrl('review-svc');

async function post(caseNo: string, path: string, authorization: string, body: object = {}) {
  return request(gateway)
    .post(`/api/v1/reviews/${encodeURIComponent(caseNo)}/${path}`)
    .set('authorization', authorization)
    .send(body);
}

async function readDirect(path: string, user: DemoUser) {
  return request(reviewSvc)
    .get(path)
    .set('authorization', await bearer(user));
}

const ALL_USERS: DemoUser[] = [
  'u-officer-1',
  'u-officer-2',
  'u-unit-head-1',
  'u-unit-head-2',
  'u-legal-reviewer',
  'u-legal-head',
  'u-legal-advisor',
  'u-supervising-leader',
  'u-agency-head',
  'u-leadership-meeting',
  'u-agency-it',
];

describe('the review locked down (issue 12, SPEC C1)', () => {
  it('C1, L10: a legal advisor sees and writes only in the reviews they are invited to, under their own name', async () => {
    const journey = await ReviewJourney.accepted();
    const path = `/reviews/${encodeURIComponent(journey.caseNo)}`;
    // Not invited: the review does not exist for them — at the gateway, in review-svc, and for a command.
    const read = expectStatus(await journey.view('u-legal-advisor'), 404).body;
    expect(read.code).toBe('REVIEW.NOT_FOUND');
    expect(
      (
        await eventually(async () => {
          const direct = await readDirect(path, 'u-legal-reviewer');
          return direct.status === 200 ? direct : undefined;
        }, 'the stored view')
      ).status,
    ).toBe(200);
    expect((await readDirect(path, 'u-legal-advisor')).status).toBe(404);
    const squat = await journey.command('u-legal-advisor', 'advisor-opinions', { documentRef: 'sha256:opinion' });
    expect([squat.status, squat.body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);

    // The legal section invites them.
    const invited = expectStatus(
      await journey.command('u-legal-reviewer', 'advisor-invitations', { advisorId: 'u-legal-advisor' }),
      200,
    ).body;
    expect(invited.invitedAdvisorIds).toEqual(['u-legal-advisor']);
    expect(expectStatus(await journey.view('u-legal-advisor'), 200).body.caseNo).toBe(journey.caseNo);
    await eventually(
      async () => ((await readDirect(path, 'u-legal-advisor')).status === 200 ? true : undefined),
      'review-svc read',
    );

    // Their name is their sign-in's: a body naming anyone is refused, naming the field.
    const named = await journey.command('u-legal-advisor', 'advisor-opinions', {
      advisorName: '冒名律师',
      documentRef: 'sha256:opinion',
    });
    expect([named.status, named.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(named.body.message.zh).toContain('advisorName');
    expect(named.body.message.en).toContain('advisorName');
    const own = expectStatus(
      await journey.command('u-legal-advisor', 'advisor-opinions', { documentRef: 'sha256:opinion' }),
      200,
    ).body;
    const line = own.history.find((entry: { type: string }) => entry.type === 'review.attachAdvisorOpinion');
    expect(line.actorId).toBe('u-legal-advisor');

    // Another review, not invited to, stays invisible to the same advisor.
    const other = await ReviewJourney.accepted();
    expect((await other.view('u-legal-advisor')).status).toBe(404);
  }, 120_000);

  it('C1, L9: another unit’s opinion document answers exactly as a missing one — 404, same code — list and PDF', async () => {
    const journey = await ReviewJourney.withOpinion('approve');
    await eventually(async () => {
      const own = await journey.opinionDocuments('u-unit-head-1');
      return own.status === 200 && own.body.length === 2 ? true : undefined;
    }, 'the opinion document');
    const missing = await ReviewJourney.initiated();
    const answers = [
      await journey.opinionDocuments('u-unit-head-2'),
      await missing.opinionDocuments('u-unit-head-2'),
      await journey.opinionDocument('u-officer-2', 'legal-section-archive'),
      await missing.opinionDocument('u-officer-2', 'legal-section-archive'),
    ];
    for (const res of answers) {
      const body = res.body instanceof Buffer ? JSON.parse(res.body.toString('utf8')) : res.body;
      expect([res.status, body.code]).toEqual([404, 'REVIEW.NOT_FOUND']);
    }
  }, 180_000);

  it('C1: review-svc’s read API admits exactly the roles the gateway admits, route by route, user by user', async () => {
    const journey = await ReviewJourney.accepted();
    const encoded = encodeURIComponent(journey.caseNo);
    await eventually(
      async () => ((await readDirect(`/reviews/${encoded}`, 'u-legal-head')).status === 200 ? true : undefined),
      'stored view',
    );
    const routes: Array<[gatewayPath: string, servicePath: string]> = [
      [`/api/v1/reviews/${encoded}`, `/reviews/${encoded}`],
      [`/api/v1/reviews/${encoded}/rounds`, `/reviews/${encoded}/rounds`],
      ['/api/v1/reviews/tasks', '/reviews/tasks'],
      ['/api/v1/reviews/statistics?from=2026-01-01&to=2026-12-31', '/reviews/statistics?from=2026-01-01&to=2026-12-31'],
    ];
    const mismatches: string[] = [];
    for (const [viaGateway, direct] of routes) {
      for (const user of ALL_USERS) {
        const edge = await request(gateway)
          .get(viaGateway)
          .set('authorization', await bearer(user));
        const svc = await readDirect(direct, user);
        // 403 from the role guard, 404 for a record the caller may not know: the same answer on both sides.
        if (edge.status !== svc.status || edge.body.code !== svc.body.code) {
          mismatches.push(
            `${user} ${direct}: gateway ${edge.status} ${edge.body.code}, review-svc ${svc.status} ${svc.body.code}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);

  it('C1, L9, L12: one person may not re-review the opinion and then record the decision of the same case (403 naming the seat)', async () => {
    const journey = await ReviewJourney.accepted();
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    const draft = { opinion: 'approve', documentNo: `法审〔2026〕${journey.caseNo}`, summary: '同意' };
    expectStatus(await journey.command('u-legal-reviewer', 'opinion-draft', draft), 200);
    const dual = await personWith(['legal-section-head', 'leadership-meeting'], 'unit-legal');
    expectStatus(await post(journey.caseNo, 'opinion-re-review', dual, { decision: 'approve' }), 200);
    const decision = {
      mode: 'collective-discussion',
      minutesRef: 'sha256:minutes',
      decisionRef: `决定书-${journey.caseNo}`,
    };
    const refused = await post(journey.caseNo, 'decision', dual, decision);
    expect([refused.status, refused.body.code]).toEqual([403, 'REVIEW.SEATS_SEPARATED']);
    expect(refused.body.message.zh).toContain('复审并签发审核意见的人员');
    expect(refused.body.message.en).toContain('re-reviewer who signed the opinion');
    expect(expectStatus(await journey.view(), 200).body.status).not.toBe('decided');
    // Someone else records it.
    expectStatus(await journey.command('u-leadership-meeting', 'decision', decision), 200);
  }, 120_000);

  it('C1, L2, L9: the unit head who signed the preliminary review may not draft the opinion, though holding the reviewer role', async () => {
    const journey = await ReviewJourney.initiated();
    const dual = await personWith(['unit-head', 'legal-reviewer'], 'unit-enforcement-1');
    expectStatus(
      await post(journey.caseNo, 'preliminary-review', dual, { outcome: 'passed', documentRef: 'sha256:p' }),
      201,
    );
    expectStatus(await journey.submit({}, 'u-officer-1', { sign: false }), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    const draft = { opinion: 'approve', documentNo: `法审〔2026〕${journey.caseNo}`, summary: '同意' };
    const refused = await post(journey.caseNo, 'opinion-draft', dual, draft);
    expect([refused.status, refused.body.code]).toEqual([403, 'REVIEW.SEATS_SEPARATED']);
    expect(refused.body.message.zh).toContain('签署初审意见的承办机构负责人');
    expectStatus(await journey.command('u-legal-reviewer', 'opinion-draft', draft), 200);
  }, 120_000);
});
