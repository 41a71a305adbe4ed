import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  ReviewRuleError,
  ReviewSearchAttributes,
  attemptDecisionUpdate,
  calendarChangedSignal,
  decide,
  decisionGate,
  limitText,
  markProvisionalLimits,
  plannedAlarms,
  reviewCalendarPort,
  reviewCommandUpdate,
  reviewViewQuery,
  runningLimits,
  workdaysLeft,
  type DecideResult,
  type DecisionAttemptResult,
  type ReviewAlarm,
  type ReviewBlockedOn,
  type ReviewCommand,
  type ReviewEnv,
  type ReviewFailureDetails,
  type ReviewHistoryEntry,
  type ReviewState,
  type ReviewView,
  type ReviewViewOpinionDocument,
  type ReviewWorkflowInput,
  type ReviewWorkflowResult,
  type WorkdayCalendarPort,
} from '@enforcement/domain';
import { civilDate, WorkdayCalendar } from '@enforcement/workdays';
import type { CalendarSnapshot, ComputedDeadlines, ReviewActivities } from '../activities/review.activities';
import { opinionDocumentInputOf } from './opinion-document.input';
import {
  COMMIT_ATTEMPTS,
  isPermanent,
  reasonOf,
  storeRefusedFailure,
  supersededFailure,
  untilDone,
  type BlockedHooks,
} from './review-commit';
import { buildView, historyOf, isFinal } from './review.view';

/*
 * 法制审核 — one legal review of one case's major decision (SPEC L2–L13), driven by the pure reducer of
 * libs/domain/review: every command is `decide(state, command, now, env)`; this file only orchestrates.
 *
 * Determinism: the working-day calendar can change at run time (W4) and the process's active calendar must not be
 * read here. The reducer gets a snapshot rebuilt from arrangements an activity returned (kept in history), and the
 * timers run on limits `runningLimits` computes on that snapshot after each command (issue 8 §7), or the
 * `computeReviewDeadlines` activity with the service's current calendar when the snapshot lacks a year, and after a
 * `calendarChanged` signal, which reloads both.
 *
 * Pauses (L7) are state, not sleeps: the loop waits with `condition(() => woken, untilNextAlarm)`; while a pause holds
 * the clock there is no review limit and so no alarm, only the wait for the next command.
 *
 * History size: a review is a few dozen commands, each a handful of history events, far below Temporal's limits. The
 * run continues as new only when the server suggests it (`continueAsNewSuggested`, e.g. after very many refused
 * decision attempts or calendar changes), carrying state, history and sent notices over.
 *
 * After a final status the workflow stays open for `FINAL_RETENTION` so the decision gate (L12) keeps answering and
 * recording refused attempts; then it returns.
 */

const FINAL_RETENTION = '30 days';

const calendarActivities = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const storeActivities = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

// Recording a change (issue 8 §3c, review-commit.ts): a few retries, then the review shows what it waits on and
// keeps trying visibly, instead of retrying for ever unseen. Rendering the opinion document embeds a CJK font
// subset per copy: seconds, not milliseconds, hence the long timeout.
const commitActivities = proxyActivities<ReviewActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumAttempts: COMMIT_ATTEMPTS,
  },
});

/*
 * Issue 8 §7: the command's one transaction runs as a local activity, in the worker that decided it, inside the same
 * workflow task — no activity dispatch and no second workflow task. Durability is the transaction's, not the task
 * queue's: the update answers only after the workflow task holding the activity's marker completed, and if the worker
 * dies between the commit and that completion, the task is retried and the activity runs again — which rewrites
 * nothing (revision guard, audit look-up, deterministic event ids, seq watermark). Same retry policy, same
 * `untilDone` visibility when the store stays down. The opinion document (seconds of rendering) stays a normal
 * activity. The calendar snapshot is a read with no effect, so it runs locally too.
 */
const localActivities = proxyLocalActivities<ReviewActivities>({
  startToCloseTimeout: '30 seconds',
  // Every retry waits on a server timer, not inside the workflow task: the task stays short and a retry is in history.
  localRetryThreshold: '100 milliseconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    backoffCoefficient: 2,
    maximumAttempts: COMMIT_ATTEMPTS,
  },
});

/** The snapshot as a local activity, retried like `calendarActivities` (without it no limit can be computed). */
const localCalendar = proxyLocalActivities<ReviewActivities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '100 milliseconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Histories recorded before the commit became a local activity replay the task-queue activity. */
const LOCAL_COMMIT_PATCH = 'local-commit';

/** Histories recorded before the opinion document was produced replay without the activity (STYLE habit 7). */
const OPINION_DOCUMENT_PATCH = 'opinion-document-v1';

/**
 * Issue 8 §7: a command is one activity — state, events and inbox row in one transaction (`commitReviewChange`) —
 * with its running limits computed here on the calendar snapshot in history. Histories recorded before it replay
 * the three-activity path (compute deadlines, save, project).
 */
const ONE_TRANSACTION_PATCH = 'one-transaction-commit';

interface CalendarInUse {
  readonly fingerprint: string;
  readonly port: WorkdayCalendarPort;
}

export async function reviewWorkflow(input: ReviewWorkflowInput): Promise<ReviewWorkflowResult> {
  const { workflowId } = workflowInfo();
  const { policy, correlationId } = input;
  const systemActor = { id: `system:${workflowId}`, role: 'system', unitId: 'system' } as const;

  // `state` is what the next command is decided against; `committed` what is durably recorded, and so what the
  // view, the decision gate and every answer follow (issue 8 §3c).
  let state: ReviewState | null = input.carried?.state ?? null;
  let committed: ReviewState | null = state;
  let blockedOn: ReviewBlockedOn | null = null;
  let generation = 0;
  const history: ReviewHistoryEntry[] = [...(input.carried?.history ?? [])];
  const sentNotices = new Set<string>(input.carried?.sentNotices ?? []);
  let decisionAttempts = input.carried?.decisionAttempts ?? 0;
  let projectionSeq = input.carried?.projectionSeq ?? 0;
  let finalSince: string | null = input.carried?.finalSince ?? null;
  let opinionDocument: ReviewViewOpinionDocument | null = input.carried?.opinionDocument ?? null;
  let calendar: CalendarInUse | null = null;
  let deadlines: ComputedDeadlines | null = null;
  let ready = false;
  let woken = false;
  let calendarChanged = false;

  // Activities run one after another in command order, so a case's events reach the outbox in the order decided.
  let tail: Promise<unknown> = Promise.resolve();
  let queued = 0;
  function serially<T>(work: () => Promise<T>): Promise<T> {
    queued += 1;
    const run = tail.then(work).finally(() => {
      queued -= 1;
      woken = true;
    });
    tail = run.catch(() => undefined);
    return run;
  }

  function reducerEnv(): ReviewEnv {
    if (calendar === null) throw new Error('calendar snapshot not loaded');
    return { calendar: calendar.port, policy };
  }

  /** The reducer, with calendar gaps (W3) turned into a refusal rather than a stuck workflow task. */
  function safeDecide(
    current: ReviewState | null,
    command: ReviewCommand,
    now: Date,
  ): DecideResult | ApplicationFailure {
    try {
      return decide(current, command, now, reducerEnv());
    } catch (error) {
      if ((error as { code?: unknown }).code === 'WORKDAYS.CALENDAR_NOT_COVERED') {
        const [zh, en] = (error as Error).message.split(' / ');
        return failure({
          code: 'WORKDAYS.CALENDAR_NOT_COVERED',
          category: 'conflict',
          message_zh: zh,
          message_en: en ?? zh,
        });
      }
      throw error;
    }
  }

  /** Limits for the state as it is now: the activity's answer when current, else the same rule on the snapshot. */
  function limitsNow(current: ReviewState): ComputedDeadlines | null {
    if (deadlines !== null && deadlines.revision === current.revision) return deadlines;
    if (calendar === null) return null;
    try {
      const { review, supplement } = runningLimits(current, reducerEnv());
      return { revision: current.revision, fingerprint: calendar.fingerprint, review, supplement, uncoveredYear: null };
    } catch {
      return null;
    }
  }

  function missedRounds(): number[] {
    return [...sentNotices]
      .filter((key) => key.startsWith('missed:review-limit:'))
      .map((key) => Number(key.split(':')[2]));
  }

  function view(current: ReviewState): ReviewView {
    const built = buildView(current, {
      deadlines: limitsNow(current),
      calendar: calendar?.port ?? null,
      calendarFingerprint: calendar?.fingerprint ?? null,
      history,
      missedRounds: missedRounds(),
      now: new Date(),
    });
    return opinionDocument === null ? built : { ...built, opinionDocument };
  }

  /** The view as answered: the committed state, and what the review waits on if a change cannot be recorded. */
  function shown(current: ReviewState): ReviewView {
    const built = view(current);
    return blockedOn === null ? built : { ...built, blockedOn };
  }

  const blockedHooks: BlockedHooks = {
    now: () => new Date().toISOString(),
    unblocked: () => {
      blockedOn = null;
    },
    blocked: async (next) => {
      const firstOfEpisode = blockedOn?.since !== next.since || blockedOn.step !== next.step;
      blockedOn = next;
      if (firstOfEpisode) await reportBlocked(next);
    },
  };

  /** Once per episode: a history line and a deadline-style warning naming what the review waits on (C2). */
  async function reportBlocked(blocked: ReviewBlockedOn): Promise<void> {
    const label =
      blocked.step === 'opinion-document'
        ? ['法制审核意见书的生成与存档', 'the opinion document']
        : ['审核记录的保存', 'saving the change'];
    history.push({
      type: 'review.blocked',
      at: blocked.since,
      actorId: systemActor.id,
      summary_zh: `审核正在等待${label[0]}完成：${blocked.lastError}`,
      summary_en: `the review waits on ${label[1]}: ${blocked.lastError}`,
    });
    const current = committed ?? state;
    if (current === null) return;
    const limits = limitsNow(current);
    const deadline = limits?.review?.deadline ?? limits?.supplement?.deadline ?? blocked.since;
    try {
      await commitActivities.publishDeadlineNotice({
        workflowId,
        correlationId,
        kind: 'warning',
        at: blocked.since,
        notice: {
          process: 'legal-review',
          limit: `blocked:${blocked.step}`,
          subjectId: current.reviewId,
          caseNo: current.caseNo,
          unitId: current.unitId,
          responsibleUserId: null,
          responsibleRoles: ['legal-section-head'],
          round: current.rounds[current.rounds.length - 1]?.round ?? null,
          deadline,
          calendarFingerprint: deadlines?.fingerprint ?? null,
          warningAt: blocked.since,
          workdaysLeft:
            calendar === null ? 0 : workdaysLeftSafe(new Date(blocked.since), new Date(deadline), calendar.port),
        },
      });
    } catch {
      // The notice is best effort: the store may be what is failing. The view and the history say it regardless.
    }
  }

  /**
   * L9: renders and registers the two copies of the opinion document. A document the renderer refuses (not lawful
   * as input) is noted in the history instead of stopping the review; anything else is retried by Temporal.
   */
  async function issueDocument(current: ReviewState, at: string): Promise<void> {
    const request = opinionDocumentInputOf(current, input.particulars);
    if (request === null) return;
    try {
      const issued = await commitActivities.issueOpinionDocument(request);
      opinionDocument = {
        round: issued.round,
        documentNo: issued.documentNo,
        copies: issued.copies.map(({ copy, sha256 }) => ({ copy, sha256 })),
      };
    } catch (error) {
      // Only a document that can never be lawful is noted and passed; anything else waits visibly (untilDone).
      if (!isPermanent(error)) throw error;
      const reason = (error as { cause?: { message?: string } }).cause?.message ?? String(error);
      history.push({
        type: 'review.opinion-document-failed',
        at,
        actorId: systemActor.id,
        summary_zh: `法制审核意见书未能生成：${reason}`,
        summary_en: `the opinion document could not be produced: ${reason}`,
      });
    }
  }

  async function loadCalendar(): Promise<void> {
    // Years before last year cannot matter to a review that is still open; keep history small.
    const fromYear = Number(civilDate(new Date()).slice(0, 4)) - 1;
    const snapshots = patched(LOCAL_COMMIT_PATCH) ? localCalendar : calendarActivities;
    const snapshot: CalendarSnapshot = await snapshots.snapshotReviewCalendar({ fromYear });
    calendar = {
      fingerprint: snapshot.fingerprint,
      port: reviewCalendarPort(WorkdayCalendar.fromYears(snapshot.arrangements)),
    };
  }

  /** Recomputes the running limits with the service's calendar; reloads the snapshot if the calendar moved on. */
  async function recomputeDeadlines(current: ReviewState): Promise<void> {
    const computed = await calendarActivities.computeReviewDeadlines({ state: current, policy });
    if (calendar === null || computed.fingerprint !== calendar.fingerprint) await loadCalendar();
    if (state === null || computed.revision === state.revision) deadlines = computed;
  }

  /**
   * Issue 8 §7: the limits of a decided state on the snapshot this run holds (`runningLimits` is pure and the snapshot
   * is in history, so this replays). Falls back to the activity when the snapshot cannot answer (a year it lacks, W3).
   */
  async function limitsFor(current: ReviewState): Promise<void> {
    if (calendar !== null) {
      try {
        const { review, supplement } = runningLimits(current, reducerEnv());
        deadlines = {
          revision: current.revision,
          fingerprint: calendar.fingerprint,
          review,
          supplement,
          uncoveredYear: null,
        };
        return;
      } catch {
        // The activity answers with the service's whole calendar, or says which year is missing.
      }
    }
    await recomputeDeadlines(current);
  }

  /** The task-inbox row and the visibility attributes, after every change. */
  async function project(current: ReviewState): Promise<void> {
    const shown = view(current);
    projectionSeq += 1;
    await storeActivities.projectReview({ view: shown, seq: projectionSeq });
    searchAttributes(current, shown);
  }

  function searchAttributes(current: ReviewState, shown: ReviewView): void {
    upsertSearchAttributes([
      { key: ReviewSearchAttributes.caseNumber, value: current.caseNo },
      { key: ReviewSearchAttributes.unitId, value: current.unitId },
      { key: ReviewSearchAttributes.reviewStep, value: shown.step },
      { key: ReviewSearchAttributes.assigneeRole, value: shown.nextActorRoles[0] ?? null },
      { key: ReviewSearchAttributes.stepDeadline, value: shown.deadline === null ? null : new Date(shown.deadline) },
    ]);
  }

  /**
   * Applies an accepted reducer step: later commands are decided against it at once (`state`), but the review
   * answers from it only once its persistence succeeded (`committed`). Data the store refuses for good undoes it:
   * the command fails, and commands decided after it fail as superseded.
   */
  function accept(command: ReviewCommand, result: Extract<DecideResult, { ok: true }>, at: Date): Promise<void> {
    state = result.state;
    const decided = result.state;
    const base = generation;
    // W7: each limit an event announces says whether it is provisional, on the snapshot the reducer decided with.
    const events = calendar === null ? result.events : markProvisionalLimits(result.events, calendar.port);
    const entries = historyOf({ type: command.type, actorId: command.actor.id }, events, at.toISOString());
    // Decided here, in the handler, so the marker's place in history is the command's own.
    // L9: the document is made when the re-reviewer signs the draft, the one step that issues the opinion.
    const issues = command.type === 'reReviewOpinion' && command.decision === 'approve';
    const withDocument = issues && patched(OPINION_DOCUMENT_PATCH);
    const oneTransaction = patched(ONE_TRANSACTION_PATCH);
    const committer = oneTransaction && patched(LOCAL_COMMIT_PATCH) ? localActivities : commitActivities;
    return serially(async () => {
      if (generation !== base) throw supersededFailure();
      let pushed = false;
      let stored: ReviewView | null = null;
      try {
        if (oneTransaction) await limitsFor(decided);
        else await recomputeDeadlines(decided);
        // Before the change is saved, so the stored view already lists the copies' hashes.
        if (withDocument) {
          await untilDone('opinion-document', () => issueDocument(decided, at.toISOString()), blockedHooks);
        }
        history.push(...entries);
        pushed = true;
        const change = {
          workflowId,
          correlationId,
          command: { type: command.type, actorId: command.actor.id, role: command.actor.role },
          state: decided,
          events,
        };
        if (oneTransaction) {
          // One seq per command: a retry of the activity carries the same seq, which the watermark drops.
          stored = view(decided);
          projectionSeq += 1;
          const seq = projectionSeq;
          const commit = { ...change, view: stored, seq };
          await untilDone('save-change', () => committer.commitReviewChange(commit), blockedHooks);
        } else {
          await untilDone(
            'save-change',
            () => commitActivities.saveReviewChange({ ...change, view: view(decided) }),
            blockedHooks,
          );
        }
      } catch (error) {
        if (pushed && entries.length > 0) history.splice(history.indexOf(entries[0]), entries.length);
        generation += 1;
        state = committed;
        if (!isPermanent(error)) throw error;
        history.push({
          type: 'review.change-refused',
          at: new Date().toISOString(),
          actorId: systemActor.id,
          summary_zh: `“${command.type}”未能保存，未生效：${reasonOf(error)}`,
          summary_en: `"${command.type}" could not be stored and did not take effect: ${reasonOf(error)}`,
        });
        throw storeRefusedFailure(error);
      }
      committed = decided;
      if (isFinal(decided) && finalSince === null) finalSince = at.toISOString();
      if (stored !== null) searchAttributes(decided, stored);
      else await project(decided);
    });
  }

  setHandler(reviewViewQuery, () => {
    if (committed === null)
      throw ApplicationFailure.create({ type: 'REVIEW.NOT_STARTED', message: 'review not submitted yet' });
    return shown(committed);
  });

  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
    woken = true;
  });

  setHandler(
    reviewCommandUpdate,
    async (command) => {
      if (!ready) await condition(() => ready);
      const now = new Date();
      const result = safeDecide(state, command, now);
      // Only when the state moved between validator and handler (a command accepted just before this one).
      if (result instanceof ApplicationFailure) throw result;
      if (!result.ok) throw ruleFailure(result.error);
      await accept(command, result, now);
      return shown(committed!);
    },
    {
      validator: (command) => {
        // Before the submission is applied there is nothing to validate against; the handler waits and decides.
        if (!ready) return;
        const result = safeDecide(state, command, new Date());
        if (result instanceof ApplicationFailure) throw result;
        if (!result.ok) throw ruleFailure(result.error);
      },
    },
  );

  setHandler(
    attemptDecisionUpdate,
    async (request): Promise<DecisionAttemptResult> => {
      if (!ready) await condition(() => ready);
      // The gate follows what is recorded: a decision still being saved has not happened yet (issue 8 §3c).
      await condition(() => committed !== null);
      const current = committed!;
      const now = new Date();
      const gate = decisionGate(current, { caseNo: current.caseNo, actor: request.actor, at: now });
      if (gate.allowed) return { allowed: true, decision: current.decision! };
      decisionAttempts += 1;
      const attemptId = `${current.reviewId}/decision-attempt/${decisionAttempts}`;
      history.push({
        type: 'review.decision-attempt-refused.v1',
        at: now.toISOString(),
        actorId: request.actor.id,
        summary_zh: `拒绝未经审核通过的决定尝试（${attemptId}）`,
        summary_en: `decision attempt refused without a passed review (${attemptId})`,
      });
      // Not queued behind the review's own changes: a refusal must answer (and be recorded) even while a change
      // waits on a failing store (issue 8 §3c); it names the committed status, so no ordering with them is needed.
      await storeActivities.recordDecisionAttempt({
        workflowId,
        correlationId,
        attemptId,
        attempt: gate.attempt,
        decisionRef: request.decisionRef ?? null,
      });
      return {
        allowed: false,
        attemptId,
        code: gate.error.code,
        message_zh: gate.error.message_zh,
        message_en: gate.error.message_en,
      };
    },
    {
      validator: (request) => {
        const actor = request?.actor;
        if (!actor || typeof actor.id !== 'string' || actor.id === '' || typeof actor.role !== 'string') {
          throw ruleFailure(
            new ReviewRuleError('REVIEW.INVALID_INPUT', {
              field: 'actor',
              problemZh: '须写明尝试作出决定的人员及其角色',
              problemEn: 'name the person attempting the decision and their role',
            }),
          );
        }
      },
    },
  );

  // ------------------------------------------------------------------------------------------------ start
  await loadCalendar();
  if (state === null) {
    const now = new Date();
    const result = safeDecide(null, input.command, now);
    // A refused submission fails the workflow with the rule's code; the gateway validates first, so this is a race.
    if (result instanceof ApplicationFailure) throw result;
    if (!result.ok) throw ruleFailure(result.error);
    const started = accept(input.command, result, now);
    ready = true;
    await started;
  } else {
    ready = true;
    await serially(async () => {
      await recomputeDeadlines(state!);
      await project(state!);
    });
  }

  // ------------------------------------------------------------------------------------------------ timers
  function alarms(current: ReviewState): ReviewAlarm[] {
    const limits = deadlines !== null && deadlines.revision === current.revision ? deadlines : null;
    return limits === null ? [] : plannedAlarms(current, limits, sentNotices);
  }

  async function publishNotice(current: ReviewState, alarm: ReviewAlarm, kind: 'warning' | 'missed', at: Date) {
    const supplement = alarm.limit === 'supplement-window';
    const responsible = supplement ? current.submission.submittedBy.id : (current.rounds[0]?.openedByActor ?? null);
    const base = {
      process: 'legal-review',
      limit: alarm.limit,
      subjectId: current.reviewId,
      caseNo: current.caseNo,
      unitId: current.unitId,
      responsibleUserId: responsible,
      responsibleRoles: [...view(current).nextActorRoles],
      round: alarm.round,
      deadline: alarm.deadline,
      calendarFingerprint: deadlines?.fingerprint ?? null,
      provisional: alarm.provisional,
    };
    const label = supplement ? ['补正期限', 'supplement window'] : ['审核期限', 'review limit'];
    const [zhMark, enMark] = alarm.provisional ? ['（暂定）', ' (provisional)'] : ['', ''];
    history.push({
      type: kind === 'warning' ? 'deadline.warning.v1' : 'deadline.missed.v1',
      at: at.toISOString(),
      actorId: systemActor.id,
      summary_zh:
        kind === 'warning'
          ? `${label[0]}即将届满（${limitText(alarm.deadline).zh}）${zhMark}`
          : `${label[0]}已届满（${limitText(alarm.deadline).zh}）${zhMark}`,
      summary_en:
        kind === 'warning'
          ? `${label[1]} ends soon (${limitText(alarm.deadline).en})${enMark}`
          : `${label[1]} missed (${limitText(alarm.deadline).en})${enMark}`,
    });
    const left = calendar === null ? 0 : workdaysLeftSafe(at, new Date(alarm.deadline), calendar.port);
    await serially(async () => {
      if (kind === 'warning') {
        await storeActivities.publishDeadlineNotice({
          workflowId,
          correlationId,
          kind,
          at: at.toISOString(),
          notice: { ...base, warningAt: alarm.warningAt, workdaysLeft: left },
        });
      } else {
        await storeActivities.publishDeadlineNotice({
          workflowId,
          correlationId,
          kind,
          at: at.toISOString(),
          notice: { ...base, missedAt: at.toISOString() },
        });
        await project(state!);
      }
    });
  }

  async function fire(alarm: ReviewAlarm): Promise<void> {
    const current = state!;
    const now = new Date();
    sentNotices.add(alarm.key);
    if (alarm.kind === 'warning') {
      // A limit that already ran out gets its miss reported, not a warning.
      if (now.getTime() < Date.parse(alarm.deadline)) await publishNotice(current, alarm, 'warning', now);
      return;
    }
    if (alarm.kind === 'missed') {
      await publishNotice(current, alarm, 'missed', now);
      return;
    }
    // L5: the window lapsed without a supplement → not accepted, decided as the `system` actor.
    const lapse: ReviewCommand = { type: 'supplementWindowLapsed', actor: systemActor };
    const result = safeDecide(current, lapse, now);
    if (result instanceof ApplicationFailure || !result.ok) return;
    // Both are queued before anything awaits, so no command can slip between the decision and its persistence.
    const reported = publishNotice(current, alarm, 'missed', now);
    const lapsed = accept(lapse, result, now);
    await Promise.all([reported, lapsed]);
  }

  while (!isFinal(state!)) {
    if (calendarChanged) {
      calendarChanged = false;
      const before = limitsNow(state!);
      await serially(async () => {
        await loadCalendar();
        await recomputeDeadlines(state!);
        await project(state!);
      });
      const after = limitsNow(state!);
      const was = before?.review ?? before?.supplement ?? null;
      const now = after?.review ?? after?.supplement ?? null;
      // W7: the line says which side was provisional, so publishing the official year shows as such.
      const zh = (limit: typeof now) =>
        limit === null ? '无' : `${limitText(limit.deadline).zh}${limit.provisional === true ? '（暂定）' : ''}`;
      const en = (limit: typeof now) =>
        limit === null
          ? 'none'
          : `${limitText(limit.deadline).en}${limit.provisional === true ? ' (provisional)' : ''}`;
      history.push({
        type: 'review.deadline-recomputed',
        at: new Date().toISOString(),
        actorId: systemActor.id,
        summary_zh: `工作日历变更，期限重新计算：${zh(was)} → ${zh(now)}`,
        summary_en: `working-day calendar changed, limit recomputed: ${en(was)} → ${en(now)}`,
      });
      continue;
    }
    if (workflowInfo().continueAsNewSuggested && queued === 0 && allHandlersFinished()) break;
    woken = false;
    const next = alarms(state!)[0];
    if (next !== undefined && next.at <= Date.now()) {
      await fire(next);
      continue;
    }
    if (next === undefined) await condition(() => woken);
    else await condition(() => woken, next.at - Date.now());
  }

  if (!isFinal(state!)) return continueAsNewWith();

  // Final: the decision gate keeps answering (and recording refusals) for a while, then the workflow closes.
  const retained = await condition(() => workflowInfo().continueAsNewSuggested, FINAL_RETENTION);
  if (retained) {
    await condition(() => queued === 0 && allHandlersFinished());
    return continueAsNewWith();
  }
  await condition(() => queued === 0 && allHandlersFinished());
  const last = state!;
  return {
    reviewId: last.reviewId,
    caseNo: last.caseNo,
    status: last.status,
    mayIssueDecision: last.status === 'decided' && last.decision !== null,
  };

  function continueAsNewWith(): Promise<never> {
    return continueAsNew<typeof reviewWorkflow>({
      ...input,
      carried: {
        state: state!,
        history,
        decisionAttempts,
        sentNotices: [...sentNotices],
        projectionSeq,
        finalSince,
        ...(opinionDocument === null ? {} : { opinionDocument }),
      },
    });
  }
}

function workdaysLeftSafe(now: Date, deadline: Date, port: WorkdayCalendarPort): number {
  try {
    return workdaysLeft(now, deadline, port);
  } catch {
    return 0; // a year the snapshot lacks (W3): the notice still goes out
  }
}

function failure(details: ReviewFailureDetails): ApplicationFailure {
  return ApplicationFailure.create({
    type: details.code,
    message: `${details.code}: ${details.message_en}`,
    nonRetryable: true,
    details: [details],
  });
}

/** The refusal as the gateway receives it: `type` = code, `details[0]` = { code, category, message_zh, message_en }. */
function ruleFailure(error: ReviewRuleError): ApplicationFailure {
  return failure({
    code: error.code,
    category: error.category,
    message_zh: error.message_zh,
    message_en: error.message_en,
  });
}
