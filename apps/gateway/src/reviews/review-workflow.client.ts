import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import {
  attemptDecisionUpdate,
  decisionAttemptWorkflowId,
  isUnitScoped,
  mayReadReview,
  RECORD_DECISION_ATTEMPT_WORKFLOW_TYPE,
  REVIEW_WORKFLOW_TYPE,
  reviewCommandUpdate,
  ReviewRuleError,
  ReviewSearchAttributes,
  reviewViewQuery,
  RESUBMITTABLE_STATUSES,
  reviewWorkflowId,
  TaskQueues,
  type DecisionAttemptResult,
  type RecordDecisionAttemptInput,
  type ReviewActor,
  type ReviewCommand,
  type ReviewView,
  type ReviewWorkflowInput,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT, uuidFromKey } from '@enforcement/platform';
import { CaseOwnership } from './case-ownership';
import { ReviewRounds } from './review-rounds';
import { actingAs, type ReviewCaller } from './review-caller';
import { COMMAND_ROLES, type PersonCommand } from './review-command.route';
import { reviewNotFound, toReviewHttpError } from './review-errors';
import { ReviewStoreCheck } from './review-store.check';

/** How long a person waits for the workflow to answer before we say "check, then try again" (a command sent may still apply). */
const CALL_TIMEOUT_MS = 20_000;
/** Cases whose latest round this process remembers; far above the reviews open at once in one agency. */
const KNOWN_ROUNDS_MAX = 20_000;

/**
 * The gateway's side of review-svc's `reviewWorkflow` contract: start it, send it commands and decision attempts
 * as updates, read its view. Every Temporal error leaves here already translated into our error body.
 */
@Injectable()
export class ReviewWorkflowClient {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly cases: CaseOwnership,
    private readonly rounds: ReviewRounds,
    private readonly store: ReviewStoreCheck,
  ) {}

  /**
   * The latest round this process has seen per case (issue 8 §7): a command goes straight to it instead of probing
   * the rounds first (two Temporal round trips). Rounds only grow, and a round that another process superseded has
   * ended, so it refuses every command — on any refusal the rounds are probed and the command goes to a newer one.
   */
  private readonly knownRounds = new Map<string, number>();

  private remember(caseNo: string, round: number): void {
    if (round <= 0 || (this.knownRounds.get(caseNo) ?? 0) > round) return;
    this.knownRounds.delete(caseNo);
    this.knownRounds.set(caseNo, round);
    // Oldest first in a Map's order: forget the case least recently touched.
    if (this.knownRounds.size > KNOWN_ROUNDS_MAX) this.knownRounds.delete(this.knownRounds.keys().next().value!);
  }

  /**
   * Starts the case's next review round: round 1 for a case never submitted; round n + 1 when round n ended without
   * a review (not accepted or withdrawn, SPEC L5). While a round is open, or after it concluded, a submission is
   * refused as a duplicate — except the same call retried, which gets its own round back.
   */
  async start(input: ReviewWorkflowInput): Promise<string> {
    const { caseNo, unitId } = input.command;
    const latest = await this.rounds.latest(caseNo);
    if (latest > 0) {
      const previousId = reviewWorkflowId(caseNo, latest);
      const previous = await this.viewOf(previousId);
      if (previous?.reviewId === input.command.reviewId) {
        this.remember(caseNo, latest);
        return previousId;
      }
      if (previous === null || !(RESUBMITTABLE_STATUSES as readonly string[]).includes(previous.status)) {
        throw alreadySubmitted(caseNo);
      }
    }
    const workflowId = reviewWorkflowId(caseNo, latest + 1);
    try {
      await this.temporal.workflow.start(REVIEW_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.review,
        workflowId,
        args: [input],
        // One workflow per round: a returned case is resubmitted inside its round; a new round needs the last one
        // to have ended unaccepted or withdrawn, and two racing submissions cannot both start it.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: ReviewSearchAttributes.caseNumber, value: caseNo },
          { key: ReviewSearchAttributes.unitId, value: unitId },
        ],
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        // The same call's start, whose answer was lost: the review running is this submission's own.
        if ((await this.viewOf(workflowId))?.reviewId === input.command.reviewId) {
          this.remember(caseNo, latest + 1);
          return workflowId;
        }
        throw alreadySubmitted(caseNo);
      }
      throw err;
    }
    this.remember(caseNo, latest + 1);
    return workflowId;
  }

  /** A round's view as its workflow last knew it, or null when it cannot be read. */
  private async viewOf(workflowId: string): Promise<ReviewView | null> {
    try {
      return await this.temporal.workflow.getHandle(workflowId).query(reviewViewQuery);
    } catch {
      return null;
    }
  }

  /** Sends one person's command; the workflow's validator refuses an illegal one before anything changes. */
  async send(caseNo: string, caller: ReviewCaller, command: PersonCommand): Promise<ReviewView> {
    const full = { ...command, actor: actingAs(caller.actor, COMMAND_ROLES[command.type]) } as ReviewCommand;
    // C1: a legal advisor acts only in a review they were invited to, and any other is "not found" to them; the
    // workflow refuses an uninvited advisor too, but with a rule error that would confirm the review exists.
    if (full.actor.role === 'legal-advisor') await this.view(caseNo, caller);
    // Issue 12: with review-svc's store down, 503 now and nothing sent, rather than an accepted update that waits.
    await this.store.ready(caller);
    return this.command(caseNo, caller, (handle) =>
      handle.executeUpdate(reviewCommandUpdate, {
        args: [full],
        // The once-only key binds the client's request id to caller, route and body: a retry of the same call gets
        // the first outcome; another person's call, or another body, under the same request id is a different update.
        updateId: caller.requestKey ? `${command.type}:${caller.requestKey}` : undefined,
      }),
    );
  }

  /**
   * SPEC L12 gate. The workflow records a refused attempt (accountability) and answers `allowed: false`. Without a
   * running workflow (never submitted, or closed) the answer comes from the last view, with the same rule and
   * message, and the refusal is recorded all the same: a short workflow on the review task queue stores it. Its start
   * is durable, so the record is kept even if review-svc is down at that moment.
   */
  async attemptDecision(
    caseNo: string,
    caller: ReviewCaller,
    actor: ReviewActor,
    decisionRef: string | undefined,
  ): Promise<DecisionAttemptResult> {
    const known = await this.view(caseNo, caller).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'REVIEW.NOT_FOUND' && !isUnitScoped(caller.actor)) return null;
      throw err;
    });
    try {
      if (known === null) throw reviewNotFound(caseNo);
      return await this.call(caseNo, caller, (handle) =>
        handle.executeUpdate(attemptDecisionUpdate, {
          args: [{ actor, decisionRef }],
          updateId: caller.requestKey ? `attemptDecision:${caller.requestKey}` : undefined,
        }),
      );
    } catch (err) {
      if (!(err instanceof AppError) || !['REVIEW.NOT_FOUND', 'REVIEW.CLOSED'].includes(err.code)) throw err;
      if (known?.mayIssueDecision && known.decision) return { allowed: true, decision: known.decision };
      const status = known?.statusLabel ?? { zh: '未报送法制审核', en: 'never submitted for review' };
      const refusal = new ReviewRuleError('REVIEW.REVIEW_NOT_PASSED', { statusZh: status.zh, statusEn: status.en });
      // A retried call records its attempt once: the attempt id, and so the recording workflow's id, come from its key.
      const attemptId = caller.requestKey ? uuidFromKey(caller.requestKey, 'decision-attempt') : randomUUID();
      const workflowId = decisionAttemptWorkflowId(attemptId);
      const input: RecordDecisionAttemptInput = {
        workflowId,
        correlationId: caller.requestId || attemptId,
        attemptId,
        attempt: {
          caseNo,
          reviewId: known?.reviewId ?? null,
          // A never-submitted case still belongs to a unit: count the attempt there (L13), not under no unit.
          unitId: known?.unitId ?? (await this.cases.ownerOf(caseNo)),
          reviewStatus: known?.status ?? null,
          attemptedBy: actor,
          attemptedAt: new Date().toISOString(),
          code: refusal.code,
        },
        decisionRef: decisionRef ?? null,
      };
      try {
        await this.temporal.workflow.start(RECORD_DECISION_ATTEMPT_WORKFLOW_TYPE, {
          taskQueue: TaskQueues.review,
          workflowId,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (startErr) {
        // The same call was recorded before its answer got lost: it is on record once, which is what counts.
        if (!(startErr instanceof WorkflowExecutionAlreadyStartedError)) throw startErr;
      }
      return {
        allowed: false,
        attemptId,
        code: refusal.code,
        message_zh: refusal.message_zh,
        message_en: refusal.message_en,
      };
    }
  }

  /** The review as its workflow knows it; another unit's review is "not found" for officers and unit heads. */
  async view(caseNo: string, caller: ReviewCaller): Promise<ReviewView> {
    const view = await this.call(caseNo, caller, (handle) => handle.query(reviewViewQuery));
    if (!mayReadReview(caller.actor, view)) throw reviewNotFound(caseNo);
    return view;
  }

  /**
   * The view once the workflow has applied the submission, a moment after the start, so a client can read the review
   * as soon as the submission answers; `null` if that takes longer than `withinMs` (the review still goes on).
   */
  async firstView(caseNo: string, caller: ReviewCaller, withinMs = 5_000): Promise<ReviewView | null> {
    const until = Date.now() + withinMs;
    for (;;) {
      try {
        return await this.view(caseNo, caller);
      } catch (err) {
        const settingUp = err instanceof AppError && err.code === 'REVIEW.NOT_READY';
        if (!settingUp || Date.now() >= until) return null;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A command to the case's latest round, as far as this process knows it; probed again only when refused. */
  private async command<T>(
    caseNo: string,
    caller: ReviewCaller,
    fn: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T> {
    const known = this.knownRounds.get(caseNo);
    if (known === undefined) return this.call(caseNo, caller, fn);
    try {
      return await this.callRound(caseNo, known, caller, fn);
    } catch (err) {
      const latest = await this.rounds.latest(caseNo);
      if (latest <= known) throw err;
      this.remember(caseNo, latest);
      return this.callRound(caseNo, latest, caller, fn);
    }
  }

  private async call<T>(caseNo: string, caller: ReviewCaller, fn: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
    // Commands, the view and the decision gate follow the case's latest review round (L5).
    const latest = await this.rounds.latest(caseNo);
    this.remember(caseNo, latest);
    return this.callRound(caseNo, Math.max(1, latest), caller, fn);
  }

  private async callRound<T>(
    caseNo: string,
    round: number,
    caller: ReviewCaller,
    fn: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T> {
    const handle = this.temporal.workflow.getHandle(reviewWorkflowId(caseNo, round));
    try {
      return await this.temporal.withDeadline(Date.now() + CALL_TIMEOUT_MS, () => fn(handle));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw await this.notFoundOrClosed(handle, caseNo, caller);
      throw toReviewHttpError(err, { caseNo, unitScoped: isUnitScoped(caller.actor) });
    }
  }

  /** Temporal says "not found" both for a review that never existed and for an update to one that has closed. */
  private async notFoundOrClosed(handle: WorkflowHandle, caseNo: string, caller: ReviewCaller): Promise<AppError> {
    let view: ReviewView;
    try {
      if ((await handle.describe()).status.name === 'RUNNING') return reviewNotFound(caseNo);
      view = await handle.query(reviewViewQuery);
    } catch {
      return reviewNotFound(caseNo);
    }
    if (!mayReadReview(caller.actor, view)) return reviewNotFound(caseNo);
    return new AppError('REVIEW.CLOSED', HttpStatus.CONFLICT, {
      zh: `案件 ${caseNo} 的法制审核已办结（${view.statusLabel.zh}），不能再办理`,
      en: `The legal review of case ${caseNo} has ended (${view.statusLabel.en}); nothing more can be done in it`,
    });
  }
}

function alreadySubmitted(caseNo: string): AppError {
  return new AppError('REVIEW.ALREADY_SUBMITTED', HttpStatus.CONFLICT, {
    zh: `案件 ${caseNo} 已报送法制审核，不能重复报送；被退回后请使用“重新报送”，不予受理或撤回后可重新报送新一轮`,
    en: `Case ${caseNo} has already been submitted for legal review; after a return, resubmit it; after it was not accepted or withdrawn, submit it again as a new round`,
  });
}
