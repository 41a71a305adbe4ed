import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LegalPeriod } from '@enforcement/workdays';
import type { CaseDecisionIssuedV1 } from '../events/case-decision-issued.v1';
import type { CaseDecisionRevokedV1 } from '../events/case-decision-revoked.v1';
import type { PublicationMode } from './publication-mode.rules';
import type { PublicationCommand, PublicationStatus } from './publication.rules';
import type { MarkAudit, RedactionDraft, RedactionMark } from './redaction-draft.rules';
import type { ExemptionDecision } from './exemption.rules';
import type { StepFailure } from '../faults/activity-faults';

/** Workflow type of one decision's ex-post publication (SPEC D4–D8), on task queue `disclosure`. */
export const PUBLICATION_WORKFLOW_TYPE = 'publicationWorkflow';

/** One workflow per decision: the decision number (决定书文号) is the identity, so a repeated fact starts nothing. */
export function publicationWorkflowId(decisionNumber: string): string {
  return `publication:${decisionNumber}`;
}

export interface PublicationWorkflowInput {
  readonly decision: CaseDecisionIssuedV1;
  /** Id of the fact that started it; every event of the publication carries it as correlation id. */
  readonly correlationId: string;
  /**
   * The D4 limit when it is not the decision category's (inspection results, execution information, double-random
   * results: 20 working days, 000 附件1 第十八条); absent for a decision.
   */
  readonly period?: LegalPeriod;
  /** What is published: a decision (absent) or one of the results published the same way. */
  readonly source?: 'inspection-result' | 'double-random-result' | 'execution';
  /**
   * The draft the decision consumer committed before the workflow was started (issue 10): its D4 limit and the
   * engine's marks. The workflow begins from it instead of computing the limit and drafting again; absent when the
   * consumer could not draft (the calendar lacks the year, W3), for results, and in workflows started before.
   */
  readonly drafted?: { readonly limit: PublicationLimit; readonly draft: RedactionDraft };
}

/** A limit as the workflow keeps it (computed by an activity with the service's calendar). */
export interface PublicationLimit {
  readonly deadline: string;
  readonly warningAt: string;
  /** SPEC W7: the limit touches the provisional calendar year and may move. */
  readonly provisional: boolean;
  readonly calendarFingerprint: string;
}

/** What the disclosure officer sees: the original beside the draft, the marks, the limits. */
export interface PublicationView {
  readonly publicationId: string;
  readonly decisionNumber: string;
  readonly caseNumber: string;
  readonly unitId: string;
  readonly category: CaseDecisionIssuedV1['category'];
  readonly status: PublicationStatus;
  readonly mode: PublicationMode;
  readonly abstractAllowed: boolean;
  readonly original: string;
  readonly redacted: string;
  readonly marks: readonly RedactionMark[];
  readonly markAudit: readonly MarkAudit[];
  readonly exemption: ExemptionDecision | null;
  /** D4 limit. */
  readonly publishBy: PublicationLimit | null;
  readonly publishedAt: string | null;
  /** D7: when it leaves the portal. */
  readonly expiresAt: string | null;
  readonly withdrawnAt: string | null;
  /** Steps that failed for good (issue 12): a refused write or announcement, with its code and reason. */
  readonly failures?: readonly StepFailure[];
}

export const publicationCommandUpdate = defineUpdate<PublicationView, [PublicationCommand]>('publicationCommand');
/** D8: the decision was revoked or changed (from `case.decision-revoked.v1`). */
export const decisionRevokedSignal = defineSignal<[CaseDecisionRevokedV1]>('decisionRevoked');
export const publicationViewQuery = defineQuery<PublicationView>('publicationView');
