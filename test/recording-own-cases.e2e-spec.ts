import { Client as PgClient } from 'pg';
import request from 'supertest';
import { stackEnv } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * R8 本人: an officer sees the timeline of the cases they took part in, not every case of their unit. A second officer
 * of the same unit is refused (403, naming the application) until the supervising leader approves their application;
 * the unit head sees the unit's cases; another unit's officer does not learn the case exists.
 */
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;

async function views(caseNo: string, subject: string) {
  const db = new PgClient({ connectionString: stackEnv().ADMIN_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ actor: string; approver: string | null }>(
      `select actor, approver from recording.access_log where case_number = $1 and subject = $2 order by id`,
      [caseNo, `${caseNo}/${subject}`],
    );
    return rows;
  } finally {
    await db.end();
  }
}

/** The agency head's approval of the initiation (R2): a record of the case, made once its workflow registered it. */
async function approveInitiation(caseNo: string): Promise<void> {
  expectStatus(
    await request(gateway)
      .post(`/api/v1/cases/${encodeURIComponent(caseNo)}/records`)
      .set('authorization', await as('u-agency-head'))
      .send({
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: new Date().toISOString(), basis: '《行政处罚法》第五十四条' },
      }),
    201,
  );
}

describe('officers see their own cases (SPEC R8)', () => {
  it('R8: two officers of one unit — the case’s own officer and the unit head see its timeline and AV files, the colleague needs an approved application, another unit gets 404', async () => {
    const journey = await ReviewJourney.initiated('OW');
    // The case is registered by its workflow; a command waits for that, so the case exists afterwards.
    await approveInitiation(journey.caseNo);
    const timeline = `/api/v1/cases/${encodeURIComponent(journey.caseNo)}/timeline`;
    const view = async (user: string) =>
      request(gateway)
        .get(timeline)
        .set('authorization', await as(user));
    // The case's AV files (R6) are the officer's own recordings too: the same rule applies to their list.
    const files = async (user: string) =>
      request(gateway)
        .get(`/api/v1/cases/${encodeURIComponent(journey.caseNo)}/evidence`)
        .set('authorization', await as(user));

    expect(expectStatus(await view('u-officer-1'), 200).body.caseNumber).toBe(journey.caseNo);
    expectStatus(await view('u-unit-head-1'), 200);
    expectStatus(await view('u-officer-2'), 404);
    const colleague = expectStatus(await view('u-officer-3'), 403).body;
    expect(colleague.code).toBe('ACCESS.APPLICATION_REQUIRED');
    expect(colleague.message.zh).toContain('申请');
    expect(colleague.message.en).toContain('application');
    expect(expectStatus(await files('u-officer-1'), 200).body).toEqual([]);
    expectStatus(await files('u-unit-head-1'), 200);
    expectStatus(await files('u-officer-2'), 404);
    expect(expectStatus(await files('u-officer-3'), 403).body.code).toBe('ACCESS.APPLICATION_REQUIRED');

    const applied = expectStatus(
      await request(gateway)
        .post('/api/v1/recording/access-applications')
        .set('authorization', await as('u-officer-3'))
        .send({
          caseNumber: journey.caseNo,
          kind: 'staff',
          actions: ['view'],
          reason: '协助办理同类案件',
          items: '执法全过程记录',
        }),
      201,
    ).body;
    expectStatus(
      await request(gateway)
        .post(`/api/v1/recording/access-applications/${applied.id}/decision`)
        .set('authorization', await as('u-supervising-leader'))
        .send({ approve: true, reason: '同意查阅' }),
      200,
    );
    expectStatus(await view('u-officer-3'), 200);
    expectStatus(await files('u-officer-3'), 200);

    // Every view is logged; the colleague's names the approver of the application it rests on.
    expect(await views(journey.caseNo, 'evidence')).toEqual([
      { actor: 'u-officer-1', approver: null },
      { actor: 'u-unit-head-1', approver: null },
      { actor: 'u-officer-3', approver: 'u-supervising-leader' },
    ]);
    expect(await views(journey.caseNo, 'timeline')).toEqual([
      { actor: 'u-officer-1', approver: null },
      { actor: 'u-unit-head-1', approver: null },
      { actor: 'u-officer-3', approver: 'u-supervising-leader' },
    ]);
  }, 120_000);
});
