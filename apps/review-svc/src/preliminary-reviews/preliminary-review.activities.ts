import type { DataSource } from 'typeorm';
import type { PreliminaryReviewSignOff, SignPreliminaryReviewInput } from '@enforcement/domain';
import { withStoreRefusals } from '@enforcement/platform';
import { savePreliminaryReviewRow } from './preliminary-review.records';

/** The one side effect of `signPreliminaryReviewWorkflow`: the sign-off row, insert-once per call (SPEC L2). */
export function createPreliminaryReviewActivities({ dataSource }: { dataSource: DataSource }) {
  return withStoreRefusals({
    async savePreliminaryReview(input: SignPreliminaryReviewInput): Promise<PreliminaryReviewSignOff> {
      return savePreliminaryReviewRow(dataSource, input);
    },
  });
}

export type PreliminaryReviewActivities = ReturnType<typeof createPreliminaryReviewActivities>;
