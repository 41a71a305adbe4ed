/**
 * 初审 — the preliminary review (SPEC L2; seed 001 §二(三) 承办机构负责人初审通过并出具初审文书): the contract between
 * the gateway (the edge: who signs, once-only keys) and review-svc, which owns the record in its append-only
 * `preliminary_reviews`. A sign-off is written by the short `signPreliminaryReviewWorkflow` on the review task queue
 * (a durable start, like every other write); the latest one is read from review-svc's read API.
 */
export const SIGN_PRELIMINARY_REVIEW_WORKFLOW_TYPE = 'signPreliminaryReviewWorkflow';

/** One workflow per sign-off call: a retried call (same once-only key) names the same workflow. */
export function preliminaryReviewWorkflowId(caseNo: string, signOffKey: string): string {
  return `preliminary-review:${caseNo}:${signOffKey}`;
}

/** Input of `signPreliminaryReviewWorkflow` and its `savePreliminaryReview` activity. */
export interface SignPreliminaryReviewInput {
  readonly caseNo: string;
  /** The signer's unit, from the token: a unit head signs only their own unit's case. */
  readonly unitId: string;
  readonly outcome: 'passed' | 'not-passed';
  /** 初审文书 — reference of the preliminary-review document. */
  readonly documentRef: string;
  readonly opinion: string;
  /** The authenticated signer, never a name from a request body. */
  readonly signedBy: string;
  readonly signerName: string;
  /**
   * The call's once-only key (or its request id): a repeat of the same call by the same signer on the same case
   * returns the first sign-off instead of storing a second one.
   */
  readonly correlationId: string;
}

/** One sign-off as review-svc stores and serves it. */
export interface PreliminaryReviewSignOff {
  readonly id: number;
  readonly caseNo: string;
  readonly unitId: string;
  readonly outcome: 'passed' | 'not-passed';
  readonly documentRef: string;
  readonly opinion: string;
  readonly signedBy: string;
  readonly signerName: string;
  readonly signedAt: string;
}
