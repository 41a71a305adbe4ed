import { join } from 'node:path';
import type { ConfigService } from '@nestjs/config';
import type { DataSource } from 'typeorm';
import { CheckpointSigner, type Checkpoint } from './checkpoint.signer';
import { lockIntegrityLog, LogTree } from './integrity-log';

/** The service's signer from its configuration (a local key under `.local` outside production). */
export function checkpointSignerFrom(config: ConfigService): CheckpointSigner {
  return CheckpointSigner.fromEnvironment(
    (name) => config.get<string>(name),
    join(process.cwd(), '.local', 'integrity', 'checkpoint-signing-key.pem'),
  );
}

/** Signs the log head as it stands and stores the checkpoint (append-only); appends wait while the head is read. */
export async function signCheckpoint(dataSource: DataSource, signer: CheckpointSigner): Promise<Checkpoint> {
  return dataSource.transaction(async (manager) => {
    await lockIntegrityLog(manager, 'read-head');
    const tree = await LogTree.load(manager);
    const c = signer.sign(tree.size, tree.root(), new Date().toISOString());
    await manager.query(
      `insert into integrity_checkpoints (tree_size, root_hash, signed_at, key_id, signature) values ($1, $2, $3, $4, $5)`,
      [c.treeSize, c.rootHash, c.signedAt, c.keyId, c.signature],
    );
    return c;
  });
}
