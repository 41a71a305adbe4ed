import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '@enforcement/platform/testing/stack-env';
import { bearer, expectStatus, gateway } from '../apps/gateway/src/reviews/testing/review-journey';
import { accessProbe, accessRowsOf, audit, token, type Service } from './access-log/access-records';

/*
 * SPEC R8, C3 for disclosure's internal reads on the real stack: an ex-ante item (the version under work, served by
 * the gateway from its workflow) and the ex-ante list, the D12 accountability list and the D10 annual report (figures
 * and PDF; disclosure-svc) each leave exactly one access record naming the reader, the ids read, when, from where
 * and the correlation id; a 404 leaves none; GET /api/v1/audit finds each. (Drafts, the inbox and the publication
 * commands: access-log-reads.e2e-spec.ts.)
 */
const run = randomUUID().slice(0, 8);
const { read, expectOneRecord, userAgent } = accessProbe(run);
const UNIT = 'unit-enforcement-1';
const disclosureOfficer = { id: `u-r8-disclosure-${run}`, roles: ['disclosure-officer'], unitId: UNIT };
const WORD = `访问登记${run}`;

describe('disclosure’s internal reads are logged (SPEC R8, C3)', () => {
  const startedAt = Date.now();
  const reads: { requestId: string; actor: string; service: Service }[] = [];

  it('R8, C3, D1, D12: a disclosure officer reading an ex-ante item, the ex-ante list and the accountability list leaves one record each', async () => {
    const officer = await token(disclosureOfficer);
    const who = { actor: disclosureOfficer.id, role: 'disclosure-officer', unitId: UNIT };
    const created = await request(gateway)
      .post('/api/v1/disclosure/ex-ante')
      .set('authorization', officer)
      .send({
        kind: 'service-guide',
        unitId: UNIT,
        agencyId: 'demo-civil-affairs-bureau',
        agencyName: '演示市民政局',
        title: `访问登记事前公开${run}`,
        body: `办理依据：《社会团体登记管理条例》。办理时限：20个工作日。${WORD}`,
      });
    expectStatus(created, 201);
    const itemId = created.body.itemId as string;

    const item = await read(`/api/v1/disclosure/ex-ante/${itemId}`, officer);
    expectStatus(item.res, 200);
    const viewed = await expectOneRecord(
      item.requestId,
      'gateway',
      who,
      { action: 'view', caseNumber: null, subject: `disclosure/ex-ante/${itemId}` },
      startedAt,
    );
    expect(viewed).toMatchObject({ record_unit_id: UNIT, detail: { itemId, kind: 'service-guide' } });
    reads.push({ requestId: item.requestId, actor: disclosureOfficer.id, service: 'gateway' });

    // The list shows the item once disclosure-svc has stored it: one record for the read that shows it.
    const listed = await eventually(async () => {
      const r = await read('/api/v1/disclosure/ex-ante', officer, { unitId: UNIT, pageSize: '100' });
      return r.res.status === 200 && r.res.body.items.some((i: { itemId: string }) => i.itemId === itemId)
        ? r
        : undefined;
    }, 'the item in the ex-ante list');
    const list = await expectOneRecord(
      listed.requestId,
      'disclosure-svc',
      who,
      { action: 'list', caseNumber: null, subject: 'disclosure/ex-ante' },
      startedAt,
    );
    expect(list.detail).toMatchObject({ query: { unitId: UNIT, page: 1 }, count: listed.res.body.items.length });
    reads.push({ requestId: listed.requestId, actor: disclosureOfficer.id, service: 'disclosure-svc' });

    const accountability = await read('/api/v1/disclosure/accountability', officer, { unitId: UNIT });
    expectStatus(accountability.res, 200);
    const account = await expectOneRecord(
      accountability.requestId,
      'disclosure-svc',
      who,
      { action: 'list', caseNumber: null, subject: 'disclosure/accountability' },
      startedAt,
    );
    expect(account.detail).toMatchObject({ query: { unitId: UNIT }, count: accountability.res.body.units.length });
    reads.push({ requestId: accountability.requestId, actor: disclosureOfficer.id, service: 'disclosure-svc' });

    // An item that does not exist is not found, and not found is no read: no record.
    const hidden = await read(`/api/v1/disclosure/ex-ante/${randomUUID()}`, officer);
    expectStatus(hidden.res, 404);
    expect(await accessRowsOf(hidden.requestId)).toEqual([]);
  }, 120_000);

  it('R8, C3, D10: the legal section head reading a year’s annual report, as figures and as PDF, leaves one record each', async () => {
    const head = { id: `u-r8-legal-head-${run}`, roles: ['legal-section-head'], unitId: 'unit-legal' };
    const auth = await token(head);
    const who = { actor: head.id, role: 'legal-section-head', unitId: 'unit-legal' };
    // A year that has its report already; else the earliest free one is assembled (the D10 spec takes the latest).
    let year = 0;
    let free = 0;
    for (let y = 2014; y <= 2024 && year === 0; y++) {
      const res = await request(gateway).get(`/api/v1/disclosure/annual-reports/${y}`).set('authorization', auth);
      if (res.status === 200) year = y;
      else if (free === 0 && res.body.code === 'DISCLOSURE.ANNUAL_REPORT_NOT_FOUND') free = y;
    }
    if (year === 0) {
      expect(free).toBeGreaterThan(0);
      const started = await request(gateway)
        .post('/api/v1/disclosure/annual-reports')
        .set('authorization', auth)
        .send({ year: free });
      expect([202, 409]).toContain(started.status);
      year = free;
    }
    const figures = await eventually(async () => {
      const r = await read(`/api/v1/disclosure/annual-reports/${year}`, auth);
      return r.res.status === 200 ? r : undefined;
    }, 'the assembled report');
    const viewed = await expectOneRecord(
      figures.requestId,
      'disclosure-svc',
      who,
      { action: 'view', caseNumber: null, subject: `disclosure/annual-reports/${year}` },
      startedAt,
    );
    expect(viewed.detail).toMatchObject({ year });

    const pdf = await read(`/api/v1/disclosure/annual-reports/${year}/pdf`, auth);
    expectStatus(pdf.res, 200);
    expect(pdf.res.headers['content-type']).toContain('application/pdf');
    await expectOneRecord(
      pdf.requestId,
      'disclosure-svc',
      who,
      { action: 'download', caseNumber: null, subject: `disclosure/annual-reports/${year}/pdf` },
      startedAt,
    );
    reads.push({ requestId: figures.requestId, actor: head.id, service: 'disclosure-svc' });
    reads.push({ requestId: pdf.requestId, actor: head.id, service: 'disclosure-svc' });
  }, 180_000);

  it('R8, C3: GET /api/v1/audit finds each of these reads under the reader, with the correlation id', async () => {
    expect(reads).toHaveLength(5);
    const legalHead = await bearer('u-legal-head');
    for (const r of reads) {
      const entries = await audit({ person: r.actor, kind: 'read' }, legalHead);
      const entry = entries.find((e) => e.correlationId === r.requestId);
      expect(entry).toMatchObject({ service: r.service, kind: 'read', actor: r.actor, userAgent });
    }
  }, 60_000);
});
