import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseDeadline } from './case-deadlines.rules';
import type { CaseCommand, CaseLifecycle } from './case-lifecycle.types';
import type { StepFailure } from '../faults/activity-faults';

/** Commands people give the case through the gateway (everything but the review's fact, which comes over Kafka). */
export type CasePersonCommand = Exclude<CaseCommand, { type: 'review-concluded' }>;

/** What an accepted command answers: the case's step afterwards and the records it created. */
export interface CaseCommandResult {
  step: CaseLifecycle['step'];
  outcome: CaseLifecycle['outcome'];
  recordIds: string[];
}

/** The case record as its workflow holds it, with its open time limits (SPEC R1, C2). */
export interface CaseRecordView {
  lifecycle: CaseLifecycle;
  deadlines: CaseDeadline[];
  /** Steps that failed for good (issue 12): a refused write, a refused announcement. */
  failures: StepFailure[];
}

/** A command from a person; refused with an `ApplicationFailure` of type `CaseRefused` carrying the refusal. */
export const caseCommandUpdate = defineUpdate<CaseCommandResult, [CasePersonCommand]>('caseCommand');
/** `review.concluded.v1` for this case, as recording-svc's consumer received it (L12). */
export const reviewConcludedSignal =
  defineSignal<[Extract<CaseCommand, { type: 'review-concluded' }> & { eventId: string }]>('reviewConcluded');
export const caseRecordQuery = defineQuery<CaseRecordView>('caseRecord');

/** The `ApplicationFailure` type of a refused command; its details hold the `CaseRefusal`. */
export const CASE_REFUSED = 'CaseRefused';
