import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  DisclosureRuleError,
  TAKE_DOWN_PERIOD,
  abstractAllowed,
  applyPublicationCommand,
  decisionRevokedSignal,
  initialPublicationState,
  publicationCommandUpdate,
  publicationPeriod,
  publicationViewQuery,
  redactedText,
  retentionPeriod,
  type PublicationCommand,
  type PublicationLimit,
  type PublicationState,
  type PublicationView,
  type PublicationWorkflowInput,
} from '@enforcement/domain/disclosure';
import type { CaseDecisionRevokedV1 } from '@enforcement/domain/events/case-decision-revoked.v1';
import { isPermanent, notStoredFailure, workflowStepFailures } from '@enforcement/domain/faults/activity-faults';
import { calendarChangedSignal } from '@enforcement/domain/review/review.workflow-contract';
import type { PublicationActivities } from '../activities/publication.activities';

/*
 * 事后公开 — one decision's ex-post publication (SPEC D4–D8, C2, D12): the decision fact → a redacted draft → the
 * disclosure officer's review (adjust marks, publish, or record an exemption) → on the portal until the D7 period
 * ends → withdrawn; a revocation takes it down at once (D8). The workflow orchestrates only: rules come from
 * libs/domain/disclosure, limits from activities with the service's calendar (kept in history, so replays agree),
 * and every effect is an idempotent activity.
 */

const calendarActivities = proxyActivities<PublicationActivities>({
  startToCloseTimeout: '10 seconds',
  // A year without calendar data (W3) fails until agency IT publishes it; keep trying, slowly.
  retry: { initialInterval: '1 second', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});

const storeActivities = proxyActivities<PublicationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const PROCESS = 'disclosure';

export async function publicationWorkflow(input: PublicationWorkflowInput): Promise<PublicationView> {
  const { workflowId } = workflowInfo();
  const { decision, correlationId } = input;
  let revocation: CaseDecisionRevokedV1 | null = null;
  let busy = false;
  let revision = 0;
  let expiresAt: string | null = null;
  /** False while the D7 end is the nominal day of a year the calendar does not cover yet (W3). */
  let expiryExact = true;
  let withdrawnAt: string | null = null;
  /** W4, W7: the calendar changed; running limits are recomputed with the service's new calendar. */
  let calendarChanged = false;

  // Registered before the first await, so a revocation or a calendar change arriving meanwhile is not lost.
  setHandler(decisionRevokedSignal, (fact) => {
    revocation ??= fact;
  });
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
  });

  // Issue 12: a step whose activity failed for good is recorded — in the view and as a `workflow.step-failed` audit
  // row on the case — instead of retrying for ever; a person's command is refused with the reason, nothing changed.
  const stepFailures = workflowStepFailures({ workflowId, subject: decision.caseNumber, unitId: decision.unitId });

  // The decision consumer drafted it already (its rows are committed before the start): begin from that draft.
  let limit: PublicationLimit =
    input.drafted?.limit ??
    (await calendarActivities.computePublicationLimit({
      from: decision.decidedAt,
      // Results published the same way carry their own period (20 working days, 000 附件1 第十八条).
      period: input.period ?? publicationPeriod(decision.category),
    }));
  let state: PublicationState = input.drafted
    ? initialPublicationState(workflowId, decision, input.drafted.draft)
    : await stepFailures.essential('prepareDraft', () =>
        storeActivities.prepareDraft({ publicationId: workflowId, decision, limit }),
      );

  const view = (): PublicationView => ({
    publicationId: workflowId,
    decisionNumber: decision.decisionNumber,
    caseNumber: decision.caseNumber,
    unitId: decision.unitId,
    category: decision.category,
    status: state.status,
    mode: state.mode,
    abstractAllowed: abstractAllowed(state),
    original: decision.text,
    redacted: redactedText(decision.text, state.draft),
    marks: state.draft.marks,
    markAudit: state.draft.audit,
    exemption: state.exemption,
    publishBy: limit,
    publishedAt: state.publishedAt,
    expiresAt,
    withdrawnAt,
    failures: stepFailures.failures,
  });
  setHandler(publicationViewQuery, view);

  const nowIso = () => new Date(Date.now()).toISOString();

  setHandler(
    publicationCommandUpdate,
    async (command: PublicationCommand) => {
      await condition(() => !busy);
      busy = true;
      try {
        const at = nowIso();
        const next = asFailure(() => applyPublicationCommand(state, command, at));
        revision += 1;
        if (command.type === 'correct') {
          await storeActivities.correctItem({
            publicationId: workflowId,
            revision,
            correlationId,
            state: next,
            at,
            actorId: command.actor.id,
            summary: command.summary.trim(),
            objectionId: command.objectionId,
          });
        } else if (command.type === 'publish') {
          const expiry = await calendarActivities.computePeriodEnd({
            from: at,
            ...retentionPeriod(decision.party.kind),
          });
          expiryExact = expiry.exact;
          await storeActivities.publishItem({
            publicationId: workflowId,
            revision,
            correlationId,
            state: next,
            limit,
            expiresAt: expiry.deadline,
            expiryProvisional: expiry.provisional,
          });
          expiresAt = expiry.deadline;
        } else {
          await storeActivities.recordReviewStep({
            publicationId: workflowId,
            revision,
            step: `${command.type}/${revision}`,
            actorId: command.actor.id,
            at,
            state: next,
            detail:
              command.type === 'exempt'
                ? { exemption: next.exemption }
                : { changes: next.draft.audit.slice(state.draft.audit.length) },
          });
        }
        state = next;
        return view();
      } catch (error) {
        // Nothing of the command was stored (each store activity is one transaction): state stays as it was.
        if (!isPermanent(error)) throw error;
        await stepFailures.note(command.type, error);
        throw notStoredFailure(error);
      } finally {
        busy = false;
      }
    },
    {
      validator: (command: PublicationCommand) => {
        asFailure(() => applyPublicationCommand(state, command, nowIso()));
      },
    },
  );

  const notice = async (kind: 'warning' | 'missed', name: string, l: PublicationLimit) => {
    const base = {
      process: PROCESS,
      limit: name,
      subjectId: workflowId,
      caseNo: decision.caseNumber,
      unitId: decision.unitId,
      responsibleUserId: null,
      responsibleRoles: ['disclosure-officer'],
      round: null,
      deadline: l.deadline,
      calendarFingerprint: l.calendarFingerprint,
      provisional: l.provisional,
    };
    const at = nowIso();
    await stepFailures.orNote(`deadline-notice:${name}/${kind}`, () =>
      storeActivities.publishDeadlineNotice(
        kind === 'warning'
          ? { correlationId, kind, at, notice: { ...base, warningAt: at, workdaysLeft: 1 } }
          : { correlationId, kind, at, notice: { ...base, missedAt: at } },
      ),
    );
  };

  // D4, C2: the review runs until published, exempted or revoked; warned one working day before, reported when late.
  const reviewOver = () => state.status !== 'in-review' || revocation !== null;
  let warned = false;
  let missed = false;
  const wake = () => reviewOver() || calendarChanged;
  while (!reviewOver()) {
    const next = !warned ? Date.parse(limit.warningAt) : !missed ? Date.parse(limit.deadline) : null;
    const woken = next === null ? (await condition(wake), true) : await condition(wake, Math.max(0, next - Date.now()));
    if (reviewOver()) break;
    if (woken) {
      // W4, W7: the same period from the same decision, counted on the new calendar.
      calendarChanged = false;
      const before = limit;
      limit = await calendarActivities.computePublicationLimit({
        from: decision.decidedAt,
        period: input.period ?? publicationPeriod(decision.category),
      });
      if (limit.deadline === before.deadline && limit.provisional === before.provisional) continue;
      await stepFailures.orNote('recordRetimedLimit:publication-limit', () =>
        storeActivities.recordRetimedLimit({
          subject: 'publication',
          id: workflowId,
          limitName: 'publication-limit',
          before,
          after: limit,
          at: nowIso(),
        }),
      );
      // A limit moved later is warned and reported again at its new instants.
      if (Date.now() < Date.parse(limit.warningAt)) warned = false;
      if (Date.now() < Date.parse(limit.deadline)) missed = false;
      continue;
    }
    if (!warned) {
      warned = true;
      if (Date.now() < Date.parse(limit.deadline)) await notice('warning', 'publication-limit', limit);
    } else {
      missed = true;
      await notice('missed', 'publication-limit', limit);
    }
  }
  await condition(() => !busy);

  if (state.status === 'exempted') return view();

  // D7: on the portal until the period ends, unless the decision is revoked first (D8).
  if (state.status === 'published' && expiresAt !== null) {
    // An inexact end (its year not yet covered, or provisional) is looked at again on the nominal last day, when
    // the year's arrangement is known and a non-working last day can be extended; then the wait goes on to the end.
    const DAY_MS = 86_400_000;
    let ended = false;
    const publishedAt = state.publishedAt;
    for (let recheck = !expiryExact; ;) {
      const wakeAt: number = Date.parse(expiresAt) - (recheck ? DAY_MS : 0);
      const woken: boolean = await condition(
        () => revocation !== null || calendarChanged,
        Math.max(0, wakeAt - Date.now()),
      );
      if (revocation !== null) break;
      if (!woken && (!recheck || publishedAt === null)) {
        ended = true;
        break;
      }
      const retimed: boolean = woken;
      calendarChanged = false;
      if (publishedAt === null) continue;
      const before: string = expiresAt;
      const exact = await calendarActivities.computePeriodEnd({
        from: publishedAt,
        ...retentionPeriod(decision.party.kind),
      });
      expiresAt = exact.deadline;
      expiryExact = exact.exact;
      // W4: a calendar change leaves an inexact end to be looked at again; the nominal-day recheck is done once.
      recheck = retimed ? !expiryExact : false;
      if (retimed && before !== expiresAt) {
        await stepFailures.orNote('recordRetimedLimit:publication-period', () =>
          storeActivities.recordRetimedLimit({
            subject: 'publication',
            id: workflowId,
            limitName: 'publication-period',
            before: { deadline: before },
            after: exact,
            at: nowIso(),
          }),
        );
      }
    }
    if (ended) {
      const endedAt = nowIso();
      withdrawnAt = endedAt;
      state = { ...state, status: 'withdrawn' };
      revision += 1;
      await stepFailures.essential('withdrawItem', () =>
        storeActivities.withdrawItem({
          publicationId: workflowId,
          revision,
          correlationId,
          state,
          reason: 'period-ended',
          explanation: null,
          newDecisionNumber: null,
          at: endedAt,
          deadline: null,
          wasPublic: true,
        }),
      );
      return view();
    }
  }

  // D8: revoked or changed — down at once (the limit is 3 working days from the legal document), with its explanation.
  const fact = revocation as CaseDecisionRevokedV1 | null;
  if (fact === null) throw ApplicationFailure.nonRetryable('publication ended without a reason');
  const takeDown = await calendarActivities.computePublicationLimit({
    from: fact.legalDocument.receivedAt,
    period: TAKE_DOWN_PERIOD,
  });
  const wasPublic = state.status === 'published';
  withdrawnAt = nowIso();
  state = { ...state, status: 'withdrawn' };
  revision += 1;
  await stepFailures.essential('withdrawItem', () =>
    storeActivities.withdrawItem({
      publicationId: workflowId,
      revision,
      correlationId,
      state,
      reason: 'decision-revoked',
      explanation: fact.explanation,
      newDecisionNumber: fact.newDecisionNumber,
      at: withdrawnAt,
      deadline: takeDown.deadline,
      takeDown: { startedAt: fact.legalDocument.receivedAt, limit: takeDown },
      wasPublic,
    }),
  );
  // D12: a revocation that reached us after its limit is reported, so the lateness is on the unit's record.
  if (wasPublic && Date.parse(withdrawnAt) > Date.parse(takeDown.deadline))
    await notice('missed', 'take-down-limit', takeDown);
  return view();
}

/** A broken rule refuses the update with its stable code and both languages (a 4xx at the edge). */
function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DisclosureRuleError) {
      throw ApplicationFailure.nonRetryable(error.en, error.code, {
        code: error.code,
        zh: error.zh,
        en: error.en,
        details: error.details ?? null,
      });
    }
    throw error;
  }
}
