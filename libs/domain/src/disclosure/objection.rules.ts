import { DisclosureRuleError } from './disclosure.errors';
import type { MarkChange } from './redaction-draft.rules';

/** 更正申请 — a request, with evidence, that published information is wrong (SPEC D9; 000 附件1 第二十一条). */
export interface ObjectionSubmission {
  readonly objectionId: string;
  readonly publicationId: string;
  readonly decisionNumber: string;
  /** The handling unit answerable for the publication (D12). */
  readonly unitId: string;
  readonly caseNumber: string;
  readonly submitter: { readonly name: string; readonly contact: string };
  readonly content: string;
  /** References to the evidence (document numbers, links to files the submitter holds). */
  readonly evidenceRefs: readonly string[];
  /** 不及时更正将造成无法弥补的影响或损失: decided within 2 working days instead of 10. */
  readonly urgent: boolean;
  readonly urgencyReason: string | null;
  /** 收到请求之日 — the limit counts from its civil date. */
  readonly receivedAt: string;
}

/** The answer (处理决定): corrected, or refused with the reason (不予更正的，说明理由). Both give reasons. */
export interface ObjectionDecision {
  readonly outcome: 'corrected' | 'refused';
  readonly reasons: string;
  /** For a correction: the mark changes republished and a one-line summary shown with the item. */
  readonly correction: { readonly changes: readonly MarkChange[]; readonly summary: string } | null;
}

export const MIN_ANSWER_LENGTH = 10;

/** D9: an answer states its reasons; a correction says what it corrects; a refusal corrects nothing. */
export function checkObjectionDecision(decision: ObjectionDecision): ObjectionDecision {
  const reasons = decision.reasons.trim();
  if (reasons.length < MIN_ANSWER_LENGTH) {
    throw new DisclosureRuleError(
      'DISCLOSURE.OBJECTION_REASONS_REQUIRED',
      `处理决定须说明理由（至少 ${MIN_ANSWER_LENGTH} 个字）`,
      `The answer must state its reasons (at least ${MIN_ANSWER_LENGTH} characters)`,
    );
  }
  if (decision.outcome === 'corrected' && (decision.correction === null || decision.correction.summary.trim() === '')) {
    throw new DisclosureRuleError(
      'DISCLOSURE.CORRECTION_REQUIRED',
      '予以更正的，须写明更正内容',
      'A correction must say what it corrects',
    );
  }
  if (decision.outcome === 'refused' && decision.correction !== null) {
    throw new DisclosureRuleError(
      'DISCLOSURE.CORRECTION_REQUIRED',
      '不予更正的决定不得附带更正内容',
      'A refusal carries no correction',
    );
  }
  return { ...decision, reasons };
}
