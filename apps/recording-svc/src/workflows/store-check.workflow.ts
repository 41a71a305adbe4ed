import { ActivityFailure, continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { StoreCheckActivities } from '../store-check/store-check.activities';
import type { StoreCheckCursor } from '../store-check/store-check.repository';

/** The steps' options; their task queue is the one of the store the run checks. */
function steps(taskQueue: string | undefined) {
  const { checkStoreBatch } = proxyActivities<StoreCheckActivities>({
    taskQueue,
    // A batch is bounded (files and bytes) but a slow disk or bucket makes it minutes; the heartbeat, not this, is
    // what notices a worker that died mid-batch.
    startToCloseTimeout: '2 hours',
    heartbeatTimeout: '1 minute',
    // A transient failure (the store or database briefly away) is retried from the batch's start; one that persists
    // for about an hour ends the run as failed instead of leaving it running for ever.
    retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2, maximumAttempts: 15 },
  });
  const { finishStoreCheck } = proxyActivities<StoreCheckActivities>({
    taskQueue,
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
  });
  return { checkStoreBatch, finishStoreCheck };
}

export interface StoreCheckInput {
  runId: string;
  /** Where the batches run (see store-check.queue.ts); the workflow's own queue when absent. */
  activityQueue?: string;
  /** Where a continued run resumes (continue-as-new); absent at the start. */
  batchNo?: number;
  after?: StoreCheckCursor | null;
}

export interface StoreCheckResult {
  runId: string;
  outcome: 'finished' | 'failed';
  batches: number;
}

/** Batches per workflow run before the history starts afresh (each batch adds a handful of events). */
const BATCHES_PER_RUN = 500;

/** One whole-store check's workflow id: the run's id, so a run is found from its record and never started twice. */
export const storeCheckWorkflowId = (runId: string) => `store-check-${runId}`;

/**
 * 全库完整性校验 in the background (SPEC R7, issue 9): the stored files are re-hashed batch after batch, each batch an
 * activity whose findings are recorded when it finishes. A restart of the worker, or a failed batch, resumes at the
 * batch that did not finish — the finished ones are in the history and in the run's table, never hashed again.
 */
export async function storeCheckWorkflow(input: StoreCheckInput): Promise<StoreCheckResult> {
  const { checkStoreBatch, finishStoreCheck } = steps(input.activityQueue);
  let batchNo = input.batchNo ?? 0;
  let after = input.after ?? null;
  try {
    for (let inThisRun = 0; ; inThisRun++) {
      if (inThisRun === BATCHES_PER_RUN) {
        return await continueAsNew<typeof storeCheckWorkflow>({ ...input, batchNo, after });
      }
      const batch = await checkStoreBatch({ runId: input.runId, batchNo, after });
      batchNo++;
      after = batch.after;
      if (batch.last) break;
    }
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const reason = err.cause?.message ?? err.message;
    await finishStoreCheck({ runId: input.runId, outcome: 'failed', reason: `batch ${batchNo}: ${reason}` });
    return { runId: input.runId, outcome: 'failed', batches: batchNo };
  }
  await finishStoreCheck({ runId: input.runId, outcome: 'finished', reason: null });
  return { runId: input.runId, outcome: 'finished', batches: batchNo };
}
