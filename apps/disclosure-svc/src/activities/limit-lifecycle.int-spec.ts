import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  deadlineMetV1,
  deadlineStartedV1,
  objectionWorkflowId,
  type CaseDecisionIssuedV1,
  type ExAnteState,
  type PublicationLimit,
} from '@enforcement/domain';
import { OutboxWriter } from '@enforcement/platform';
import { openThrowawaySchema, type ThrowawaySchema } from '@enforcement/platform/testing/throwaway-schema';
import { migrations } from '../database/migrations';
import { createExAnteStoreActivities } from '../ex-ante/ex-ante-store.activities';
import { createAnnualReportStoreActivities } from './annual-report-store.activities';
import { createObjectionStoreActivities } from './objection-store.activities';
import { createPublicationStoreActivities } from './publication-store.activities';

/*
 * C2 on the test stack's PostgreSQL (a throwaway schema with disclosure-svc's migrations): the objection (D9), annual
 * report (D10), ex-ante update (D3) and take-down (D8) limits put `deadline.started.v1` in the outbox in the same
 * transaction as the step that starts them and `deadline.met.v1` with the step that meets them, keyed like their
 * warnings; a retried step adds nothing. Fixed past dates, never today's.
 */
describe('disclosure limits from start to met (C2, PostgreSQL outbox)', () => {
  let scratch: ThrowawaySchema;
  let db: DataSource;
  const outbox = new OutboxWriter();
  const relay = { kick: () => undefined };
  const limit = (deadline: string): PublicationLimit => ({
    deadline,
    warningAt: new Date(Date.parse(deadline) - 86_400_000).toISOString(),
    provisional: false,
    calendarFingerprint: 'cal-test',
  });

  beforeAll(async () => {
    scratch = await openThrowawaySchema(
      `limits_${randomUUID().slice(0, 8)}`,
      migrations.map((M) => new M()),
    );
    db = scratch.db;
  }, 60_000);
  afterAll(async () => scratch?.drop());

  /** The deadline facts in the outbox about one subject, oldest first. */
  async function factsOf(subjectId: string) {
    const rows: { type: string; payload: { time: string; data: Record<string, unknown> } }[] = await db.query(
      `select type, payload from outbox where type like 'deadline.%' and payload->'data'->>'subjectId' = $1
        order by payload->>'time', type desc`,
      [subjectId],
    );
    for (const r of rows) {
      (r.type === deadlineStartedV1.type ? deadlineStartedV1 : deadlineMetV1).data.parse(r.payload.data);
    }
    return rows.map((r): Record<string, unknown> => ({ type: r.type, time: r.payload.time, ...r.payload.data }));
  }

  const decision = (caseNumber: string): CaseDecisionIssuedV1 => ({
    caseNumber,
    decisionNumber: `罚〔2019〕${caseNumber}号`,
    category: 'penalty',
    permitGranted: null,
    party: { name: '某某化工有限公司', kind: 'organisation', idCode: null },
    conclusion: '罚款人民币五万元',
    text: '某某化工有限公司超标排放，罚款人民币五万元。',
    decidedAt: '2019-06-03T02:00:00.000Z',
    unitId: 'unit-a',
    agency: { id: 'agency-1', name: '某市生态环境局' },
    officers: ['张执法'],
  });

  it('C2, D9: an objection’s limit starts at its receipt and is met by the answer, once each however often retried', async () => {
    const publications = createPublicationStoreActivities({ dataSource: db, outbox, relay: relay as never });
    const objections = createObjectionStoreActivities({ dataSource: db, outbox, relay });
    const publicationId = 'publication:C2-OBJ';
    await publications.prepareDraft({
      publicationId,
      decision: decision('C2-OBJ'),
      limit: limit('2019-06-17T16:00:00Z'),
    });
    const objectionId = randomUUID();
    const submission = {
      objectionId,
      publicationId,
      decisionNumber: '罚〔2019〕C2-OBJ号',
      unitId: 'unit-a',
      caseNumber: 'C2-OBJ',
      submitter: { name: '李某', contact: '13800000000' },
      content: '当事人名称有误',
      evidenceRefs: [],
      urgent: false,
      urgencyReason: null,
      receivedAt: '2019-07-01T02:00:00.000Z',
    };
    const decideBy = limit('2019-07-15T16:00:00.000Z');
    await objections.recordObjection({ submission, limit: decideBy });
    await objections.recordObjection({ submission, limit: decideBy });
    const answer = {
      objectionId,
      publicationId,
      decision: { outcome: 'refused' as const, reasons: '原公示内容无误', correction: null },
      decidedAt: '2019-07-10T02:00:00.000Z',
      decidedBy: 'disclosure-1',
      onTime: true,
      limit: decideBy,
    };
    await objections.recordObjectionDecision(answer);
    await objections.recordObjectionDecision(answer);
    const facts = await factsOf(objectionWorkflowId(objectionId));
    expect(facts).toEqual([
      expect.objectContaining({
        type: 'deadline.started.v1',
        process: 'disclosure',
        limit: 'objection-limit',
        caseNo: 'C2-OBJ',
        unitId: 'unit-a',
        deadline: decideBy.deadline,
        calendarFingerprint: 'cal-test',
        startedAt: submission.receivedAt,
      }),
      expect.objectContaining({
        type: 'deadline.met.v1',
        limit: 'objection-limit',
        deadline: decideBy.deadline,
        metAt: answer.decidedAt,
      }),
    ]);
  });

  it('C2, D10: both annual-report limits start with the assembly and each is met by its own step', async () => {
    const reports = createAnnualReportStoreActivities({ dataSource: db, outbox, relay });
    const workflowId = 'annual-report:2019';
    const submitBy = limit('2020-01-15T16:00:00.000Z');
    const publicBy = limit('2020-01-31T16:00:00.000Z');
    const assembly = { year: 2019, workflowId, at: '2019-12-31T16:00:00.000Z', submitBy, publicBy };
    await reports.assembleAnnualReport(assembly);
    await reports.assembleAnnualReport(assembly);
    const step = { year: 2019, step: 'submitted' as const, actorId: 'legal-1', at: '2020-01-10T02:00:00.000Z' };
    await reports.recordAnnualReportStep({ ...step, reference: '司法局收文〔2020〕3号' });
    await reports.recordAnnualReportStep({ ...step, reference: '司法局收文〔2020〕3号' });
    const facts = await factsOf(workflowId);
    expect(facts.map((f) => [f.type, f.limit, f.deadline, f.caseNo, f.unitId])).toEqual([
      ['deadline.started.v1', 'annual-report-justice-bureau', submitBy.deadline, 'annual-report-2019', 'agency'],
      ['deadline.started.v1', 'annual-report-public', publicBy.deadline, 'annual-report-2019', 'agency'],
      ['deadline.met.v1', 'annual-report-justice-bureau', submitBy.deadline, 'annual-report-2019', 'agency'],
    ]);
    await reports.recordAnnualReportStep({
      ...step,
      step: 'published',
      at: '2020-01-20T02:00:00.000Z',
      reference: null,
    });
    const after = await factsOf(workflowId);
    expect(after.slice(3)).toEqual([
      expect.objectContaining({
        type: 'deadline.met.v1',
        limit: 'annual-report-public',
        metAt: '2020-01-20T02:00:00.000Z',
      }),
    ]);
  });

  it('C2, D3: a flag starts the ex-ante update limit and the new version meets it', async () => {
    const store = createExAnteStoreActivities({ dataSource: db, outbox, relay: relay as never });
    const content = (title: string) => ({
      title,
      body: '办理依据：《社会团体登记管理条例》。',
      officers: [],
      attachments: [],
      secrecyReview: false,
    });
    const v1 = { version: 1, content: content('登记指南'), publishedAt: '2019-03-01T02:00:00.000Z', publishedBy: 'p' };
    const v2 = { ...v1, version: 2, content: content('登记指南（修订）'), publishedAt: '2019-03-20T02:00:00.000Z' };
    const base: ExAnteState = {
      itemId: randomUUID(),
      kind: 'service-guide',
      unitId: 'unit-a',
      agencyId: 'agency-1',
      agencyName: '某市民政局',
      draft: null,
      published: v1,
      withdrawn: null,
      flag: null,
      lastVersion: 1,
    };
    const flag = {
      cause: 'law-changed' as const,
      reference: '《条例》修订',
      flaggedAt: '2019-03-05T02:00:00.000Z',
      flaggedBy: 'l',
    };
    const updateBy = limit('2019-04-02T16:00:00.000Z');
    const step = { actor: 'p', detail: {} };
    await store.recordExAnteStep({
      ...step,
      stepNo: 1,
      step: 'publish',
      at: v1.publishedAt,
      state: base,
      updateBy: null,
    });
    const flagged = { ...step, stepNo: 2, step: 'flag', at: flag.flaggedAt, state: { ...base, flag }, updateBy };
    await store.recordExAnteStep(flagged);
    await store.recordExAnteStep(flagged);
    const updated = { ...base, published: v2, lastVersion: 2 };
    await store.recordExAnteStep({
      ...step,
      stepNo: 3,
      step: 'publish',
      at: v2.publishedAt,
      state: updated,
      updateBy: null,
    });
    const facts = await factsOf(`ex-ante:${base.itemId}`);
    expect(facts).toEqual([
      expect.objectContaining({
        type: 'deadline.started.v1',
        limit: 'ex-ante-update',
        startedAt: flag.flaggedAt,
        deadline: updateBy.deadline,
      }),
      expect.objectContaining({
        type: 'deadline.met.v1',
        limit: 'ex-ante-update',
        metAt: v2.publishedAt,
        deadline: updateBy.deadline,
      }),
    ]);
  });

  it('C2, D8: a revoked published decision’s take-down limit starts at the legal document and is met by the take-down', async () => {
    const publications = createPublicationStoreActivities({ dataSource: db, outbox, relay: relay as never });
    const publicationId = 'publication:C2-TD';
    const state = await publications.prepareDraft({
      publicationId,
      decision: decision('C2-TD'),
      limit: limit('2019-06-17T16:00:00Z'),
    });
    const takeDown = limit('2019-08-07T16:00:00.000Z');
    await publications.withdrawItem({
      publicationId,
      revision: 2,
      correlationId: 'c2',
      state: { ...state, status: 'withdrawn' },
      reason: 'decision-revoked',
      explanation: '复议撤销',
      newDecisionNumber: null,
      at: '2019-08-05T02:00:00.000Z',
      deadline: takeDown.deadline,
      takeDown: { startedAt: '2019-08-02T02:00:00.000Z', limit: takeDown },
      wasPublic: true,
    });
    const facts = (await factsOf(publicationId)).filter((f) => f.limit === 'take-down-limit');
    expect(facts).toEqual([
      expect.objectContaining({ type: 'deadline.started.v1', startedAt: '2019-08-02T02:00:00.000Z', caseNo: 'C2-TD' }),
      expect.objectContaining({
        type: 'deadline.met.v1',
        metAt: '2019-08-05T02:00:00.000Z',
        deadline: takeDown.deadline,
      }),
    ]);
  });
});
