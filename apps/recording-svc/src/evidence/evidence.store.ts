import type { Readable } from 'node:stream';

/**
 * Where evidence bytes live (SPEC R6, R7): content-addressed under `sha256/ab/cd/<hash>`, so a file's name is its
 * hash and the same footage uploaded twice is stored once. Two adapters: a local directory (the default) and an
 * S3-compatible object store for agencies that outgrow one disk.
 */
export interface EvidenceStore {
  readonly kind: 'local' | 's3';
  /** Brings a fully staged, already hashed file in under its content key; content already there is kept as is. */
  put(sha256: string, stagedPath: string, size: number): Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under that hash. */
  open(sha256: string): Promise<Readable | null>;
  /** Where the content is, for people and reports (a path or an s3:// address). */
  locate(sha256: string): string;
}
