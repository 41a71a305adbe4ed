import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { asSuperuser } from '@enforcement/platform/testing/superuser';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway, ReviewJourney } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * 记录的运用 end to end on the real stack (SPEC R13): the legal section records case-file evaluation sheets, graded
 * from their points; the accountability counts per unit follow them, each unit head seeing their own unit only. And
 * R7: the sheets and the double-random draws (R12) are leaves of the integrity log, so verify names a changed row.
 */
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
const api = '/api/v1/recording/evaluations';

/** A superuser can bypass the append-only trigger; verify must still notice. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await asSuperuser(async (db) => {
    await db.query('set session_replication_role = replica');
    await db.query(sql, params);
  }, 'recording');
}

type Counts = { units: { unitId: string; evaluations: Record<string, number> }[] };
const unqualifiedOf = (c: Counts, unit: string) => c.units.find((u) => u.unitId === unit)?.evaluations.unqualified ?? 0;

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

describe('case-file evaluation and accountability through the gateway (SPEC R13)', () => {
  it('R13: sheets graded from their points, refused when wrong, counted per unit for the year; unit heads see their own unit', async () => {
    const journey = await ReviewJourney.initiated('EVL');
    // The case is registered by its workflow; a command waits for that, so the case exists afterwards.
    await approveInitiation(journey.caseNo);
    // The evaluation year is one nobody else's test writes into: the counts move by exactly this test's sheets.
    const year = 2100 + Math.floor(Math.random() * 100);
    const counts = async (user: string) =>
      expectStatus(
        await request(gateway)
          .get(`${api}/accountability`)
          .query({ year })
          .set('authorization', await as(user)),
        200,
      ).body as Counts;
    const before = unqualifiedOf(await counts('u-legal-head'), 'unit-enforcement-1');
    const sheet = (items: { criterion: string; score: number; max: number }[]) => ({
      caseNumber: journey.caseNo,
      year,
      items,
      findings: '证据目录不全，未附送达回证',
    });
    const post = async (user: string, body: object) =>
      request(gateway)
        .post(api)
        .set('authorization', await as(user))
        .send(body);

    // Only the legal section evaluates; a score above its maximum or an unknown case is refused.
    expectStatus(await post('u-officer-1', sheet([{ criterion: '证据', score: 10, max: 40 }])), 403);
    const over = expectStatus(await post('u-legal-reviewer', sheet([{ criterion: '证据', score: 50, max: 40 }])), 400);
    expect(over.body.code).toBe('EVALUATION.SCORE_OUT_OF_RANGE');
    expect(over.body.message.zh).toContain('满分');
    expect(over.body.details[0].field).toBe('items[0].score');
    expectStatus(
      await post('u-legal-reviewer', {
        ...sheet([{ criterion: '证据', score: 1, max: 2 }]),
        caseNumber: `NONE-${randomUUID().slice(0, 8)}`,
      }),
      404,
    );
    const missingFindings = expectStatus(
      await post('u-legal-reviewer', {
        caseNumber: journey.caseNo,
        year,
        items: [{ criterion: '证据', score: 1, max: 2 }],
      }),
      400,
    ).body;
    expect(JSON.stringify(missingFindings.details)).toContain('findings');

    const poor = expectStatus(
      await post(
        'u-legal-reviewer',
        sheet([
          { criterion: '证据确凿', score: 15, max: 40 },
          { criterion: '程序合法', score: 20, max: 30 },
          { criterion: '文书规范', score: 10, max: 30 },
        ]),
      ),
      201,
    ).body;
    expect(poor).toMatchObject({
      caseNumber: journey.caseNo,
      unitId: 'unit-enforcement-1',
      total: 45,
      max: 100,
      grade: 'unqualified',
    });
    const good = expectStatus(
      await post('u-legal-head', sheet([{ criterion: '全面', score: 95, max: 100 }])),
      201,
    ).body;
    expect(good.grade).toBe('excellent');

    const after = await counts('u-legal-head');
    expect(unqualifiedOf(after, 'unit-enforcement-1')).toBe(before + 1);
    expect(after.units.find((u) => u.unitId === 'unit-enforcement-1')?.evaluations.excellent).toBeGreaterThanOrEqual(1);
    // A unit head sees their own unit's counts only; an officer none; a bad year is refused in both languages.
    expect(unqualifiedOf(await counts('u-unit-head-1'), 'unit-enforcement-1')).toBe(before + 1);
    expect((await counts('u-unit-head-2')).units.map((u) => u.unitId)).not.toContain('unit-enforcement-1');
    expectStatus(
      await request(gateway)
        .get(`${api}/accountability`)
        .query({ year })
        .set('authorization', await as('u-officer-1')),
      403,
    );
    const badYear = expectStatus(
      await request(gateway)
        .get(`${api}/accountability`)
        .query({ year: 'last' })
        .set('authorization', await as('u-legal-head')),
      400,
    ).body;
    expect(badYear.message.zh).toContain('年度');
    expect(badYear.message.en).toContain('year');

    // R7: the sheets are in the case's integrity log; a sheet changed behind the system's back is named.
    const verify = async () =>
      expectStatus(
        await request(gateway)
          .get(`/api/v1/cases/${encodeURIComponent(journey.caseNo)}/integrity`)
          .set('authorization', await as('u-records-admin')),
        200,
      ).body;
    expect(await verify()).toMatchObject({ intact: true, problems: [] });
    await tamper(`update case_evaluations set grade = 'excellent' where id = $1`, [poor.id]);
    const altered = await verify();
    expect(altered.intact).toBe(false);
    expect(altered.problems).toEqual([
      expect.objectContaining({ kind: 'record-altered', subject: `evaluation/${poor.id}`, fields: ['grade'] }),
    ]);
    expect(altered.problems[0].zh).toContain('案卷评查表');
  }, 180_000);

  it('R7, R12: a double-random draw is a leaf of the integrity log; verify of the store names a changed draw', async () => {
    const run = randomUUID().slice(0, 8);
    const admin = await as('u-records-admin');
    for (const entry of [
      { kind: 'target', id: `T-${run}-1`, name: `检查对象${run}-1`, active: true },
      { kind: 'target', id: `T-${run}-2`, name: `检查对象${run}-2`, active: true },
      // Its own inspectors too: on a fresh stack no other test may have listed any yet.
      { kind: 'inspector', id: 'u-officer-1', name: 'u-officer-1', active: true },
      { kind: 'inspector', id: 'u-unit-head-1', name: 'u-unit-head-1', active: true },
    ]) {
      expectStatus(
        await request(gateway).post('/api/v1/recording/inspections/roster').set('authorization', admin).send(entry),
        200,
      );
    }
    const draw = expectStatus(
      await request(gateway)
        .post('/api/v1/recording/inspections/draws')
        .set('authorization', await as('u-unit-head-1'))
        .send({
          item: '养老机构服务质量随机抽查',
          targetCount: 1,
          inspectorCount: 2,
          place: '局三楼会议室',
          participants: ['承办机构负责人'],
          witnesses: ['第三方见证人 林某'],
          seed: `leaf-${run}`,
        }),
      201,
    ).body;
    const store = async () =>
      expectStatus(await request(gateway).get('/api/v1/recording/integrity/verify').set('authorization', admin), 200)
        .body as { problems: { subject: string; kind: string; fields?: string[] }[] };
    const mine = (r: { problems: { subject: string }[] }) => r.problems.filter((p) => p.subject === `draw/${draw.id}`);
    expect(mine(await store())).toEqual([]);
    await tamper(`update inspection_draws set seed = 'chosen-afterwards' where id = $1`, [draw.id]);
    expect(mine(await store())).toEqual([
      expect.objectContaining({ kind: 'record-altered', subject: `draw/${draw.id}`, fields: ['seed'] }),
    ]);
  }, 180_000);
});
