import {
  disclosureExAnteCorrectedV1,
  disclosureExAntePublishedV1,
  disclosureExAnteWithdrawnV1,
  exAntePortalId,
  exAnteWorkflowId,
  type EventContract,
  type EventEnvelope,
  type ExAntePublished,
  type ExAnteState,
  type PublicationLimit,
} from '@enforcement/domain';
import { deterministicEventId } from '@enforcement/platform';
import type { LimitIdentity } from '../activities/limit-lifecycle.facts';

/** The item's row before a step: its state and the D3 limit stored while it was flagged. */
export interface ExAntePriorRow {
  state: ExAnteState;
  update_by: Date | null;
}

export interface ExAnteFactStep {
  readonly stepNo: number;
  readonly at: string;
  readonly state: ExAnteState;
}

export interface ExAnteFact {
  readonly contract: EventContract;
  readonly event: EventEnvelope;
}

/**
 * disclosure.ex-ante-*.v1 (D1–D3, like the ex-post facts): what changed on the portal in one step, compared with
 * the row before it — first published, replaced by a new version (saying which D3 flag it cleared and whether in
 * time), or withdrawn. Ids come from the item and the step number, so a retried step announces nothing twice.
 */
export function exAnteFacts(before: ExAntePriorRow | null, step: ExAnteFactStep): ExAnteFact[] {
  const { state } = step;
  const was = before?.state.published ?? null;
  const now = state.published;
  const portalId = exAntePortalId(state.itemId);
  const envelope = (fact: string) => ({
    id: deterministicEventId(portalId, `${fact}/${step.stepNo}`),
    source: 'disclosure-svc',
    subject: portalId,
    time: step.at,
    correlationId: portalId,
  });
  const base = (published: ExAntePublished) => ({
    publicationId: portalId,
    itemId: state.itemId,
    kind: state.kind,
    title: published.content.title.slice(0, 500),
    unitId: state.unitId,
    agencyId: state.agencyId,
    version: published.version,
  });
  if (now && !was) {
    const data = { ...base(now), publishedAt: now.publishedAt, publishedBy: now.publishedBy };
    return [fact(disclosureExAntePublishedV1, { ...envelope('published'), data })];
  }
  if (now && was && was.version !== now.version) {
    const flag = before?.state.flag ?? null;
    const deadline = before?.update_by ?? null;
    const clearedFlag =
      flag && !state.flag
        ? {
            cause: flag.cause,
            reference: flag.reference.slice(0, 500),
            onTime: deadline === null || Date.parse(now.publishedAt) <= new Date(deadline).getTime(),
          }
        : null;
    const data = {
      ...base(now),
      previousVersion: was.version,
      correctedAt: now.publishedAt,
      correctedBy: now.publishedBy,
      clearedFlag,
    };
    return [fact(disclosureExAnteCorrectedV1, { ...envelope('corrected'), data })];
  }
  if (was && !now && state.withdrawn) {
    const data = {
      ...base(was),
      withdrawnAt: state.withdrawn.at,
      withdrawnBy: state.withdrawn.by,
      reason: state.withdrawn.reason.slice(0, 2000) || '—',
    };
    return [fact(disclosureExAnteWithdrawnV1, { ...envelope('withdrawn'), data })];
  }
  return [];
}

/** A D3 update limit starting or ending in one step (C2), for `appendLimitFact`. */
export interface ExAnteLimitFact {
  readonly kind: 'started' | 'met';
  readonly identity: LimitIdentity;
  readonly at: string;
  readonly step: string;
}

/**
 * C2, D3: a flag starts the 20-working-day update limit (again, with its new deadline, when flagged anew); the flag
 * cleared — a new version published, or the item withdrawn — meets it. Same identity as the workflow's warning
 * (`ex-ante-update`, the item's workflow id), so the board shows the limit from the flag on.
 */
export function exAnteLimitFacts(
  before: ExAntePriorRow | null,
  step: ExAnteFactStep & { readonly updateBy: PublicationLimit | null },
): ExAnteLimitFact[] {
  const { state } = step;
  const subjectId = exAnteWorkflowId(state.itemId);
  const identity = (l: Pick<LimitIdentity, 'deadline' | 'provisional' | 'calendarFingerprint'>): LimitIdentity => ({
    limit: 'ex-ante-update',
    subjectId,
    caseNo: subjectId,
    unitId: state.unitId,
    responsibleRoles: ['disclosure-officer'],
    ...l,
  });
  const facts: ExAnteLimitFact[] = [];
  const was = before?.state.flag && before.update_by ? new Date(before.update_by).toISOString() : null;
  const now = state.flag && step.updateBy ? step.updateBy : null;
  if (was !== null && now === null) {
    const ended = { deadline: was, provisional: false, calendarFingerprint: null };
    facts.push({ kind: 'met', identity: identity(ended), at: step.at, step: String(step.stepNo) });
  }
  if (now !== null && now.deadline !== was) {
    const started = {
      deadline: now.deadline,
      provisional: now.provisional,
      calendarFingerprint: now.calendarFingerprint,
    };
    facts.push({ kind: 'started', identity: identity(started), at: step.at, step: String(step.stepNo) });
  }
  return facts;
}

function fact(contract: EventContract, event: Omit<EventEnvelope, 'type'>): ExAnteFact {
  return { contract, event: { ...event, type: contract.type } };
}
