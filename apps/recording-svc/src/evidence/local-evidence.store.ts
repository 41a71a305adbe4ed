import { createReadStream } from 'node:fs';
import { chmod, copyFile, link, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { evidenceContentKey } from '@enforcement/domain';
import type { EvidenceStore } from './evidence.store';

/** The evidence store in a local directory (the default). */
export class LocalEvidenceStore implements EvidenceStore {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, evidenceContentKey(sha256));
  }

  locate(sha256: string): string {
    return this.pathOf(sha256);
  }

  async put(sha256: string, stagedPath: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true });
    if (await exists(target)) {
      await unlink(stagedPath);
      return;
    }
    // A rename on the same disk moves gigabytes in O(1); across disks fall back to copy. The stored file is
    // read-only, a reminder that nothing edits evidence (R7); verify catches anyone who does anyway.
    try {
      await link(stagedPath, target);
      await unlink(stagedPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return unlink(stagedPath);
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await copyFile(stagedPath, `${target}.partial`);
      await syncFile(`${target}.partial`);
      await rename(`${target}.partial`, target);
      await unlink(stagedPath);
    }
    await chmod(target, 0o444);
    // The bytes were flushed when staged; the new name must survive a crash too before the upload is answered.
    await syncDirectory(dirname(target));
  }

  async open(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) return null;
    return createReadStream(path, { highWaterMark: 1 << 20 });
  }
}

const syncDirectory = syncFile;

/** fsync of a file or a directory (a directory's entries are what a new name adds). */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
