import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppError } from '@enforcement/platform';
import type { ReviewCaller } from './review-caller';

/**
 * Longest the gateway waits for review-svc to say whether its PostgreSQL answers (review-svc's own ping gives up
 * after 2 s): past it, a command would not be committed soon either.
 */
const STORE_CHECK_TIMEOUT_MS = 3_000;

/**
 * Issue 12, honest answers under faults: asked before a review command or a sign-off is sent into Temporal.
 *
 * Why a check before sending, and not a shorter retry budget inside the workflow: once the review workflow has
 * accepted an update, its commit is retried until the store is back (`untilDone`), and the update's outcome is fixed
 * under its update id — an update that failed for want of the store would answer its own retry (same
 * `x-request-id`, so the same update id) with that failure for ever. A command refused here never reached Temporal:
 * nothing is in any history, no state moved, and the retry is a first attempt that happens once. A store lost after
 * the check (during the command itself) keeps the durable path: the command completes when the store is
 * back, and the caller who got REVIEW.UNAVAILABLE after the gateway's 20 s learns its outcome by repeating the call.
 */
@Injectable()
export class ReviewStoreCheck {
  private readonly url: string;

  constructor(config: ConfigService) {
    // Validated at start-up (ServiceEnvironment), like the read API's.
    this.url = `${config.getOrThrow<string>('REVIEW_SVC_URL').replace(/\/+$/, '')}/health/store`;
  }

  /** Resolves when review-svc's PostgreSQL answers; otherwise 503 REVIEW.COMMANDS_UNAVAILABLE, nothing done. */
  async ready(caller: Pick<ReviewCaller, 'requestId'>): Promise<void> {
    let ok: boolean;
    try {
      const res = await fetch(this.url, {
        // The caller's id, so review-svc's log line of a failed ping names the command it held back.
        headers: caller.requestId ? { 'x-request-id': caller.requestId } : {},
        signal: AbortSignal.timeout(STORE_CHECK_TIMEOUT_MS),
      });
      ok = res.ok;
      await res.body?.cancel();
    } catch {
      ok = false;
    }
    if (!ok) throw commandsUnavailable();
  }
}

/** Which dependency is down is the operators' business (review-svc's log), not the public's. */
function commandsUnavailable(): AppError {
  return new AppError('REVIEW.COMMANDS_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '法制审核服务暂时无法办理，本次操作未生效；请稍后使用同一请求编号（x-request-id）重试',
    en: 'The legal review service cannot take this now and nothing was done; try again later with the same request id (x-request-id)',
  });
}
