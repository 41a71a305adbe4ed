import { Context } from '@temporalio/activity';
import type { EvidenceStore } from '../evidence/evidence.store';
import { checkStoredFile, rowMissingProblem, type EvidenceProblem } from '../evidence/evidence.verifier';
import type { StoreCheckBatch, StoreCheckCursor, StoreCheckRepository } from './store-check.repository';

/** How much one batch takes on: whichever bound is met first (a file is never split). */
export interface StoreCheckBounds {
  filesPerBatch: number;
  bytesPerBatch: number;
}

/** 200 files or 2 GiB: a few minutes of hashing on one disk, so a restart repeats at most that much. */
export const DEFAULT_BOUNDS: StoreCheckBounds = { filesPerBatch: 200, bytesPerBatch: 2 * 1024 ** 3 };

/**
 * The whole-store check's steps (SPEC R7), run by recording-svc's worker: re-hash the next bounded batch of stored
 * files and record what it found; at the end, the log side (files vouched for whose row is gone) and the run's end.
 */
export function createStoreCheckActivities(deps: {
  repo: StoreCheckRepository;
  store: EvidenceStore;
  bounds?: StoreCheckBounds;
}) {
  const bounds = deps.bounds ?? DEFAULT_BOUNDS;
  return {
    async checkStoreBatch(input: {
      runId: string;
      batchNo: number;
      after: StoreCheckCursor | null;
    }): Promise<StoreCheckBatch> {
      const done = await deps.repo.findBatch(input.runId, input.batchNo);
      if (done) return done;
      const files = await deps.repo.filesAfter(input.runId, input.after, bounds.filesPerBatch);
      const problems: EvidenceProblem[] = [];
      let bytesChecked = 0;
      let filesChecked = 0;
      let after = input.after;
      for (const f of files) {
        problems.push(
          ...(await checkStoredFile(f.row, f.entry, deps.store, (n) => {
            bytesChecked += n;
            // A multi-GiB file takes minutes: the heartbeat tells Temporal the attempt is alive, so the activity's
            // timeout can stay short enough to notice a dead worker soon (the SDK throttles the calls).
            heartbeat({ batchNo: input.batchNo, filesChecked, bytesChecked });
          })),
        );
        filesChecked++;
        after = f.key;
        if (bytesChecked >= bounds.bytesPerBatch) break;
      }
      const batch: StoreCheckBatch = {
        batchNo: input.batchNo,
        filesChecked,
        bytesChecked,
        problemCount: problems.length,
        after,
        last: filesChecked === files.length && files.length < bounds.filesPerBatch,
      };
      await deps.repo.saveBatch(input.runId, batch, problems);
      return batch;
    },

    async finishStoreCheck(input: {
      runId: string;
      outcome: 'finished' | 'failed';
      reason: string | null;
    }): Promise<{ recorded: boolean; problemCount: number }> {
      const missing =
        input.outcome === 'finished' ? (await deps.repo.loggedFilesWithoutRow()).map(rowMissingProblem) : [];
      const recorded = await deps.repo.end(input.runId, input.outcome, missing, input.reason);
      return { recorded, problemCount: missing.length };
    },
  };
}

export type StoreCheckActivities = ReturnType<typeof createStoreCheckActivities>;

function heartbeat(details: unknown): void {
  Context.current().heartbeat(details);
}
