import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEvidenceStore } from './local-evidence.store';
import { S3EvidenceStore } from './s3-evidence.store';
import type { EvidenceStore } from './evidence.store';

/** The evidence store's settings, read from the environment and checked at start (a wrong one stops the service). */
export interface EvidenceConfig {
  store: EvidenceStore;
  /** Where uploads are staged while they arrive: a local disk, whatever the store. */
  stagingDir: string;
  /** Largest file accepted, in bytes (`EVIDENCE_MAX_BYTES`, default 64 GiB). */
  maxBytes: number;
}

/**
 * `EVIDENCE_STORE=local` (default): `EVIDENCE_DIR` (default `<cwd>/.local/evidence`).
 * `EVIDENCE_STORE=s3`: `EVIDENCE_S3_ENDPOINT`, `EVIDENCE_S3_BUCKET`, `EVIDENCE_S3_REGION` (default us-east-1),
 * `EVIDENCE_S3_ACCESS_KEY_ID`, and `EVIDENCE_S3_SECRET_ACCESS_KEY` or `EVIDENCE_S3_SECRET_ACCESS_KEY_FILE` (a mounted
 * secret). Staging: `EVIDENCE_STAGING_DIR` (default `<EVIDENCE_DIR>/staging`).
 */
export function evidenceConfigFrom(env: Record<string, string | undefined>): EvidenceConfig {
  const dir = env.EVIDENCE_DIR || join(process.cwd(), '.local', 'evidence');
  const stagingDir = env.EVIDENCE_STAGING_DIR || join(dir, 'staging');
  const maxBytes = Number(env.EVIDENCE_MAX_BYTES || 64 * 1024 ** 3);
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new Error('invalid configuration: EVIDENCE_MAX_BYTES must be a positive whole number of bytes');
  }
  const kind = env.EVIDENCE_STORE || 'local';
  if (kind === 'local') return { store: new LocalEvidenceStore(dir), stagingDir, maxBytes };
  if (kind !== 's3') throw new Error(`invalid configuration: EVIDENCE_STORE must be local or s3, not ${kind}`);
  const secret =
    env.EVIDENCE_S3_SECRET_ACCESS_KEY ||
    (env.EVIDENCE_S3_SECRET_ACCESS_KEY_FILE ? readFileSync(env.EVIDENCE_S3_SECRET_ACCESS_KEY_FILE, 'utf8').trim() : '');
  const missing = ['EVIDENCE_S3_ENDPOINT', 'EVIDENCE_S3_BUCKET', 'EVIDENCE_S3_ACCESS_KEY_ID'].filter((k) => !env[k]);
  if (!secret) missing.push('EVIDENCE_S3_SECRET_ACCESS_KEY');
  if (missing.length > 0) throw new Error(`invalid configuration: EVIDENCE_STORE=s3 needs ${missing.join(', ')}`);
  return {
    store: new S3EvidenceStore({
      endpoint: env.EVIDENCE_S3_ENDPOINT!,
      bucket: env.EVIDENCE_S3_BUCKET!,
      region: env.EVIDENCE_S3_REGION || 'us-east-1',
      accessKeyId: env.EVIDENCE_S3_ACCESS_KEY_ID!,
      secretAccessKey: secret,
    }),
    stagingDir,
    maxBytes,
  };
}
