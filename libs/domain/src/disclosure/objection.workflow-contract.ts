import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DisclosureActor } from './publication.rules';
import type { ObjectionDecision, ObjectionSubmission } from './objection.rules';
import type { PublicationLimit } from './publication.workflow-contract';
import type { StepFailure } from '../faults/activity-faults';

/** Workflow type of one objection (SPEC D9), on task queue `disclosure`. */
export const OBJECTION_WORKFLOW_TYPE = 'objectionWorkflow';

export function objectionWorkflowId(objectionId: string): string {
  return `objection:${objectionId}`;
}

export interface ObjectionWorkflowInput {
  readonly submission: ObjectionSubmission;
  readonly correlationId: string;
}

export interface ObjectionView {
  readonly objectionId: string;
  readonly publicationId: string;
  readonly decisionNumber: string;
  readonly unitId: string;
  readonly urgent: boolean;
  readonly receivedAt: string;
  readonly status: 'open' | 'decided';
  /** D9: 10 working days, or 2 when urgent, from receipt. */
  readonly decideBy: PublicationLimit | null;
  readonly decision: (ObjectionDecision & { readonly decidedAt: string; readonly decidedBy: string }) | null;
  /** Steps that failed for good (issue 12): a refused write or announcement, with its code and reason. */
  readonly failures?: readonly StepFailure[];
}

export const decideObjectionUpdate = defineUpdate<
  ObjectionView,
  [{ readonly actor: DisclosureActor; readonly decision: ObjectionDecision }]
>('decideObjection');
export const objectionViewQuery = defineQuery<ObjectionView>('objectionView');
