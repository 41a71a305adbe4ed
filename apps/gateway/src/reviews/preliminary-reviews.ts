import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  preliminaryReviewWorkflowId,
  SIGN_PRELIMINARY_REVIEW_WORKFLOW_TYPE,
  TaskQueues,
  type PreliminaryReviewRecord,
  type PreliminaryReviewSignOff,
  type SignPreliminaryReviewInput,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT, uuidFromKey } from '@enforcement/platform';
import type { ReviewCaller } from './review-caller';
import { CaseOwnership } from './case-ownership';
import { ReviewReadApi } from './review-read.api';
import { ReviewStoreCheck } from './review-store.check';
import type { SignPreliminaryReviewDto } from './submit-review.dto';

export type { PreliminaryReviewSignOff } from '@enforcement/domain';

/** How long a unit head waits for review-svc to store a sign-off before being told to repeat the same call. */
const SIGN_TIMEOUT_MS = 20_000;

/**
 * 初审 (SPEC L2) at the edge: the head of the handling unit signs the preliminary review of the unit's own case.
 * review-svc owns the record (issue 8 §6): the sign-off is stored by `signPreliminaryReviewWorkflow` on its task
 * queue and read back from its read API. The signer is the authenticated caller — never a name in a request body —
 * so a submission can only carry a sign-off its unit head actually made.
 */
@Injectable()
export class PreliminaryReviews {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly cases: CaseOwnership,
    private readonly reads: ReviewReadApi,
    private readonly store: ReviewStoreCheck,
  ) {}

  async sign(caseNo: string, dto: SignPreliminaryReviewDto, caller: ReviewCaller): Promise<PreliminaryReviewSignOff> {
    const { actor } = caller;
    await this.cases.requireOwnCase(caseNo, actor.unitId);
    // Issue 12: with review-svc's store down, 503 now and no workflow started (its activity would retry for minutes).
    await this.store.ready(caller);
    // A retried sign-off (same request key: same signer, case and body) names the same workflow and the same row.
    const key = caller.requestKey ? uuidFromKey(caller.requestKey, 'preliminary-review') : randomUUID();
    const input: SignPreliminaryReviewInput = {
      caseNo,
      unitId: actor.unitId,
      outcome: dto.outcome,
      documentRef: dto.documentRef,
      opinion: dto.opinion ?? '',
      signedBy: actor.id,
      signerName: actor.name,
      correlationId: caller.requestKey ?? (caller.requestId || key),
    };
    const workflowId = preliminaryReviewWorkflowId(caseNo, key);
    let result: Promise<PreliminaryReviewSignOff>;
    try {
      const handle = await this.temporal.workflow.start(SIGN_PRELIMINARY_REVIEW_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.review,
        workflowId,
        args: [input],
      });
      result = handle.result() as Promise<PreliminaryReviewSignOff>;
    } catch (err) {
      // The same call is already being stored: its outcome is this call's outcome.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw signOffUnavailable();
      result = this.temporal.workflow.getHandle(workflowId).result() as Promise<PreliminaryReviewSignOff>;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(signOffUnavailable()), SIGN_TIMEOUT_MS);
    });
    try {
      return await Promise.race([result, timeout]);
    } catch (err) {
      throw err instanceof AppError ? err : signOffUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  /** The case's latest sign-off by the caller's own unit (from review-svc), or null when its unit head signed none. */
  async latest(caseNo: string, caller: ReviewCaller): Promise<PreliminaryReviewSignOff | null> {
    const body = (await this.reads.get(`/preliminary-reviews/${encodeURIComponent(caseNo)}/latest`, {}, caller)) as {
      latest: PreliminaryReviewSignOff | null;
    };
    return body.latest;
  }

  /** The sign-off as the review rules read it (the reducer checks role, unit and outcome). */
  static asRecord(signOff: PreliminaryReviewSignOff): PreliminaryReviewRecord {
    return {
      signedBy: { id: signOff.signedBy, role: 'unit-head', unitId: signOff.unitId },
      signedAt: signOff.signedAt,
      outcome: signOff.outcome,
      documentRef: signOff.documentRef,
    };
  }
}

function signOffUnavailable(): AppError {
  return new AppError('REVIEW.PRELIMINARY_REVIEW_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '初审意见暂未能保存，请稍后使用同一请求编号（x-request-id）重试',
    en: 'The preliminary review could not be stored yet; try again later with the same request id (x-request-id)',
  });
}
