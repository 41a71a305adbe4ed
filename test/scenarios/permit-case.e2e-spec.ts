import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { expectStatus, gateway, testStackCalendar } from '../../apps/gateway/src/reviews/testing/review-journey';
import {
  as,
  caseDesk,
  completeWith,
  HOUR,
  iso,
  OFFICERS,
  portalSearch,
  publicationDraft,
  publishedFacts,
} from './scenario.steps';

/*
 * Issue 12, scenario 2: a permit applied for by an organisation, through the gateway only — accepted on application
 * (no approval needed, R2), verified on site, granted without a major-decision review (L1 does not list it), served,
 * and published in full on the portal within 7 working days (D4, D6: a granted permit is never an abstract).
 */
describe('scenario: a permit from application to its full-text publication (issue 12)', () => {
  it('R1, R2, R3, R4, L1, D4, D6, D11, C1: application → on-site verification → permit granted → service → full-text publication found on the portal', async () => {
    const caseNo = `SCL-${Date.now().toString(36)}`;
    const word = `民办非企业单位登记${caseNo.slice(-6)}`;
    const party = {
      name: '衡阳市某某康养服务中心',
      kind: 'organisation',
      idNumber: '52430400MJJ000123L',
      address: '衡阳市某区某街道9号',
      contact: '0734-8123456',
    };
    expectStatus(
      await request(gateway)
        .post('/api/v1/cases')
        .set('authorization', await as('u-officer-1'))
        .send({
          caseNumber: caseNo,
          category: 'permit',
          title: `行政许可 ${caseNo}`,
          party,
          initiationMode: 'application',
          needsReview: false,
        }),
      201,
    );
    const desk = caseDesk(caseNo);

    // R2: an application starts the procedure without the ex-officio approval.
    expect(expectStatus(await desk.complete('initiation'), 200).body.step).toBe('investigation');
    await completeWith(desk, 'investigation', [
      {
        type: 'inspection-transcript',
        fields: {
          officers: OFFICERS,
          place: party.address,
          startedAt: iso(-2 * HOUR),
          endedAt: iso(-1.5 * HOUR),
          findings: `申请人场所、人员、章程符合${word}条件`,
          signedBy: '申请人法定代表人',
        },
        av: [{ sha256: 'f'.repeat(64), kind: 'video', startedAt: iso(-2 * HOUR), endedAt: iso(-1.5 * HOUR) }],
      },
    ]);
    // L1: no review needed, so the decision step opens at once.
    expect(expectStatus(await desk.complete('review'), 200).body.step).toBe('decision');

    const year = new Date().getUTCFullYear();
    const decisionNumber = `衡民许〔${year}〕${caseNo}号`;
    const decidedAt = iso(0);
    const text =
      `准予行政许可决定书 ${decisionNumber}。申请人：${party.name}，统一社会信用代码${party.idNumber}。` +
      `经审查，申请人提交的${word}申请材料齐全、符合法定形式，决定准予登记。执法人员：张执法、王执法。`;
    // R3: a permit decision must say whether it was granted.
    const decision = {
      type: 'decision-document',
      fields: {
        documentNumber: decisionNumber,
        decidedAt,
        text,
        conclusion: '准予登记',
        officers: ['张执法', '王执法'],
        evidenceReasoning: '申请材料与现场核查一致',
        basisReasoning: '适用《民办非企业单位登记管理暂行条例》第十一条',
        discretionReasoning: '不涉及裁量',
      },
    };
    expect(expectStatus(await desk.record(decision), 422).body.details).toEqual([
      expect.objectContaining({ field: 'fields.permitGranted' }),
    ]);
    await completeWith(desk, 'decision', [{ ...decision, fields: { ...decision.fields, permitGranted: true } }]);
    await completeWith(desk, 'service', [
      {
        type: 'service',
        fields: {
          method: 'direct',
          documentName: '准予行政许可决定书',
          servedAt: iso(0),
          place: party.address,
          servers: ['张执法', '王执法'],
          recipient: '申请人法定代表人',
          receiptRef: `送达回证 ${caseNo}`,
        },
      },
    ]);

    // D4, D6: due in 7 working days; a granted permit may not be reduced to an abstract.
    const { path, draft } = await publicationDraft(decisionNumber);
    expect(draft.publishBy.deadline).toBe(
      testStackCalendar().deadline(new Date(decidedAt), { workdays: 7 }).toISOString(),
    );
    const officer = await as('u-disclosure-officer');
    const abstract = await request(gateway)
      .post(`${path}/publish`)
      .set('authorization', officer)
      .send({ mode: 'abstract' });
    expect(abstract.status).toBeGreaterThanOrEqual(400);
    expect(abstract.status).toBeLessThan(500);
    expect(abstract.body.code).toBe('DISCLOSURE.FULL_TEXT_REQUIRED');
    expect(abstract.body.message.zh).toContain('全文公开');
    const published = expectStatus(
      await request(gateway).post(`${path}/publish`).set('authorization', officer).send({ mode: 'full-text' }),
      200,
    ).body;
    expect(published.status).toBe('published');

    // D11: the full text on the portal, the credit code kept (published by rule), found by a word of the text.
    const found = await eventually(async () => {
      const r = await portalSearch(word);
      return r.items.length === 1 ? r.items[0] : undefined;
    }, 'the permit on the portal');
    expect(found).toMatchObject({ decisionNumber, category: 'permit', mode: 'full-text', target: party.name });
    expect(found.body).toContain('决定准予登记');
    expect(found.body).toContain(party.idNumber);

    // The publication went out once; its limit started and was met (C2).
    const facts = await eventually(async () => {
      const types = await publishedFacts('DISCLOSURE', caseNo);
      return types.includes('deadline.met.v1') ? types : undefined;
    }, 'disclosure facts');
    expect(facts).toEqual(['deadline.started.v1', 'disclosure.published.v1', 'deadline.met.v1']);
  }, 240_000);
});
