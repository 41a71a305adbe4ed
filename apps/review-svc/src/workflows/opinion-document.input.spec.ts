import { Flow } from '@enforcement/domain/review/testing/review.fixtures';
import { opinionDocumentInputOf, PARTY_SEE_CASE_FILE } from './opinion-document.input';

describe('the opinion document input built from a review', () => {
  const state = Flow.withOpinion('approve', undefined, { reviewId: 'R-1', caseNo: '衡民罚〔2026〕9号' }).current;

  it('L9: prints the agency, case title and party fixed at submission', () => {
    const built = opinionDocumentInputOf(state, {
      agencyName: '某市民政局',
      caseTitle: '某养老服务有限公司未按规定备案案',
      party: { name: '某养老服务有限公司', type: 'organisation' },
    })!;
    expect(built.document.agency.name).toBe('某市民政局');
    expect(built.document.case).toEqual({ caseNo: '衡民罚〔2026〕9号', title: '某养老服务有限公司未按规定备案案' });
    expect(built.document.party).toEqual({ name: '某养老服务有限公司', type: 'organisation' });
  });

  it('L9: a review started before particulars existed prints the ids and “see the case file” instead', () => {
    const built = opinionDocumentInputOf(state, undefined)!;
    expect(built.document.agency.name).toBe(state.agencyId);
    expect(built.document.case.title).toBe(state.caseNo);
    expect(built.document.party).toEqual({ name: PARTY_SEE_CASE_FILE, type: 'organisation' });
  });
});
