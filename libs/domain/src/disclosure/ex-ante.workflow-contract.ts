import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ExAnteCommand, ExAnteContent, ExAnteItemIdentity, ExAnteState } from './ex-ante.rules';
import type { DisclosureActor } from './publication.rules';
import type { PublicationLimit } from './publication.workflow-contract';
import type { StepFailure } from '../faults/activity-faults';

/** Workflow type of one ex-ante item (SPEC D1–D3), on task queue `disclosure`. */
export const EX_ANTE_WORKFLOW_TYPE = 'exAnteItemWorkflow';

/** One workflow per item, for its whole life: every version, review, publication, flag and withdrawal. */
export function exAnteWorkflowId(itemId: string): string {
  return `ex-ante:${itemId}`;
}

/** The portal row's id of an item: one row per item, so a new version replaces the old one. */
export function exAntePortalId(itemId: string): string {
  return `ex-ante:${itemId}`;
}

export interface ExAnteWorkflowInput {
  readonly item: ExAnteItemIdentity;
  /** The first version's content, drafted by `drafter`. */
  readonly content: ExAnteContent;
  readonly drafter: DisclosureActor;
  readonly correlationId: string;
}

export interface ExAnteView extends ExAnteState {
  /** D3: by when a flagged item must be current again (20 working days from the flag), or null when not flagged. */
  readonly updateBy: PublicationLimit | null;
  /** Steps that failed for good (issue 12): a refused write or announcement, with its code and reason. */
  readonly failures?: readonly StepFailure[];
}

export const exAnteCommandUpdate = defineUpdate<ExAnteView, [ExAnteCommand]>('exAnteCommand');
export const exAnteViewQuery = defineQuery<ExAnteView>('exAnteView');
