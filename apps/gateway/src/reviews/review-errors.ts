import { HttpStatus } from '@nestjs/common';
import {
  QueryNotRegisteredError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ReviewErrorCategory, ReviewFailureDetails } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';

const STATUS_OF: Readonly<Record<ReviewErrorCategory, HttpStatus>> = {
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  invalid: HttpStatus.BAD_REQUEST,
};

/** A refusal of the review rules (from the workflow or from the pure rules run here) as our error body. */
export function reviewRuleAppError(
  failure: Omit<ReviewFailureDetails, 'code'> & { code: string },
  details?: Record<string, unknown>,
): AppError {
  return new AppError(
    failure.code,
    STATUS_OF[failure.category],
    { zh: failure.message_zh, en: failure.message_en },
    details,
  );
}

export function reviewNotFound(caseNo: string): AppError {
  return new AppError('REVIEW.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到案件 ${caseNo} 的法制审核`,
    en: `No legal review was found for case ${caseNo}`,
  });
}

function reviewUnavailable(): AppError {
  return new AppError('REVIEW.UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '法制审核服务暂时没有响应，请稍后查看审核情况后再试',
    en: 'The legal review service did not answer in time; check the review, then try again',
  });
}

/** The view is answered once the workflow has applied the submission, a moment after the start. */
function reviewNotReady(): AppError {
  return new AppError('REVIEW.NOT_READY', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '该审核正在建立，请稍后再查看',
    en: 'The review is being set up; look again in a moment',
  });
}

const GRPC_DEADLINE_EXCEEDED = 4;

function timedOut(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  return err instanceof ServiceError && (err.cause as { code?: number } | undefined)?.code === GRPC_DEADLINE_EXCEEDED;
}

function isFailureDetails(value: unknown): value is ReviewFailureDetails {
  const v = value as Partial<ReviewFailureDetails> | undefined;
  return (
    typeof v?.code === 'string' &&
    typeof v.message_zh === 'string' &&
    typeof v.message_en === 'string' &&
    (v.category === 'conflict' || v.category === 'forbidden' || v.category === 'invalid')
  );
}

export interface ReviewErrorContext {
  caseNo: string;
  /**
   * The caller sees only its own unit's reviews (officers, unit heads): a refusal that says "another unit's review"
   * becomes "no such review", so a unit cannot probe which case numbers other units have submitted.
   */
  unitScoped: boolean;
}

/**
 * The one translation of what the Temporal client throws for a review into our error body: a refused update (its
 * `ApplicationFailure` carries `ReviewFailureDetails`), an unknown workflow, a call that timed out. Anything else is
 * returned unchanged: a bug, which answers 500.
 */
export function toReviewHttpError(err: unknown, context: ReviewErrorContext): unknown {
  if (err instanceof WorkflowNotFoundError) return reviewNotFound(context.caseNo);
  if (timedOut(err)) return reviewUnavailable();
  // Temporal reports a query handler's refusal (the review before its submission is applied) this way.
  if (err instanceof QueryNotRegisteredError) return reviewNotReady();
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const details = err.cause.details?.[0];
    if (!isFailureDetails(details)) return err;
    if (context.unitScoped && details.code === 'REVIEW.NOT_HANDLING_UNIT') return reviewNotFound(context.caseNo);
    return reviewRuleAppError(details);
  }
  return err;
}
