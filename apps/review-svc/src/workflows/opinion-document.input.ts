/**
 * The renderer input of the 法制审核意见书 (SPEC L9), built from the review state once the opinion is issued.
 * Workflow code (pure and deterministic): the input is kept in history, so a retried or replayed activity renders
 * the same bytes.
 *
 * The agency's name, the case title and the party come from the particulars fixed at submission (the catalogue in
 * force, the case as initiated, the submission). A review started before particulars existed prints the agency id,
 * the case number and `详见案卷` (see the case file) instead. There is no directory of people or units yet, so:
 * - legal-affairs section: `法制机构` (the regulation's generic name); handling unit: the unit id;
 * - reviewers (L9 初审、复审): the ids of the drafter and of the re-reviewer, each with the time they signed; the
 *   re-reviewer also signs as section head when they re-reviewed in that role. An opinion issued before the
 *   two-person review prints its issuer as reviewer and section head, as it did then.
 */
import type { ReviewParticulars, ReviewRound, ReviewState } from '@enforcement/domain';
import type { OpinionDocumentInput, OpinionSignature } from '../opinions/opinion-document.types';

/** Printed where the state has no name for the legal-affairs section. */
export const LEGAL_SECTION_NAME = '法制机构';
/** Printed where the review has no particulars (started before they existed) for the party (当事人). */
export const PARTY_SEE_CASE_FILE = '详见案卷';

/** What `issueOpinionDocument` needs: where to register the copies, and what to print. */
export interface IssueOpinionDocumentInput {
  readonly reviewId: string;
  readonly caseNo: string;
  readonly round: number;
  readonly document: OpinionDocumentInput;
}

/** The input for the current round's own opinion; `null` when the round has none. */
export function opinionDocumentInputOf(
  state: ReviewState,
  particulars: ReviewParticulars | undefined,
): IssueOpinionDocumentInput | null {
  const round: ReviewRound | undefined = state.rounds[state.rounds.length - 1];
  const opinion = round?.opinion ?? null;
  if (round === undefined || opinion === null) return null;
  const { reviewers, legalSectionHead } = signaturesOf(opinion);
  return {
    reviewId: state.reviewId,
    caseNo: state.caseNo,
    round: round.round,
    document: {
      agency: { name: particulars?.agencyName || state.agencyId, legalSectionName: LEGAL_SECTION_NAME },
      documentNo: opinion.documentNo,
      case: { caseNo: state.caseNo, title: particulars?.caseTitle || state.caseNo },
      handlingUnitName: state.unitId,
      party: particulars?.party ?? { name: PARTY_SEE_CASE_FILE, type: 'organisation' },
      submittedAt: state.submission.submittedAt,
      completeMaterialsReceivedAt: round.completeMaterialsReceivedAt,
      findings: round.findings ?? [],
      opinion: { type: opinion.type, reasoning: opinion.summary, transfer: opinion.transfer },
      // L10: the reducer refuses an opinion while an advisor's opinion is unreviewed, so all of these are reviewed.
      advisorOpinions: round.advisorOpinions
        .filter((a) => a.reviewedAt !== null)
        .map((a) => ({ advisorName: a.advisorName, reviewedAt: a.reviewedAt, reviewNote: a.reviewNote })),
      reviewers,
      legalSectionHead,
      issuedAt: opinion.issuedAt,
    },
  };
}

/** Who signs the document: the two reviews of L9 when the opinion has them, else its one issuer. */
function signaturesOf(opinion: NonNullable<ReviewRound['opinion']>): {
  reviewers: OpinionSignature[];
  legalSectionHead: OpinionSignature | null;
} {
  if (opinion.draftedBy === undefined || opinion.draftedAt === undefined) {
    const issuer = { name: opinion.issuedBy, signedAt: opinion.issuedAt };
    return { reviewers: [issuer], legalSectionHead: issuer };
  }
  const reReview: OpinionSignature = {
    name: opinion.reReviewedBy ?? opinion.issuedBy,
    signedAt: opinion.reReviewedAt ?? opinion.issuedAt,
    stage: 're-review',
  };
  return {
    reviewers: [{ name: opinion.draftedBy, signedAt: opinion.draftedAt, stage: 'draft' }, reReview],
    legalSectionHead:
      opinion.reReviewedAs === 'legal-section-head' ? { name: reReview.name, signedAt: reReview.signedAt } : null,
  };
}
