import { TaskQueues } from '@enforcement/domain';
import type { EvidenceStore } from '../evidence/evidence.store';

/**
 * The task queue of the whole-store check's batches: per store kind, so a batch is hashed by an instance configured
 * with the store the check was started against — never by one whose store is another (the test stack runs a local-
 * disk and an S3 recording-svc side by side on one database).
 */
export const storeCheckQueue = (kind: EvidenceStore['kind']) => `${TaskQueues.recording}-evidence-${kind}`;
