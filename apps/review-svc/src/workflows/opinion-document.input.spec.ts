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

  it('L9: both names are on the opinion document — the drafter (初审) and the re-reviewer (复审) with their sign times', () => {
    const built = opinionDocumentInputOf(state, undefined)!;
    const opinion = state.rounds[0].opinion!;
    expect(built.document.reviewers).toEqual([
      { name: opinion.draftedBy, signedAt: opinion.draftedAt, stage: 'draft' },
      { name: opinion.reReviewedBy, signedAt: opinion.reReviewedAt, stage: 're-review' },
    ]);
    expect(built.document.reviewers[0].name).not.toBe(built.document.reviewers[1].name);
    // The fixture's re-reviewer is the section head, so they sign the section's line too.
    expect(built.document.legalSectionHead).toEqual({ name: opinion.reReviewedBy, signedAt: opinion.reReviewedAt });
    expect(built.document.issuedAt).toBe(opinion.reReviewedAt);
  });

  it('L9: a re-review by another legal reviewer prints no section-head line it never signed', () => {
    const round = state.rounds[0];
    const byReviewer = {
      ...state,
      rounds: [
        {
          ...round,
          opinion: { ...round.opinion!, reReviewedBy: 'u-reviewer-xu', reReviewedAs: 'legal-reviewer' as const },
        },
      ],
    };
    const built = opinionDocumentInputOf(byReviewer, undefined)!;
    expect(built.document.reviewers.map((r) => [r.name, r.stage])).toEqual([
      [round.opinion!.draftedBy, 'draft'],
      ['u-reviewer-xu', 're-review'],
    ]);
    expect(built.document.legalSectionHead).toBeNull();
  });
});
