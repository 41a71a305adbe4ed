import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { bearer, expectStatus, gateway, type DemoUser } from '../apps/gateway/src/reviews/testing/review-journey';
import { CHUNK, footage, patch, tusMetadata } from './evidence/tus';

/*
 * SPEC C2 for recording-svc's limits on the real stack: an emergency start's approval backfill (R2, 24 h) and a
 * seizure's AV hand-over (R5/R6, 24 h by default) are on the supervision board from the moment they start — long
 * before any warning — announced by recording-svc as `deadline.started.v1` and folded by review-svc; each leaves the
 * board when its act is done (`deadline.met.v1`): the approval filed, the footage uploaded through the gateway.
 * (Archiving's start at closure and end at the archive bundle are proven on the workflow with the time-skipping
 * server, apps/recording-svc/src/workflows/case.workflow.spec.ts.)
 */
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

type Limit = { key: string; kind: string; caseNo: string; state: string; deadline: string; unitId: string };

async function limitsOf(user: DemoUser, caseNo: string): Promise<Limit[]> {
  const res = await request(gateway)
    .get('/api/v1/supervision/deadlines')
    .query({ caseNo, pageSize: 100 })
    .set('authorization', await bearer(user));
  return (expectStatus(res, 200).body as { items: Limit[] }).items;
}

/** Waits until the case's board entries satisfy `ok`, and answers them. */
function boardUntil(caseNo: string, ok: (items: Limit[]) => boolean, what: string): Promise<Limit[]> {
  return eventually(
    async () => {
      const items = await limitsOf('u-unit-head-1', caseNo);
      return ok(items) ? items : undefined;
    },
    what,
    90_000,
  );
}

describe('recording-svc limits on the supervision board from their start (SPEC C2)', () => {
  it('C2, R2, R5, R6: an emergency start’s approval backfill and a seizure’s AV hand-over are running on the board at once, and leave it when the approval is filed and the footage uploaded', async () => {
    const caseNo = `C2-REC-${randomUUID().slice(0, 8)}`;
    const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    const officer = await bearer('u-officer-1');
    const initiated = Date.now();
    expectStatus(
      await request(gateway)
        .post('/api/v1/cases')
        .set('authorization', officer)
        .send({
          caseNumber: caseNo,
          category: 'penalty',
          title: `C2 board ${caseNo}`,
          initiationMode: 'emergency',
        }),
      201,
    );
    // R2: the approval must be filed within 24 hours; the board shows it running now, not 18 hours from now.
    const [backfill] = await boardUntil(
      caseNo,
      (items) => items.some((i) => i.kind === 'approval-backfill'),
      'the approval backfill on the board',
    );
    expect(backfill).toMatchObject({ kind: 'approval-backfill', state: 'running', unitId: 'unit-enforcement-1' });
    const due = Date.parse(backfill.deadline) - initiated;
    expect(due).toBeGreaterThan(23 * HOUR);
    expect(due).toBeLessThan(25 * HOUR);

    // An emergency case investigates at once: a seizure under full-process AV whose footage is not yet handed over.
    expectStatus(
      await request(gateway).post(`${base}/steps/initiation/complete`).set('authorization', officer).send({}),
      200,
    );
    const endedAt = iso(-HOUR);
    const seizure = await request(gateway)
      .post(`${base}/records`)
      .set('authorization', officer)
      .send({
        type: 'seizure',
        fields: {
          officers: [
            { name: '张执法', certificateNo: '43040001', certificateShown: true },
            { name: '王执法', certificateNo: '43040002', certificateShown: true },
          ],
          basis: '《行政强制法》第十九条',
          necessity: '情况紧急，防止证据灭失',
          items: ['账簿一册'],
          place: '衡阳市某区某路1号',
          startedAt: iso(-2 * HOUR),
          endedAt,
          signedBy: '当事人代表',
        },
      });
    const [seizureId] = expectStatus(seizure, 201).body.recordIds as string[];
    const both = await boardUntil(
      caseNo,
      (items) => items.some((i) => i.kind === 'av-handover'),
      'the AV hand-over on the board',
    );
    const handover = both.find((i) => i.kind === 'av-handover')!;
    expect(handover.state).toBe('running');
    // 24 hours from the action's end (AV_HANDOVER_LIMIT default), not from the record's filing.
    expect(Date.parse(handover.deadline)).toBe(Date.parse(endedAt) + 24 * HOUR);

    // The agency head files the approval: the backfill leaves the board, the hand-over stays.
    expectStatus(
      await request(gateway)
        .post(`${base}/records`)
        .set('authorization', await bearer('u-agency-head'))
        .send({
          type: 'initiation-approval',
          fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
        }),
      201,
    );
    const afterApproval = await boardUntil(
      caseNo,
      (items) => !items.some((i) => i.kind === 'approval-backfill'),
      'the approval backfill met',
    );
    expect(afterApproval.map((i) => i.kind)).toEqual(['av-handover']);

    // The footage is uploaded through the gateway and becomes the seizure's AV: the hand-over is met.
    const size = 3 * 1024 * 1024;
    const created = expectStatus(
      await request(gateway)
        .post('/api/v1/evidence/uploads')
        .set('authorization', officer)
        .set('tus-resumable', '1.0.0')
        .set('upload-length', String(size))
        .set(
          'upload-metadata',
          tusMetadata({
            caseNumber: caseNo,
            recordId: seizureId,
            kind: 'video',
            party: '某监督测试有限公司',
            officer: 'u-officer-1',
            device: 'DSJ-012',
            startedAt: iso(-2 * HOUR - 60_000),
            endedAt: iso(-HOUR + 60_000),
            place: '衡阳市某区某路1号',
            fileName: 'DSJ012.mp4',
          }),
        ),
      201,
    );
    const done = await patch(gateway, created.headers.location, officer, 0, footage(randomBytes(CHUNK), 0, size));
    expect(done !== 'cut' && [done.status, done.headers['evidence-attached']]).toEqual([204, 'true']);
    await boardUntil(caseNo, (items) => items.length === 0, 'the AV hand-over met');
  }, 240_000);
});
