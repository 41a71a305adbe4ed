import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import { expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * 双随机 end to end on the real stack (SPEC R12): the lists kept by the records administrator, a draw recorded with
 * its place, participants, witnesses, seed and algorithm, re-run to the same result, and the inspection form of a
 * drawn target filled by the drawn inspectors only.
 */
const as = async (user: string) => `Bearer ${await tokenFor(user)}`;
const api = '/api/v1/recording/inspections';

describe('double-random inspections through the gateway (SPEC R12)', () => {
  it('R12, D4: a recorded draw re-runs to the same result; the form takes drawn targets and inspectors only; its result awaits publication within 20 working days', async () => {
    const run = randomUUID().slice(0, 8);
    for (let i = 1; i <= 6; i++) {
      expectStatus(
        await request(gateway)
          .post(`${api}/roster`)
          .set('authorization', await as('u-records-admin'))
          .send({ kind: 'target', id: `T-${run}-${i}`, name: `养老机构${run}-${i}`, active: true }),
        200,
      );
    }
    for (const id of ['u-officer-1', 'u-unit-head-1', 'u-officer-2']) {
      expectStatus(
        await request(gateway)
          .post(`${api}/roster`)
          .set('authorization', await as('u-records-admin'))
          .send({ kind: 'inspector', id, name: id, active: true }),
        200,
      );
    }
    // An officer does not organise the draw.
    const body = {
      item: '养老机构服务质量随机抽查',
      targetCount: 2,
      inspectorCount: 2,
      place: '局三楼会议室',
      participants: ['承办机构负责人', '法制机构工作人员'],
      witnesses: ['第三方见证人 林某'],
      seed: `witness-chosen-${run}`,
    };
    expectStatus(
      await request(gateway)
        .post(`${api}/draws`)
        .set('authorization', await as('u-officer-1'))
        .send(body),
      403,
    );
    const bad = expectStatus(
      await request(gateway)
        .post(`${api}/draws`)
        .set('authorization', await as('u-unit-head-1'))
        .send({ ...body, inspectorCount: 1 }),
      400,
    ).body;
    expect(JSON.stringify(bad.details)).toContain('inspectorCount');

    const draw = expectStatus(
      await request(gateway)
        .post(`${api}/draws`)
        .set('authorization', await as('u-unit-head-1'))
        .send(body),
      201,
    ).body;
    expect(draw).toMatchObject({ seed: body.seed, algorithm: 'sha256-rank-v1', witnesses: body.witnesses });
    expect(draw.targets).toHaveLength(2);
    expect(draw.inspectors).toHaveLength(2);

    const rerun = expectStatus(
      await request(gateway)
        .get(`${api}/draws/${draw.id}/rerun`)
        .set('authorization', await as('u-legal-head')),
      200,
    ).body;
    expect(rerun.reproduced).toBe(true);
    expect(rerun.outcome.targets).toEqual(draw.targets);
    // Another unit's officer does not see this unit's draw.
    expectStatus(
      await request(gateway)
        .get(`${api}/draws/${draw.id}`)
        .set('authorization', await as('u-officer-2')),
      404,
    );

    const inspectorIds = (draw.inspectors as { id: string }[]).map((i) => i.id);
    const undrawnTarget = expectStatus(
      await request(gateway)
        .post(`${api}/draws/${draw.id}/forms`)
        .set('authorization', await as('u-unit-head-1'))
        .send({
          targetId: `T-${run}-none`,
          method: 'on-site',
          inspectedAt: new Date().toISOString(),
          inspectorIds,
          result: '未发现问题',
        }),
      422,
    ).body;
    expect(undrawnTarget.details[0].field).toBe('targetId');
    const form = expectStatus(
      await request(gateway)
        .post(`${api}/draws/${draw.id}/forms`)
        .set('authorization', await as('u-unit-head-1'))
        .send({
          targetId: draw.targets[0].id,
          method: 'on-site',
          inspectedAt: new Date().toISOString(),
          inspectorIds,
          result: '消防通道堵塞，责令当场整改',
        }),
      201,
    ).body;
    expect(form).toMatchObject({ drawId: draw.id, item: body.item, targetId: draw.targets[0].id });
    const read = expectStatus(
      await request(gateway)
        .get(`${api}/draws/${draw.id}`)
        .set('authorization', await as('u-officer-1')),
      200,
    ).body;
    expect(read.forms).toHaveLength(1);

    // D4 (000 附件1 第十六、十八条): the result reaches disclosure-svc as a fact and waits, redacted, for the
    // disclosure officer, due 20 working days after the inspection.
    const publication = await eventually(async () => {
      const res = await request(gateway)
        .get(`/api/v1/disclosure/publications/${encodeURIComponent(`双随机抽查结果-${form.id}`)}`)
        .set('authorization', await as('u-disclosure-officer'));
      return res.status === 200 ? res.body : undefined;
    }, 'the double-random result awaiting publication');
    expect(publication).toMatchObject({ category: 'inspection', status: 'in-review' });
    expect(publication.original).toContain('消防通道堵塞，责令当场整改');
    expect(publication.original).toContain(draw.targets[0].name);
    expect(Date.parse(publication.publishBy.deadline)).toBeGreaterThan(Date.now() + 20 * 86_400_000);
  }, 60_000);
});
