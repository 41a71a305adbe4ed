import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { bearer, expectStatus, gateway, type DemoUser } from '../apps/gateway/src/reviews/testing/review-journey';
import {
  completeInitiation,
  createEmergencyCase,
  fileApproval,
  handOverFootage,
  HOUR,
  iso,
  recordSeizure,
} from './tasks/task-limits.steps';

/*
 * SPEC C2 for recording-svc's limits on the real stack: an emergency start's approval backfill (R2, 24 h) and a
 * seizure's AV hand-over (R5/R6, 24 h by default) are on the supervision board from the moment they start — long
 * before any warning — announced by recording-svc as `deadline.started.v1` and folded by review-svc; each leaves the
 * board when its act is done (`deadline.met.v1`): the approval filed, the footage uploaded through the gateway.
 * (Archiving's start at closure and end at the archive bundle are proven on the workflow with the time-skipping
 * server, apps/recording-svc/src/workflows/case.workflow.spec.ts.)
 */
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
    const officer = await bearer('u-officer-1');
    const initiated = Date.now();
    await createEmergencyCase(officer, caseNo, `C2 board ${caseNo}`);
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
    await completeInitiation(officer, caseNo);
    const endedAt = iso(-HOUR);
    const seizure = await recordSeizure(officer, caseNo, {
      officers: [
        { name: '张执法', certificateNo: '43040001' },
        { name: '王执法', certificateNo: '43040002' },
      ],
      place: '衡阳市某区某路1号',
      startedAt: iso(-2 * HOUR),
      endedAt,
    });
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
    await fileApproval(caseNo);
    const afterApproval = await boardUntil(
      caseNo,
      (items) => !items.some((i) => i.kind === 'approval-backfill'),
      'the approval backfill met',
    );
    expect(afterApproval.map((i) => i.kind)).toEqual(['av-handover']);

    // The footage is uploaded through the gateway and becomes the seizure's AV: the hand-over is met.
    await handOverFootage(officer, caseNo, seizure, {
      officer: 'u-officer-1',
      device: 'DSJ-012',
      party: '某监督测试有限公司',
    });
    await boardUntil(caseNo, (items) => items.length === 0, 'the AV hand-over met');
  }, 240_000);
});
