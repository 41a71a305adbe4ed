import { execFileSync } from 'node:child_process';
import request from 'supertest';
import { eventually, serviceUrl } from '@enforcement/platform/testing/stack-env';
import {
  bearer,
  CASE_PARTY,
  expectStatus,
  findings,
  ReviewJourney,
} from '../apps/gateway/src/reviews/testing/review-journey';

/** A party unlike the journey's default, so the document cannot print it by accident. */
const RECORDED_PARTY = { ...CASE_PARTY, name: '衡阳市某某便利店', kind: 'individual-business' } as const;
const TYPED_IN_SUBMISSION = '报送时另填的当事人名称';

describe('the review takes the party from the case record (issue 9; SPEC R1, L9)', () => {
  it('R1, L9: the opinion document prints the case record’s party; a partyName in the submission is ignored', async () => {
    const journey = await ReviewJourney.initiated('RP', { party: RECORDED_PARTY });
    // review-svc keeps the party from case.initiated.v1 beside the handling deadline.
    const record = await eventually(async () => {
      const res = await request(serviceUrl('review-svc'))
        .get(`/cases/${encodeURIComponent(journey.caseNo)}`)
        .set('authorization', await bearer('u-officer-1'));
      return res.status === 200 ? res.body : undefined;
    }, `case ${journey.caseNo} in review-svc`);
    expect(record.party).toEqual({ name: RECORDED_PARTY.name, kind: 'individual-business' });

    expectStatus(await journey.submit({ partyName: TYPED_IN_SUBMISSION }), 201);
    expectStatus(await journey.command('u-legal-reviewer', 'accept'), 200);
    expectStatus(await journey.command('u-legal-reviewer', 'findings', { findings: findings() }), 200);
    expectStatus(
      await journey.command('u-legal-reviewer', 'opinion-draft', {
        opinion: 'approve',
        documentNo: `法审〔2026〕${journey.caseNo}`,
        summary: '事实清楚，证据确凿，适用依据正确，程序合法，同意',
      }),
      200,
    );
    expectStatus(await journey.command('u-legal-head', 'opinion-re-review', { decision: 'approve' }), 200);

    const [listed] = expectStatus(await journey.opinionDocuments('u-officer-1'), 200).body as { copy: string }[];
    const pdf = expectStatus(await journey.opinionDocument('u-officer-1', listed.copy), 200).body as Buffer;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain(`${RECORDED_PARTY.name}（个体工商户）`);
    expect(text).not.toContain(TYPED_IN_SUBMISSION);
  }, 120_000);
});
