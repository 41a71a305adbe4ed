import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The blob store's directory: `BLOB_STORE_DIR` (ServiceEnvironment), else `<cwd>/.local/blobs`. */
export function blobStoreDir(): string {
  const configured = process.env.BLOB_STORE_DIR;
  return configured !== undefined && configured !== '' ? configured : join(process.cwd(), '.local', 'blobs');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed file store: a blob's name is the hex SHA-256 of its bytes, so writing the same bytes twice is a
 * no-op and a stored file can always be checked against its name. A blob is written to a temporary file in the same
 * directory, flushed, then renamed into place: a crash leaves at most a stray `.tmp-*` file, never a partial blob.
 */
export class BlobStore {
  constructor(readonly dir: string = blobStoreDir()) {}

  /** Stores the bytes; `written` is false when a blob with that hash was already there. */
  async put(bytes: Buffer): Promise<{ sha256: string; written: boolean }> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (await exists(target)) return { sha256, written: false };
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `.tmp-${sha256}-${randomUUID()}`);
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { sha256, written: true };
  }

  /** The stored bytes as they are on disk (not verified: callers that serve them re-hash), or `null`. */
  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  pathOf(sha256: string): string {
    // The name comes from our own records, but a path is built from it: refuse anything but a digest.
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return join(this.dir, sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
