'use strict';
// The two cases of test/scenarios/*.e2e-spec.ts, driven through the gateway by the roles that act in them, written
// to survive faults: every call is retried by the client, and a step whose earlier attempt may have gone through
// (answer lost) is checked against the case's timeline instead of being failed.
const { randomUUID } = require('node:crypto');
const { requiredMaterials, REVIEW_ITEMS } = require('@enforcement/domain');
const { expectStatus, eventually } = require('./client');

const HOUR = 3_600_000;
const iso = (offsetMs) => new Date(Date.now() + offsetMs).toISOString();
const OFFICERS = [
  { name: '张执法', certificateNo: '43040001', certificateShown: true },
  { name: '王执法', certificateNo: '43040002', certificateShown: true },
];
const PENALTY_FACTS = {
  initiation: 'filing',
  evidenceCollected: ['documentary-evidence', 'party-statement', 'on-site-transcript'],
  appraisalDone: false,
  expertConsulted: false,
  hearingHeld: false,
  discretionExercised: true,
  otherMaterials: false,
};
const LARGE_FINE = { category: 'penalty', procedure: 'general', partyType: 'organisation', fineYuan: 80_000 };

/** Every step of a case in order: what the timeline of an archived case must list. */
const ALL_STEPS = ['initiation', 'investigation', 'review', 'decision', 'service', 'execution', 'closure', 'archiving'];

class CaseDriver {
  constructor(client, caseNo, log) {
    this.client = client;
    this.caseNo = caseNo;
    this.log = log;
    this.base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
    this.reviewBase = `/api/v1/reviews/${encodeURIComponent(caseNo)}`;
    /** Records whose add was retried after a lost answer: the timeline may hold them twice (not @Repeatable). */
    this.ambiguousRecords = 0;
  }

  async record(body, user = 'u-officer-1') {
    const res = await this.client.call('POST', `${this.base}/records`, { user, body });
    if (res.ambiguous) this.ambiguousRecords += 1;
    return expectStatus(res, `${this.caseNo} record ${body.type}`, 201).recordIds;
  }

  async completedSteps() {
    const res = await this.client.call('GET', `${this.base}/timeline`, { user: 'u-officer-1' });
    const timeline = expectStatus(res, `${this.caseNo} timeline`, 200);
    return timeline.entries.filter((e) => e.kind === 'step-completed').map((e) => e.step);
  }

  /** Completes a step; a refusal after an attempt whose answer was lost is fine if the timeline shows it done. */
  async complete(step, user = 'u-officer-1') {
    const res = await this.client.call('POST', `${this.base}/steps/${step}/complete`, { user, body: {} });
    if (res.status === 200) return res.body;
    if (res.ambiguous && res.status === 409 && (await this.completedSteps()).includes(step)) return { step };
    return expectStatus(res, `${this.caseNo} complete ${step}`, 200);
  }

  async step(step, records, recordUser) {
    for (const r of records) await this.record(r, recordUser);
    return this.complete(step);
  }

  async review(user, path, body = {}) {
    const res = await this.client.call('POST', `${this.reviewBase}/${path}`, { user, body });
    return expectStatus(res, `${this.caseNo} review ${path}`, 200, 201);
  }

  /** The draft exists once decision facts reached disclosure-svc; publishing is retried until it is published. */
  async publish(decisionNumber, mode) {
    const path = `/api/v1/disclosure/publications/${encodeURIComponent(decisionNumber)}`;
    await eventually(async () => {
      const r = await this.client.call('GET', path, { user: 'u-disclosure-officer' });
      return r.status === 200 ? r.body : undefined;
    }, `the publication draft of ${decisionNumber}`);
    const res = await this.client.call('POST', `${path}/publish`, { user: 'u-disclosure-officer', body: { mode } });
    if (res.status === 200) return res.body;
    const now = await this.client.call('GET', path, { user: 'u-disclosure-officer' });
    if (res.ambiguous && now.body?.status === 'published') return now.body;
    return expectStatus(res, `${this.caseNo} publish`, 200);
  }

  async archive() {
    const res = await this.client.call('POST', `${this.base}/archive-bundle`, { user: 'u-records-admin', body: {} });
    // The bundle completes the archiving step itself (R10).
    return expectStatus(res, `${this.caseNo} archive bundle`, 201, 200);
  }

  async closeOut() {
    await this.step('execution', [
      { type: 'execution-record', fields: { performance: '当事人已履行，物品已依法处置', checkedAt: iso(0) } },
    ]);
    await this.step('closure', [{ type: 'closure-report', fields: { summary: '案件办结', closedAt: iso(0) } }]);
    await this.archive();
  }
}

function serviceRecord(caseNo, documentName, recipient, place) {
  return {
    type: 'service',
    fields: {
      method: 'direct',
      documentName,
      servedAt: iso(0),
      place,
      servers: ['张执法', '王执法'],
      recipient,
      receiptRef: `送达回证 ${caseNo}`,
    },
  };
}

/** Issue 12 scenario 1, shortened to what faults can break: the review with a supplement and a pause, to the archive. */
async function penaltyCase(client, prefix, say, onStart = () => {}) {
  const caseNo = `${prefix}P-${randomUUID().slice(0, 8)}`;
  const d = new CaseDriver(client, caseNo);
  const year = new Date().getUTCFullYear();
  const decisionNumber = `衡应急罚〔${year}〕${caseNo}号`;
  onStart({ caseNo, kind: 'penalty', decisionNumber, review: true });
  const party = {
    name: '陈建国',
    kind: 'natural-person',
    idNumber: '430402198503124023',
    address: '衡阳市某区某路8号',
    contact: '13973400123',
  };
  say(`${caseNo}: initiation`);
  expectStatus(
    await client.call('POST', '/api/v1/cases', {
      user: 'u-officer-1',
      body: {
        caseNumber: caseNo,
        category: 'penalty',
        title: `行政处罚 ${caseNo}`,
        party,
        needsReview: true,
        handlingDeadline: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      },
    }),
    `${caseNo} create`,
    201,
  );
  await d.step(
    'initiation',
    [
      {
        type: 'initiation-approval',
        fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '《行政处罚法》第五十四条' },
      },
    ],
    'u-agency-head',
  );
  say(`${caseNo}: investigation`);
  const av = (from, to) => [
    { sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'), kind: 'video', startedAt: iso(from), endedAt: iso(to) },
  ];
  await d.step('investigation', [
    {
      type: 'inspection-transcript',
      fields: {
        officers: OFFICERS,
        place: party.address,
        startedAt: iso(-4 * HOUR),
        endedAt: iso(-3.5 * HOUR),
        findings: '当事人无证经营烟花爆竹',
        signedBy: party.name,
      },
      av: av(-4 * HOUR, -3.5 * HOUR),
    },
  ]);
  say(`${caseNo}: review`);
  expectStatus(
    await client.call('POST', `${d.reviewBase}/preliminary-review`, {
      user: 'u-unit-head-1',
      body: { outcome: 'passed', documentRef: 'sha256:preliminary-review' },
    }),
    `${caseNo} preliminary review`,
    201,
    200,
  );
  const materials = requiredMaterials(PENALTY_FACTS)
    .filter((r) => r.item !== 'party-statement')
    .map((r) => ({ item: r.item, documentRef: `sha256:${r.item}` }));
  const submission = {
    caseNo,
    proposedDecision: LARGE_FINE,
    partyName: party.name,
    caseFacts: PENALTY_FACTS,
    materials,
    urgent: false,
  };
  const requestId = randomUUID();
  await eventually(async () => {
    const r = await client.call('POST', '/api/v1/reviews', { user: 'u-officer-1', body: submission, requestId });
    if (r.status === 409 && r.body?.code === 'REVIEW.CASE_NOT_REGISTERED') return undefined;
    return expectStatus(r, `${caseNo} submit`, 201);
  }, `review-svc to register ${caseNo}`);
  await d.review('u-legal-reviewer', 'missing-materials', { missing: ['party-statement'] });
  await d.review('u-officer-1', 'supplement', {
    materials: [{ item: 'party-statement', documentRef: 'sha256:party-statement' }],
  });
  await d.review('u-legal-reviewer', 'accept');
  const pauseId = `expert-${caseNo}`;
  await d.review('u-legal-reviewer', 'pauses', { pauseId, kind: 'expert-consultation', reason: '专家论证' });
  await d.review('u-legal-reviewer', `pauses/${pauseId}/resume`);
  const findings = REVIEW_ITEMS.map(({ item }) => ({ item, outcome: 'satisfied', note: '' }));
  await d.review('u-legal-reviewer', 'findings', { findings });
  await d.review('u-legal-reviewer', 'opinion-draft', {
    opinion: 'approve',
    documentNo: `法审〔${year}〕${caseNo}`,
    summary: '同意',
  });
  await d.review('u-legal-head', 'opinion-re-review', { decision: 'approve' });
  await d.review('u-leadership-meeting', 'decision', {
    mode: 'collective-discussion',
    minutesRef: `纪要 ${caseNo}`,
    decisionRef: decisionNumber,
  });
  await eventually(async () => {
    const r = await client.call('POST', `${d.base}/steps/review/complete`, { user: 'u-officer-1', body: {} });
    if (r.status === 200) return true;
    if (r.status === 409 && r.body?.code === 'CASE.WRONG_STEP' && (await d.completedSteps()).includes('review'))
      return true;
    return undefined;
  }, `review.concluded.v1 of ${caseNo} to open the decision step`);
  say(`${caseNo}: decision, service, publication`);
  const text = `行政处罚决定书 ${decisionNumber}。当事人：${party.name}，身份证号码${party.idNumber}，联系电话${party.contact}。经查，当事人无证经营烟花爆竹。决定：罚款人民币一万元。`;
  await d.step('decision', [
    {
      type: 'decision-document',
      fields: {
        documentNumber: decisionNumber,
        decidedAt: iso(0),
        text,
        conclusion: '罚款人民币一万元',
        officers: ['张执法', '王执法'],
        evidenceReasoning: '笔录与录像相互印证',
        basisReasoning: '适用《烟花爆竹安全管理条例》第三十六条',
        discretionReasoning: '初次违法，从轻',
      },
    },
  ]);
  await d.step('service', [serviceRecord(caseNo, '行政处罚决定书', party.name, party.address)]);
  await d.publish(decisionNumber, 'full-text');
  say(`${caseNo}: execution, closure, archive`);
  await d.closeOut();
  return { caseNo, kind: 'penalty', decisionNumber, ambiguousRecords: d.ambiguousRecords, review: true };
}

/** Issue 12 scenario 2: a permit on application, without review, to its full-text publication and the archive. */
async function permitCase(client, prefix, say, onStart = () => {}) {
  const caseNo = `${prefix}L-${randomUUID().slice(0, 8)}`;
  const d = new CaseDriver(client, caseNo);
  const year = new Date().getUTCFullYear();
  const decisionNumber = `衡民许〔${year}〕${caseNo}号`;
  onStart({ caseNo, kind: 'permit', decisionNumber, review: false });
  const party = {
    name: '衡阳市某某康养服务中心',
    kind: 'organisation',
    idNumber: '52430400MJJ000123L',
    address: '衡阳市某区某街道9号',
    contact: '0734-8123456',
  };
  say(`${caseNo}: application`);
  expectStatus(
    await client.call('POST', '/api/v1/cases', {
      user: 'u-officer-1',
      body: {
        caseNumber: caseNo,
        category: 'permit',
        title: `行政许可 ${caseNo}`,
        party,
        initiationMode: 'application',
        needsReview: false,
      },
    }),
    `${caseNo} create`,
    201,
  );
  await d.complete('initiation');
  await d.step('investigation', [
    {
      type: 'inspection-transcript',
      fields: {
        officers: OFFICERS,
        place: party.address,
        startedAt: iso(-2 * HOUR),
        endedAt: iso(-1.5 * HOUR),
        findings: '申请人条件符合',
        signedBy: '申请人法定代表人',
      },
      av: [{ sha256: 'f'.repeat(64), kind: 'video', startedAt: iso(-2 * HOUR), endedAt: iso(-1.5 * HOUR) }],
    },
  ]);
  await d.complete('review');
  say(`${caseNo}: decision, service, publication`);
  await d.step('decision', [
    {
      type: 'decision-document',
      fields: {
        documentNumber: decisionNumber,
        decidedAt: iso(0),
        text: `准予行政许可决定书 ${decisionNumber}。申请人：${party.name}。决定准予登记。`,
        conclusion: '准予登记',
        officers: ['张执法', '王执法'],
        evidenceReasoning: '材料与核查一致',
        basisReasoning: '适用《民办非企业单位登记管理暂行条例》第十一条',
        discretionReasoning: '不涉及裁量',
        permitGranted: true,
      },
    },
  ]);
  await d.step('service', [serviceRecord(caseNo, '准予行政许可决定书', '申请人法定代表人', party.address)]);
  await d.publish(decisionNumber, 'full-text');
  say(`${caseNo}: execution, closure, archive`);
  await d.closeOut();
  return { caseNo, kind: 'permit', decisionNumber, ambiguousRecords: d.ambiguousRecords, review: false };
}

module.exports = { penaltyCase, permitCase, ALL_STEPS };
