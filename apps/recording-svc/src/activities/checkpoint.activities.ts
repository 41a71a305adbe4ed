import type { DataSource } from 'typeorm';
import type { CheckpointSigner } from '../integrity/checkpoint.signer';
import { signCheckpoint } from '../integrity/checkpoint.store';

/** The scheduled checkpoint (R7). Without a configured key it signs nothing and says so. */
export function createCheckpointActivities(deps: { dataSource: DataSource; signer: CheckpointSigner }) {
  return {
    async signIntegrityCheckpoint(): Promise<{ treeSize: number; signedAt: string } | null> {
      if (!deps.signer.canSign) return null;
      const c = await signCheckpoint(deps.dataSource, deps.signer);
      return { treeSize: c.treeSize, signedAt: c.signedAt };
    },
  };
}

export type CheckpointActivities = ReturnType<typeof createCheckpointActivities>;
