import { maySeeUnit } from '../access/groups';
import type { Role } from '../access/roles';
import type { CaseDecisionIssuedV1 } from '../events/case-decision-issued.v1';
import { DisclosureRuleError } from './disclosure.errors';
import { checkExemption, type ExemptionDecision } from './exemption.rules';
import { checkMode, fullTextRequired, type PublicationMode } from './publication-mode.rules';
import { adjustMarks, type MarkChange, type RedactionDraft } from './redaction-draft.rules';

/**
 * Where one decision's publication stands (SPEC D4–D8):
 * `in-review` (draft ready, the disclosure officer reviews) → `published` → `withdrawn`; or `exempted` (不予公开,
 * D5); or `withdrawn` straight from review when the decision is revoked before it was ever public (D8).
 */
export type PublicationStatus = 'in-review' | 'published' | 'exempted' | 'withdrawn';

/** The caller of a publication command, as the gateway passes it from the token. */
export interface DisclosureActor {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly unitId: string;
}

/** The disclosure officer's commands on a publication. */
export type PublicationCommand =
  | { readonly type: 'adjustMarks'; readonly actor: DisclosureActor; readonly changes: readonly MarkChange[] }
  | { readonly type: 'publish'; readonly actor: DisclosureActor; readonly mode: PublicationMode }
  | { readonly type: 'exempt'; readonly actor: DisclosureActor; readonly exemption: ExemptionDecision }
  /** 更正 (D9): a published item's marks corrected and republished, on an objection or the agency's own finding. */
  | {
      readonly type: 'correct';
      readonly actor: DisclosureActor;
      readonly changes: readonly MarkChange[];
      readonly summary: string;
      readonly objectionId: string | null;
    };

export interface PublicationState {
  readonly publicationId: string;
  readonly decision: CaseDecisionIssuedV1;
  readonly status: PublicationStatus;
  readonly draft: RedactionDraft;
  /** D6: the mode it is (to be) published in; full text when the rules require it. */
  readonly mode: PublicationMode;
  readonly exemption: ExemptionDecision | null;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
}

/** C1: only a disclosure officer of the decision's handling unit acts on its publication. */
export function checkActor(state: PublicationState, actor: DisclosureActor): void {
  if (!actor.roles.includes('disclosure-officer')) {
    throw new DisclosureRuleError(
      'DISCLOSURE.ROLE_NOT_ALLOWED',
      '只有公示工作人员可以审查和公开',
      'Only a disclosure officer reviews and publishes',
    );
  }
  // The disclosure officer is agency-wide (000 附件1 第四条); the check stays for any role scoped to one unit.
  if (!maySeeUnit({ roles: [...actor.roles], unitId: actor.unitId }, state.decision.unitId)) {
    throw new DisclosureRuleError(
      'DISCLOSURE.OTHER_UNIT',
      '这是其他承办机构的公示事项',
      'This publication belongs to another handling unit',
    );
  }
}

/** The state a fresh draft starts in: full text by default, which D6 requires for granted permits and expropriations. */
export function initialPublicationState(
  publicationId: string,
  decision: CaseDecisionIssuedV1,
  draft: RedactionDraft,
): PublicationState {
  return {
    publicationId,
    decision,
    status: 'in-review',
    draft,
    mode: 'full-text',
    exemption: null,
    publishedAt: null,
    publishedBy: null,
  };
}

/** D2, D5, D6: the next state after a command, or DisclosureRuleError. Pure: the workflow validates with it too. */
export function applyPublicationCommand(
  state: PublicationState,
  command: PublicationCommand,
  now: string,
): PublicationState {
  checkActor(state, command.actor);
  if (command.type === 'correct') {
    if (state.status !== 'published') {
      throw new DisclosureRuleError(
        'DISCLOSURE.NOT_PUBLISHED',
        '只有已公开的信息才能更正',
        'Only a published item can be corrected',
        { status: state.status },
      );
    }
    if (command.summary.trim() === '') {
      throw new DisclosureRuleError('DISCLOSURE.CORRECTION_REQUIRED', '须写明更正内容', 'Say what is corrected');
    }
    return { ...state, draft: adjustMarks(state.draft, command.changes, command.actor.id, now) };
  }
  if (state.status !== 'in-review') {
    throw new DisclosureRuleError(
      'DISCLOSURE.NOT_IN_REVIEW',
      `该公示事项已${state.status === 'published' ? '公开' : state.status === 'exempted' ? '决定不予公开' : '撤下'}，不能再审查`,
      `The publication is ${state.status}; its review is over`,
      { status: state.status },
    );
  }
  switch (command.type) {
    case 'adjustMarks':
      return { ...state, draft: adjustMarks(state.draft, command.changes, command.actor.id, now) };
    case 'publish': {
      const mode = checkMode(command.mode, state.decision.category, state.decision.permitGranted);
      return { ...state, status: 'published', mode, publishedAt: now, publishedBy: command.actor.id };
    }
    case 'exempt':
      return { ...state, status: 'exempted', exemption: checkExemption(command.exemption) };
  }
}

/** D6: whether the officer may choose the abstract at all. */
export function abstractAllowed(state: PublicationState): boolean {
  return !fullTextRequired(state.decision.category, state.decision.permitGranted);
}
