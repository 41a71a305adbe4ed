import { Client as PgClient } from 'pg';
import request from 'supertest';
import { eventually, serviceUrl, stackEnv } from '@enforcement/platform/testing/stack-env';
import { asSuperuser } from '@enforcement/platform/testing/superuser';
import { tokenFor } from '@enforcement/platform/testing/tokens';
import {
  bearer,
  expectStatus,
  findings,
  gateway,
  ReviewJourney,
  type DemoUser,
} from '../apps/gateway/src/reviews/testing/review-journey';

/*
 * The case record end to end on the real stack (SPEC R1–R8, L12): a penalty case initiated with its party, approved,
 * investigated with a seizure under full-process AV, held at the decision gate until the legal review passes (the
 * review's fact reaches recording-svc over Kafka), decided, served left-at-residence and by public notice; its
 * timeline and integrity verified; a record altered behind the service's back is named by verify.
 */
const env = stackEnv();
const PARTY = {
  name: '某养老服务有限公司',
  kind: 'organisation',
  idNumber: '91350100M000100Y43',
  address: '衡阳市某区某路1号',
  contact: '0734-0000000',
};
const OFFICERS = [
  { name: '张执法', certificateNo: '43040001', certificateShown: true },
  { name: '王执法', certificateNo: '43040002', certificateShown: true },
];
const hex = (n: number) => n.toString(16).padStart(64, 'a');
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3_600_000;

async function as(user: DemoUser | 'u-records-admin'): Promise<string> {
  return `Bearer ${await tokenFor(user)}`;
}

function recording(caseNo: string) {
  const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
  return {
    record: async (body: object, user: DemoUser = 'u-officer-1') =>
      request(gateway)
        .post(`${base}/records`)
        .set('authorization', await bearer(user))
        .send(body),
    complete: async (step: string, user: DemoUser = 'u-officer-1') =>
      request(gateway)
        .post(`${base}/steps/${step}/complete`)
        .set('authorization', await bearer(user))
        .send({}),
    attach: async (body: object) =>
      request(gateway)
        .post(`${base}/av`)
        .set('authorization', await bearer('u-officer-1'))
        .send(body),
    timeline: async (user: DemoUser | 'u-records-admin' = 'u-officer-1') =>
      request(gateway)
        .get(`${base}/timeline`)
        .set('authorization', await as(user)),
    verify: async (user: DemoUser | 'u-records-admin' = 'u-records-admin') =>
      request(gateway)
        .get(`${base}/integrity`)
        .set('authorization', await as(user)),
  };
}

const approval = () => ({
  type: 'initiation-approval',
  fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《社会组织登记管理条例》第三十条' },
});
const inspection = () => ({
  type: 'inspection-transcript',
  fields: {
    officers: OFFICERS,
    place: '某路1号',
    startedAt: iso(-3 * HOUR),
    endedAt: iso(-2.5 * HOUR),
    findings: '未按规定接受年检',
    signedBy: '当事人代表',
  },
  av: [{ sha256: hex(1), kind: 'video', startedAt: iso(-3 * HOUR), endedAt: iso(-2.5 * HOUR) }],
});

describe('the case record through the gateway (SPEC R1–R8, L12)', () => {
  it('R1, R2, R3, R4, R5, L12: a penalty case from initiation through a seizure, the decision gate and two services', async () => {
    const journey = await ReviewJourney.initiated('RC', { party: PARTY, needsReview: true });
    const c = recording(journey.caseNo);

    // R2: ex officio, the investigation waits for the agency head's approval.
    const early = expectStatus(await c.complete('initiation'), 422).body;
    expect(early.code).toBe('CASE.STEP_INCOMPLETE');
    expect(early.message.zh).toContain('程序启动审批表');
    expect(early.message.en).toContain('initiation approval');
    expectStatus(await c.record(approval(), 'u-agency-head'), 201);
    expect(expectStatus(await c.complete('initiation'), 200).body.step).toBe('investigation');

    // R3: a transcript without the officers' certificate numbers is refused, naming them.
    const bare = inspection();
    bare.fields.officers = OFFICERS.map(({ name, certificateShown }) => ({ name, certificateShown })) as never;
    const refused = expectStatus(await c.record(bare), 422).body;
    expect(refused.code).toBe('CASE.RECORD_INCOMPLETE');
    expect(refused.details.map((d: { field: string }) => d.field)).toEqual([
      'fields.officers[0].certificateNo',
      'fields.officers[1].certificateNo',
    ]);
    expect(refused.message.zh).toContain('执法证件编号');
    expectStatus(await c.record(inspection()), 201);

    // R5: a seizure needs full-process AV before the step can complete.
    const seizure = {
      type: 'seizure',
      fields: {
        officers: OFFICERS,
        basis: '《行政强制法》第二十二条',
        necessity: '防止证据灭失',
        items: ['账簿三册'],
        place: '某路1号',
        startedAt: iso(-2 * HOUR),
        endedAt: iso(-1 * HOUR),
        signedBy: '当事人代表',
      },
    };
    const [seizureId] = expectStatus(await c.record(seizure), 201).body.recordIds as string[];
    const noAv = expectStatus(await c.complete('investigation'), 422).body;
    expect(noAv.details.map((d: { field: string }) => d.field)).toEqual([`${seizureId}.av`]);
    expect(noAv.message.zh).toContain('覆盖执法全过程的音像记录');
    const files = [
      {
        sha256: hex(2),
        kind: 'video',
        startedAt: iso(-2 * HOUR - 60_000),
        endedAt: iso(-1.5 * HOUR),
        interruptions: [{ at: iso(-1.5 * HOUR), reason: '电量不足，更换电池' }],
      },
      { sha256: hex(3), kind: 'video', startedAt: iso(-1.5 * HOUR + 60_000), endedAt: iso(-1 * HOUR + 60_000) },
    ];
    expectStatus(await c.attach({ recordId: seizureId, files }), 200);
    expect(expectStatus(await c.complete('investigation'), 200).body.step).toBe('review');

    // L12: the decision step stays shut until the legal review of this major decision passes.
    expect(expectStatus(await c.complete('review'), 409).body.code).toBe('CASE.DECISION_GATE_CLOSED');
    expectStatus(await journey.submit(), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    const documentNo = `法审〔2026〕${journey.caseNo}`;
    // L9: drafted by one reviewer, re-reviewed and issued by the section head.
    expectStatus(await journey.opinion({ opinion: 'approve', documentNo, summary: '同意' }), 200);
    const decisionNumber = `衡民罚决〔2026〕${journey.caseNo}`;
    expectStatus(
      await journey.command('u-leadership-meeting', 'decision', {
        mode: 'collective-discussion',
        minutesRef: `局长办公会纪要 ${journey.caseNo}`,
        decisionRef: decisionNumber,
      }),
      200,
    );
    const opened = await eventually(
      async () => {
        const res = await c.complete('review');
        return res.status === 200 ? res.body : undefined;
      },
      'the review.concluded.v1 fact to open the decision step',
      60_000,
    );
    expect(opened.step).toBe('decision');

    expectStatus(
      await c.record({
        type: 'decision-document',
        fields: {
          documentNumber: decisionNumber,
          decidedAt: iso(0),
          text: '经查，当事人未按规定接受年度检查。决定：罚款人民币二万元。',
          conclusion: '罚款人民币二万元',
          officers: ['张执法', '王执法'],
          evidenceReasoning: '现场检查笔录与扣押账簿相互印证',
          basisReasoning: '适用《社会组织登记管理条例》第三十条',
          discretionReasoning: '首次违法且已整改，在裁量基准内从轻',
        },
      }),
      201,
    );
    expectStatus(await c.complete('decision'), 200);

    // R4: left at residence needs its continuous video; public notice needs why other methods failed.
    const left = {
      type: 'service',
      fields: {
        method: 'left-at-residence',
        documentName: '行政处罚决定书',
        reason: '受送达人拒绝签收',
        place: '某路1号',
        servedAt: iso(0),
        servers: ['张执法', '王执法'],
        witnesses: ['社区工作人员 周某'],
      },
    };
    const noVideo = expectStatus(await c.record(left), 422).body;
    expect(noVideo.details.map((d: { field: string }) => d.field)).toEqual(['av']);
    expect(noVideo.message.zh).toContain('不间断的留置送达录像');
    expectStatus(
      await c.record({
        ...left,
        av: [{ sha256: hex(4), kind: 'video', startedAt: iso(-600_000), endedAt: iso(600_000) }],
      }),
      201,
    );
    const notice = {
      type: 'service',
      fields: {
        method: 'public-notice',
        documentName: '行政处罚决定书',
        medium: '本局公告栏及门户网站',
        publishedAt: iso(0),
        noticeRef: '公告〔2026〕1号',
        posted: true,
      },
      av: [{ sha256: hex(5), kind: 'photo', startedAt: iso(0), endedAt: iso(0) }],
    };
    const noReason = expectStatus(await c.record(notice), 422).body;
    expect(noReason.message.en).toContain('why the other methods failed');
    notice.fields = { ...notice.fields, whyOtherMethodsFailed: '直接送达被拒收，邮寄被退回' } as never;
    expectStatus(await c.record(notice), 201);
    expect(expectStatus(await c.complete('service'), 200).body.step).toBe('execution');

    // R1: the timeline lists every step and record in order; another unit's officer does not see the case (C1).
    const timeline = expectStatus(await c.timeline(), 200).body;
    expect(timeline).toMatchObject({
      caseNumber: journey.caseNo,
      step: 'execution',
      party: { name: PARTY.name, kind: 'organisation' },
    });
    const kinds = (timeline.entries as { kind: string }[]).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'step-completed')).toHaveLength(5);
    expect(kinds).toEqual(expect.arrayContaining(['record-added', 'av-attached', 'review-noted', 'decision-issued']));
    expect(kinds.indexOf('review-noted')).toBeLessThan(kinds.indexOf('decision-issued'));
    expectStatus(await c.timeline('u-officer-2'), 404);

    // R7: the untouched case verifies intact.
    const report = expectStatus(await c.verify(), 200).body;
    expect(report).toMatchObject({ intact: true, problems: [] });
    expect(report.recordsChecked).toBe(6);
  }, 240_000);

  it('R7, R8: a record altered behind the service (as the superuser) is named by verify; the service role cannot alter it; views are logged', async () => {
    const journey = await ReviewJourney.initiated('RT', { party: PARTY });
    const c = recording(journey.caseNo);
    expectStatus(await c.record(approval(), 'u-agency-head'), 201);
    expectStatus(await c.complete('initiation'), 200);
    const [inspectionId] = expectStatus(await c.record(inspection()), 201).body.recordIds as string[];
    const signed = expectStatus(
      await request(serviceUrl('gateway'))
        .post('/api/v1/recording/integrity/checkpoints')
        .set('authorization', await as('u-records-admin')),
      201,
    ).body;
    expect(signed.signature).toEqual(expect.any(String));
    expect(expectStatus(await c.verify(), 200).body.intact).toBe(true);

    // The service's own login may not rewrite history (no such privilege; the trigger is the second wall).
    const db = new PgClient({ connectionString: env.RECORDING_DATABASE_URL });
    await db.connect();
    try {
      await db.query('set search_path to recording');
      await expect(db.query(`update case_records set fields = '{}' where id = $1`, [inspectionId])).rejects.toThrow();
      await expect(db.query(`delete from integrity_log where case_number = $1`, [journey.caseNo])).rejects.toThrow();
    } finally {
      await db.end();
    }

    // A superuser can bypass the trigger; verify names exactly what changed.
    await asSuperuser(async (su) => {
      await su.query('set session_replication_role = replica');
      await su.query(`update case_records set fields = jsonb_set(fields, '{findings}', '"一切正常"') where id = $1`, [
        inspectionId,
      ]);
    }, 'recording');
    const altered = expectStatus(await c.verify(), 200).body;
    expect(altered.intact).toBe(false);
    expect(altered.problems).toEqual([
      expect.objectContaining({ kind: 'record-altered', subject: inspectionId, fields: ['fields.findings'] }),
    ]);

    // …and a rewritten log entry breaks the signed checkpoint.
    await asSuperuser(async (su) => {
      await su.query('set session_replication_role = replica');
      await su.query(
        `update integrity_log set entry = replace(entry, '未按规定接受年检', '一切正常') where subject = $1`,
        [inspectionId],
      );
    }, 'recording');
    const rewritten = expectStatus(await c.verify(), 200).body;
    expect(rewritten.problems.map((p: { kind: string }) => p.kind)).toEqual(
      expect.arrayContaining(['log-entry-altered', 'inclusion-proof-failed']),
    );

    // R8: each timeline view and verification is in the access log, itself a leaf of the integrity log.
    expectStatus(await c.timeline('u-unit-head-1'), 200);
    const logged = await asSuperuser(
      async (su) =>
        (await su.query(`select actor, action from access_log where case_number = $1 order by id`, [journey.caseNo]))
          .rows,
      'recording',
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        { actor: 'u-records-admin', action: 'verify' },
        { actor: 'u-unit-head-1', action: 'view' },
      ]),
    );
  }, 120_000);
});
