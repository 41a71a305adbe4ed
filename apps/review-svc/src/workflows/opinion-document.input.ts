/**
 * The renderer input of the 法制审核意见书 (SPEC L9), built from the review state once the opinion is issued.
 * Workflow code (pure and deterministic): the input is kept in history, so a retried or replayed activity renders
 * the same bytes.
 *
 * The review state keeps people and bodies as ids only, so until a directory of names exists the document prints:
 * - agency name: the agency id; legal-affairs section: `法制机构` (the regulation's generic name);
 * - case title: the case number; handling unit: the unit id;
 * - party: `详见案卷` (see the case file), as an organisation — the submission does not carry the party;
 * - reviewer and section sign-off: the id of the person who issued the opinion, signed at `issuedAt`.
 */
import type { ReviewRound, ReviewState } from '@enforcement/domain';
import type { OpinionDocumentInput } from '../opinions/opinion-document.types';

/** Printed where the state has no name for the legal-affairs section. */
export const LEGAL_SECTION_NAME = '法制机构';
/** Printed where the state has no party (当事人) name. */
export const PARTY_SEE_CASE_FILE = '详见案卷';

/** What `issueOpinionDocument` needs: where to register the copies, and what to print. */
export interface IssueOpinionDocumentInput {
  readonly reviewId: string;
  readonly caseNo: string;
  readonly round: number;
  readonly document: OpinionDocumentInput;
}

/** The input for the current round's own opinion; `null` when the round has none. */
export function opinionDocumentInputOf(state: ReviewState): IssueOpinionDocumentInput | null {
  const round: ReviewRound | undefined = state.rounds[state.rounds.length - 1];
  const opinion = round?.opinion ?? null;
  if (round === undefined || opinion === null) return null;
  const signature = { name: opinion.issuedBy, signedAt: opinion.issuedAt };
  return {
    reviewId: state.reviewId,
    caseNo: state.caseNo,
    round: round.round,
    document: {
      agency: { name: state.agencyId, legalSectionName: LEGAL_SECTION_NAME },
      documentNo: opinion.documentNo,
      case: { caseNo: state.caseNo, title: state.caseNo },
      handlingUnitName: state.unitId,
      party: { name: PARTY_SEE_CASE_FILE, type: 'organisation' },
      submittedAt: state.submission.submittedAt,
      completeMaterialsReceivedAt: round.completeMaterialsReceivedAt,
      findings: round.findings ?? [],
      opinion: { type: opinion.type, reasoning: opinion.summary, transfer: opinion.transfer },
      // L10: the reducer refuses an opinion while an advisor's opinion is unreviewed, so all of these are reviewed.
      advisorOpinions: round.advisorOpinions
        .filter((a) => a.reviewedAt !== null)
        .map((a) => ({ advisorName: a.advisorName, reviewedAt: a.reviewedAt, reviewNote: a.reviewNote })),
      reviewers: [signature],
      legalSectionHead: signature,
      issuedAt: opinion.issuedAt,
    },
  };
}
