import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addMonths,
  applyCaseCommand,
  avNeedOf,
  boardNotices,
  CASE_REFUSED,
  caseCommandUpdate,
  caseRecordQuery,
  caseStatusQuery,
  defaultAvRequirements,
  defaultCaseTimeLimits,
  dueNotices,
  isPermanent,
  newCaseLifecycle,
  newDeadline,
  nextDeadlineInstant,
  notStoredMessage,
  reviewConcludedSignal,
  workflowStepFailures,
  type CaseChange,
  type CaseCommand,
  type CaseCommandResult,
  type CaseDeadline,
  type CaseLifecycle,
  type CaseStatus,
  type CaseWorkflowInput,
} from '@enforcement/domain';
import type { CaseActivities } from '../activities/case.activities';

const { registerCase, recordCaseChanges, avHandOverDeadline, announceCaseDeadline, announceCaseLimitOnBoard } =
  proxyActivities<CaseActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
  });

const DAY_MS = 86_400_000;

/**
 * The lifecycle of one enforcement case (SPEC R1), from initiation to archiving and the end of its retention.
 * People act through `caseCommandUpdate` (refused with the missing items named); the review's conclusion arrives as
 * a signal from recording-svc's Kafka consumer (L12). Every change is stored and, where others need it, announced
 * through the outbox; every time limit (R2 approval backfill, R6 AV hand-over, R10 archiving, R9 retention) is a
 * durable timer that warns, then reports the miss.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  let life: CaseLifecycle = newCaseLifecycle({
    caseNumber: input.caseNumber,
    category: input.category,
    unitId: input.unitId,
    party: input.party ?? null,
    initiationMode: input.initiationMode ?? 'ex-officio',
    initiatedAt: input.initiatedAt,
    needsReview: input.needsReview ?? false,
  });
  // R10: archiving completes through the records administrator's bundle. Cases whose history began before this
  // rule replay as they ran (the marker is absent there), so no recorded completion is refused on replay.
  life = { ...life, archiveBundleRequired: patched('archive-through-bundle') };
  // C2: limits also announce their start and end to the supervision board; older histories replay without them.
  const tellBoard = patched('deadline-start-and-end');
  const deadlines: CaseDeadline[] = [];
  const seenReviewFacts = new Set<string>();
  let registeredAt: string | null = null;
  let journalSeq = 0;
  let wake = false;

  setHandler(caseStatusQuery, (): CaseStatus => ({
    caseNumber: input.caseNumber,
    unitId: input.unitId,
    title: input.title,
    step: registeredAt === null ? 'initiation' : life.outcome === 'open' ? 'registered' : 'closed',
    registeredAt,
    phase: life.step,
    outcome: life.outcome,
  }));

  // Issue 12: a step whose activity failed for good (the database refused its data, a rule refused its input) is
  // recorded — in the case's state and as a `workflow.step-failed` audit row — instead of retrying for ever or
  // failing the whole case.
  const stepFailures = workflowStepFailures({
    workflowId: workflowInfo().workflowId,
    subject: input.caseNumber,
    unitId: input.unitId,
  });
  const noteFailure = stepFailures.note;
  /** Refusals of changes that could not be stored (recorded already), as against the rules' own refusals. */
  const notStored = new WeakSet<object>();
  const announce = stepFailures.orNote;
  setHandler(caseRecordQuery, () => ({ lifecycle: life, deadlines, failures: stepFailures.failures }));

  /**
   * Commands take turns (a FIFO chain): each is applied and stored before the next one looks at the case. Two that
   * overlapped could leave a gap in the journal and a case state holding changes that were never stored — the later
   * one built on the earlier one's changes, and a refusal of the earlier one could not be undone (issue 12, R7).
   * Histories from before the chain replay without it.
   */
  let turn: Promise<unknown> = Promise.resolve();
  function apply(cmd: CaseCommand, actor: string): Promise<CaseChange[]> {
    if (!patched('case-commands-take-turns')) return applyNow(cmd, actor);
    const mine = turn.then(() => applyNow(cmd, actor));
    turn = mine.catch(() => undefined);
    return mine;
  }

  /** Applies a command; the state changes at once, and the changes are stored before the caller hears. */
  async function applyNow(cmd: CaseCommand, actor: string): Promise<CaseChange[]> {
    const outcome = applyCaseCommand(life, cmd, defaultAvRequirements);
    if (!outcome.ok) {
      throw ApplicationFailure.create({
        type: CASE_REFUSED,
        message: outcome.refusal.en,
        details: [outcome.refusal],
        nonRetryable: true,
      });
    }
    const before = { life, journalSeq };
    life = outcome.state;
    const firstSeq = journalSeq + 1;
    journalSeq += outcome.changes.length;
    try {
      await recordCaseChanges({
        caseNumber: input.caseNumber,
        category: input.category,
        unitId: input.unitId,
        party: life.party,
        reviewed: life.needsReview,
        correlationId: input.correlationId,
        actor,
        firstSeq,
        changes: outcome.changes,
      });
    } catch (error) {
      if (!isPermanent(error)) throw error;
      // Nothing of a refused batch was stored (one transaction): the case goes back to where it was. (Without the
      // turns of old histories, a command applied meanwhile may have built on it; then its state stays.)
      if (life === outcome.state) ({ life, journalSeq } = before);
      await noteFailure(`recordCaseChanges:${cmd.type}`, error);
      const refusal = { ...notStoredMessage(error), missing: [] };
      const failure = ApplicationFailure.create({
        type: CASE_REFUSED,
        message: refusal.en,
        details: [refusal],
        nonRetryable: true,
      });
      notStored.add(failure);
      throw failure;
    }
    await planDeadlines(outcome.changes);
    wake = true;
    return outcome.changes;
  }

  async function planDeadlines(changes: CaseChange[]): Promise<void> {
    for (const change of changes) {
      if (change.kind === 'record-added') {
        const r = change.record;
        const awaitsAv = avNeedOf(r, defaultAvRequirements) !== 'optional' && r.av.length === 0 && !r.avMissingReason;
        const endedAt = typeof r.fields.endedAt === 'string' ? r.fields.endedAt : r.recordedAt;
        if (awaitsAv) {
          const { dueAt } = await avHandOverDeadline({ actionEndedAt: endedAt });
          // R6: the footage is the recording officer's to hand over, whoever started the case (C2: their limit).
          deadlines.push({
            ...newDeadline('av-handover', r.id, endedAt, dueAt, r.id),
            responsibleUserId: r.recordedBy,
          });
        }
      }
      if (change.kind === 'closed') {
        const archiveBy = new Date(Date.parse(change.at) + defaultCaseTimeLimits.archivingDays * DAY_MS).toISOString();
        deadlines.push(newDeadline('archiving', input.caseNumber, change.at, archiveBy));
        deadlines.push(
          newDeadline(
            'retention',
            input.caseNumber,
            change.at,
            addMonths(change.at, defaultCaseTimeLimits.retentionMonths),
          ),
        );
      }
    }
  }

  setHandler(
    caseCommandUpdate,
    async (cmd): Promise<CaseCommandResult> => {
      await condition(() => registeredAt !== null);
      // The case's clock, not the caller's, dates every record (R7: nobody back-dates the log).
      const changes = await apply({ ...cmd, at: new Date().toISOString() }, cmd.by);
      return {
        step: life.step,
        outcome: life.outcome,
        recordIds: changes.flatMap((c) => (c.kind === 'record-added' ? [c.record.id] : [])),
      };
    },
    {
      validator: (cmd) => {
        // Refuse before anything is written to history when the command cannot apply to the case as it stands.
        const outcome = applyCaseCommand(life, { ...cmd, at: new Date().toISOString() } as CaseCommand);
        if (!outcome.ok) {
          throw ApplicationFailure.create({
            type: CASE_REFUSED,
            message: outcome.refusal.en,
            details: [outcome.refusal],
          });
        }
      },
    },
  );

  setHandler(reviewConcludedSignal, async ({ eventId, ...fact }) => {
    if (seenReviewFacts.has(eventId)) return;
    seenReviewFacts.add(eventId);
    await condition(() => registeredAt !== null);
    try {
      await apply(fact, 'review-svc');
    } catch (error) {
      // A conclusion that cannot be stored is recorded (apply did) and the case goes on; a signal cannot answer.
      if (!(error instanceof Error && notStored.has(error))) throw error;
    }
  });

  try {
    ({ registeredAt } = await registerCase(input));
  } catch (error) {
    // Without its row the case cannot exist: recorded, then the workflow fails with the reason.
    if (isPermanent(error)) await noteFailure('registerCase', error);
    throw error;
  }
  if (life.initiationMode === 'emergency') {
    const due = new Date(Date.parse(input.initiatedAt) + defaultCaseTimeLimits.approvalBackfillMs).toISOString();
    deadlines.push(newDeadline('initiation-approval', input.caseNumber, input.initiatedAt, due));
  }

  const who = { caseNumber: input.caseNumber, unitId: input.unitId };
  const responsibleFor = (d: CaseDeadline) => d.responsibleUserId ?? input.initiatedBy;
  for (;;) {
    for (const notice of tellBoard ? boardNotices(deadlines, life) : []) {
      const d = deadlines.find((x) => x.key === notice.key);
      if (!d) continue;
      if (notice.kind === 'started') d.startAnnounced = true;
      else d.metAnnounced = true;
      await announce(`board:${d.key}/${notice.kind}`, () =>
        announceCaseLimitOnBoard({
          ...who,
          responsibleUserId: responsibleFor(d),
          correlationId: input.correlationId,
          deadline: { ...d },
          kind: notice.kind,
          at: new Date().toISOString(),
        }),
      );
    }
    for (const notice of dueNotices(deadlines, life, Date.now())) {
      const d = deadlines.find((x) => x.key === notice.key);
      if (!d) continue;
      if (notice.kind === 'warning') d.warned = true;
      else d.missed = true;
      await announce(`deadline:${d.key}/${notice.kind}`, () =>
        announceCaseDeadline({
          caseNumber: input.caseNumber,
          unitId: input.unitId,
          responsibleUserId: responsibleFor(d),
          correlationId: input.correlationId,
          deadline: { ...d },
          kind: notice.kind,
        }),
      );
    }
    const next = nextDeadlineInstant(deadlines, life);
    if (life.archivedAt !== null && next === null) break;
    wake = false;
    if (next === null) await condition(() => wake);
    else await condition(() => wake, Math.max(1, next - Date.now()));
  }
  await condition(allHandlersFinished);
}
