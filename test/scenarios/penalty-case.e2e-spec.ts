import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import {
  expectStatus,
  findings,
  gateway,
  materials,
  PENALTY_FACTS,
  ReviewJourney,
  testStackCalendar,
} from '../../apps/gateway/src/reviews/testing/review-journey';
import {
  as,
  boardLimits,
  caseDesk,
  caseTrail,
  completeWith,
  HOUR,
  iso,
  OFFICERS,
  portalSearch,
  publicationDraft,
  publishedFacts,
  uploadFootage,
} from './scenario.steps';

/*
 * Issue 12, scenario 1: one penalty case with a seizure, the whole life through the gateway only, each role acting —
 * initiation approved by the agency head, investigation with a transcript and the seizure's full-process footage
 * uploaded, the major-decision review with a missing-materials round and an expert-consultation pause, the opinion
 * drafted and re-reviewed, collective discussion, the decision, direct service, publication within 7 working days with
 * the party's ID number and phone redacted, execution, closure and the archive. Asserted: records, facts, deadlines,
 * what the portal shows.
 */
const ID_NUMBER = '430402198503124023';
const PHONE = '13973400123';
const PARTY = {
  name: '陈建国',
  kind: 'natural-person',
  idNumber: ID_NUMBER,
  address: '衡阳市某区某路8号3栋201室',
  contact: PHONE,
};

describe('scenario: a penalty case with a seizure, from initiation to the archive (issue 12)', () => {
  it('R1–R10, L2–L12, D4, D6, D7, D11, C1: initiation → seizure with footage → review with a supplement and a pause → decision → service → publication redacted within 7 working days → execution → closure → archive', async () => {
    const journey = await ReviewJourney.initiated('SCP', { party: PARTY, needsReview: true });
    const caseNo = journey.caseNo;
    const desk = caseDesk(caseNo);
    const word = `无证经营烟花爆竹${caseNo.slice(-8)}`;

    // R2: ex officio — the agency head approves the initiation before the investigation opens.
    expectStatus(await desk.complete('initiation'), 422);
    await completeWith(
      desk,
      'initiation',
      [
        {
          type: 'initiation-approval',
          fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
        },
      ],
      'u-agency-head',
    );

    // R3, R5, R6: the transcript and a seizure whose footage is uploaded through the evidence store.
    const transcript = {
      type: 'inspection-transcript',
      fields: {
        officers: OFFICERS,
        place: PARTY.address,
        startedAt: iso(-4 * HOUR),
        endedAt: iso(-3.5 * HOUR),
        findings: `当事人在${word}`,
        signedBy: PARTY.name,
      },
      av: [{ sha256: 'e'.repeat(64), kind: 'video', startedAt: iso(-4 * HOUR), endedAt: iso(-3.5 * HOUR) }],
    };
    expectStatus(await desk.record(transcript), 201);
    const seizure = {
      type: 'seizure',
      fields: {
        officers: OFFICERS,
        basis: '《行政强制法》第二十二条',
        necessity: '防止证据灭失、危险物品扩散',
        items: ['烟花爆竹二十箱'],
        place: PARTY.address,
        startedAt: iso(-3 * HOUR),
        endedAt: iso(-2 * HOUR),
        signedBy: PARTY.name,
      },
    };
    const [seizureId] = expectStatus(await desk.record(seizure), 201).body.recordIds as string[];
    expect(expectStatus(await desk.complete('investigation'), 422).body.details).toEqual([
      expect.objectContaining({ field: `${seizureId}.av` }),
    ]);
    const footage = await uploadFootage(caseNo, seizureId, {
      startedAt: iso(-3 * HOUR - 60_000),
      endedAt: iso(-2 * HOUR + 60_000),
      party: PARTY.name,
    });
    expect(expectStatus(await desk.complete('investigation'), 200).body.step).toBe('review');

    // L12: no decision before the review passes.
    expect(expectStatus(await desk.complete('review'), 409).body.code).toBe('CASE.DECISION_GATE_CLOSED');

    // L2, L4, L5: the unit head signs; the submission lacks the party's statement; one notice, one supplement.
    expectStatus(await journey.submit({ materials: materials(PENALTY_FACTS, ['party-statement']) }), 201);
    expect(expectStatus(await journey.command('u-legal-reviewer', 'accept'), 409).body.code).toBe(
      'REVIEW.MATERIALS_INCOMPLETE',
    );
    expectStatus(await journey.command('u-legal-reviewer', 'missing-materials', { missing: ['party-statement'] }), 200);
    expectStatus(
      await journey.command('u-officer-1', 'supplement', {
        materials: [{ item: 'party-statement', documentRef: 'sha256:party-statement' }],
      }),
      200,
    );
    const accepted = expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200).body;
    expect(accepted).toMatchObject({ status: 'under-review', round: 1 });
    expect(accepted.deadlineKind).toBe('review');
    const reviewDeadline = Date.parse(accepted.deadline);

    // C2: the running review limit is on the unit head's board with its deadline; another unit's head does not see it.
    const reviewOnBoard = await eventually(async () => {
      const limits = await boardLimits('u-unit-head-1', caseNo);
      return limits.find((l) => l.kind === 'review');
    }, 'the review limit on the supervision board');
    expect(Date.parse(reviewOnBoard.deadline)).toBe(reviewDeadline);
    expect(await boardLimits('u-unit-head-2', caseNo)).toEqual([]);

    // L7: an expert consultation stops the clock; resuming never brings the deadline forward.
    const pauseId = `expert-${caseNo}`;
    const paused = expectStatus(
      await journey.command('u-legal-reviewer', 'pauses', {
        pauseId,
        kind: 'expert-consultation',
        reason: '危险物品认定专家论证',
      }),
      200,
    ).body;
    expect(paused.openPauseIds).toEqual([pauseId]);
    const resumed = expectStatus(await journey.command('u-legal-reviewer', `pauses/${pauseId}/resume`), 200).body;
    expect(resumed.openPauseIds).toEqual([]);
    expect(Date.parse(resumed.deadline)).toBeGreaterThanOrEqual(reviewDeadline);

    // L8, L9: nine findings, the opinion drafted by the reviewer and re-reviewed by the section head.
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    const year = new Date().getUTCFullYear();
    expectStatus(
      await journey.opinion({ opinion: 'approve', documentNo: `法审〔${year}〕${caseNo}`, summary: '同意' }),
      200,
    );
    // L10: a major decision is decided by the leadership's collective discussion.
    const decisionNumber = `衡应急罚〔${year}〕${caseNo}号`;
    expectStatus(
      await journey.command('u-leadership-meeting', 'decision', {
        mode: 'collective-discussion',
        minutesRef: `局长办公会纪要 ${caseNo}`,
        decisionRef: decisionNumber,
      }),
      200,
    );
    await eventually(
      async () => ((await desk.complete('review')).status === 200 ? true : undefined),
      'the review.concluded.v1 fact to open the decision step',
      60_000,
    );

    // The decision: the text names the party's ID number, phone and home address (all hidden on the portal, D6).
    const decidedAt = iso(0);
    const text =
      `行政处罚决定书 ${decisionNumber}。当事人：${PARTY.name}，身份证号码${ID_NUMBER}，联系电话${PHONE}，` +
      `住址${PARTY.address}。经查，当事人在${word}，违反《烟花爆竹安全管理条例》第十九条。` +
      '决定：没收违法所得并罚款人民币一万元。执法人员：张执法、王执法。';
    await completeWith(desk, 'decision', [
      {
        type: 'decision-document',
        fields: {
          documentNumber: decisionNumber,
          decidedAt,
          text,
          conclusion: '没收违法所得并罚款人民币一万元',
          officers: ['张执法', '王执法'],
          evidenceReasoning: '现场检查笔录、扣押清单与执法录像相互印证',
          basisReasoning: '适用《烟花爆竹安全管理条例》第三十六条',
          discretionReasoning: '初次违法，在裁量基准内从轻',
        },
      },
    ]);

    // R4: direct service, two servers and the signed receipt.
    await completeWith(desk, 'service', [
      {
        type: 'service',
        fields: {
          method: 'direct',
          documentName: '行政处罚决定书',
          servedAt: iso(0),
          place: PARTY.address,
          servers: ['张执法', '王执法'],
          recipient: PARTY.name,
          receiptRef: `送达回证 ${caseNo}`,
        },
      },
    ]);

    // D4, D6: the draft waits for the disclosure officer, redacted beside the original, due in 7 working days.
    const { path, draft } = await publicationDraft(decisionNumber);
    expect(draft.status).toBe('in-review');
    expect(draft.original).toContain(ID_NUMBER);
    for (const hidden of [ID_NUMBER, PHONE, '3栋201室']) expect(draft.redacted).not.toContain(hidden);
    const due = testStackCalendar().deadline(new Date(decidedAt), { workdays: 7 });
    expect(draft.publishBy.deadline).toBe(due.toISOString());
    // C2: the publication limit is on the board too, due when the draft says.
    const publicationOnBoard = await eventually(async () => {
      const limits = await boardLimits('u-legal-head', caseNo);
      return limits.find((l) => l.kind === 'publication');
    }, 'the publication limit on the supervision board');
    expect(publicationOnBoard.deadline).toBe(due.toISOString());
    // C1: the handling officer may not publish; the disclosure officer does.
    expectStatus(
      await request(gateway)
        .post(`${path}/publish`)
        .set('authorization', await as('u-officer-1'))
        .send({ mode: 'full-text' }),
      403,
    );
    const published = expectStatus(
      await request(gateway)
        .post(`${path}/publish`)
        .set('authorization', await as('u-disclosure-officer'))
        .send({ mode: 'full-text' }),
      200,
    ).body;
    expect(Date.parse(published.publishedAt)).toBeLessThanOrEqual(due.getTime());

    // D11: anyone finds it by a word of its text; nothing the party would not want published leaves the service.
    const found = await eventually(async () => {
      const r = await portalSearch(word);
      return r.items.length === 1 ? r.items[0] : undefined;
    }, 'the decision on the portal');
    expect(found).toMatchObject({ decisionNumber, category: 'penalty', mode: 'full-text' });
    for (const hidden of [ID_NUMBER, PHONE, '3栋201室']) expect(JSON.stringify(found)).not.toContain(hidden);
    // D7: a natural person's decision stays published for 2 years.
    if (found.withdrawBy)
      expect(Date.parse(found.withdrawBy as string)).toBeLessThan(Date.now() + 3 * 366 * 86_400_000);

    // R1: execution, closure, and the archive bundle built by the records administrator (R10).
    await completeWith(desk, 'execution', [
      {
        type: 'execution-record',
        fields: { performance: '当事人已于规定期限内缴纳罚款，没收物品已依法处置', checkedAt: iso(0) },
      },
    ]);
    // D4 (000 附件1 第十八条): the execution information is published too, within 20 working days of the execution.
    const execution = await publicationDraft(`执行信息-${decisionNumber}`);
    expect(execution.draft.status).toBe('in-review');
    expect(execution.draft.original).toContain('已于规定期限内缴纳罚款');
    expect(Date.parse(execution.draft.publishBy.deadline)).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    expectStatus(
      await request(gateway)
        .post(`${execution.path}/publish`)
        .set('authorization', await as('u-disclosure-officer'))
        .send({ mode: 'full-text' }),
      200,
    );

    await completeWith(desk, 'closure', [
      { type: 'closure-report', fields: { summary: '罚款已缴清，案件办结', closedAt: iso(0) } },
    ]);
    // R10: the archiving step completes through the records administrator's bundle, not by an officer's click.
    const unbundled = expectStatus(await desk.complete('archiving'), 422).body;
    expect(unbundled.details.map((d: { field: string }) => d.field)).toEqual(['archive-bundle']);
    const bundle = expectStatus(await desk.post('/archive-bundle', 'u-records-admin'), 201).body;
    expect((bundle.manifest.index as { sha256: string }[]).map((e) => e.sha256)).toContain(footage.sha256);

    // The timeline holds every step in order; the whole case, its footage included, verifies intact (R7).
    const timeline = expectStatus(await desk.get('/timeline'), 200).body;
    expect(timeline).toMatchObject({ caseNumber: caseNo, outcome: 'archived' });
    const completed = (timeline.entries as { kind: string; detail: { step?: string } }[])
      .filter((e) => e.kind === 'step-completed')
      .map((e) => e.detail.step);
    expect(completed).toEqual([
      'initiation',
      'investigation',
      'review',
      'decision',
      'service',
      'execution',
      'closure',
      'archiving',
    ]);
    expect(expectStatus(await desk.get('/integrity', 'u-records-admin'), 200).body).toMatchObject({
      intact: true,
      problems: [],
    });
    expect(expectStatus(await desk.get('/evidence/verify', 'u-records-admin'), 200).body).toMatchObject({
      intact: true,
      problems: [],
    });
    // C1: another unit's officer cannot learn the case exists.
    expectStatus(await desk.get('/timeline', 'u-officer-2'), 404);

    // C2: met limits leave the board (the review concluded, the decision published).
    await eventually(async () => {
      const left = (await boardLimits('u-legal-head', caseNo)).filter((l) =>
        ['review', 'publication'].includes(l.kind),
      );
      return left.length === 0 ? true : undefined;
    }, 'the met review and publication limits off the board');

    // C3: every service's state changes for this case are in the trail, each with its actor.
    const trail = await eventually(async () => {
      const entries = await caseTrail(caseNo);
      const services = new Set(entries.map((e) => e.service));
      return ['recording-svc', 'review-svc', 'disclosure-svc'].every((svc) => services.has(svc)) ? entries : undefined;
    }, 'the case in the audit trail of all three services');
    const actors = new Set(trail.map((e) => e.actor));
    for (const who of [
      'u-officer-1',
      'u-agency-head',
      'u-unit-head-1',
      'u-legal-reviewer',
      'u-legal-head',
      'u-disclosure-officer',
    ]) {
      expect(actors).toContain(who);
    }

    // The facts each service published for this case, in order.
    const recordingFacts = await eventually(async () => {
      const types = await publishedFacts('RECORDING', caseNo);
      return types.includes('case.execution-recorded.v1') ? types : undefined;
    }, 'recording-svc facts');
    expect(recordingFacts.filter((t) => t.startsWith('case.'))).toEqual([
      'case.initiated.v1',
      'case.decision-issued.v1',
      'case.execution-recorded.v1',
    ]);
    const disclosureFacts = await eventually(async () => {
      const types = await publishedFacts('DISCLOSURE', caseNo);
      return types.filter((t) => t === 'disclosure.published.v1').length === 2 ? types : undefined;
    }, 'disclosure-svc facts');
    // The decision and the execution information, each published once; each limit started and met (C2).
    expect(disclosureFacts.filter((t) => t.startsWith('disclosure.'))).toEqual([
      'disclosure.published.v1',
      'disclosure.published.v1',
    ]);
    expect(disclosureFacts.filter((t) => t === 'deadline.started.v1')).toHaveLength(2);
    expect(disclosureFacts.filter((t) => t === 'deadline.met.v1')).toHaveLength(2);
  }, 360_000);
});
