import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { evidenceContentKey } from '@enforcement/domain';
import type { EvidenceStore } from './evidence.store';

export interface S3EvidenceStoreOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** 8 MiB parts, 4 in flight: at most 32 MiB of a multi-GiB file is in memory while it goes up. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;

/** The evidence store in an S3-compatible object store (path-style addressing, as MinIO/SeaweedFS/Ceph serve it). */
export class S3EvidenceStore implements EvidenceStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3EvidenceStoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: true,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Our own hash proves integrity (R7); the SDK's default CRC32 trailers are not understood by every S3 server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Creates the bucket when it is missing, so a fresh store works on first start. */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await this.client.send(new CreateBucketCommand({ Bucket: this.options.bucket }));
    }
  }

  locate(sha256: string): string {
    return `s3://${this.options.bucket}/${evidenceContentKey(sha256)}`;
  }

  /** Uploads the staged file, then removes it: the bucket holds the evidence, the staging disk only what is arriving. */
  async put(sha256: string, stagedPath: string): Promise<void> {
    const Key = evidenceContentKey(sha256);
    if (await this.has(Key)) return unlink(stagedPath);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.options.bucket,
        Key,
        Body: createReadStream(stagedPath, { highWaterMark: 1 << 20 }),
        Metadata: { sha256 },
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    await upload.done();
    await unlink(stagedPath);
  }

  async open(sha256: string): Promise<Readable | null> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: evidenceContentKey(sha256) }),
      );
      return res.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async has(Key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey')
  );
}
