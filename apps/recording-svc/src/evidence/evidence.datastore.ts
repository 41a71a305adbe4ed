import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { DataStore, Upload } from '@tus/utils';
import type { DataSource } from 'typeorm';
import type { EvidenceHasher } from './evidence.hasher';
import { uploadNotFound } from './tus-refusal';

/**
 * The tus data store of the evidence uploads (SPEC R6): each upload is staged in one local file, appended to by the
 * PATCH requests that resume it, hashed on the way in. Its offset is the staged file's size, made durable by a flush
 * at the end of every request, so a resumed upload continues exactly where the disk says it stopped. The upload's
 * row (`evidence_uploads`) is written by the creation hook, which knows the caller.
 */
export class EvidenceDataStore extends DataStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: EvidenceHasher,
    readonly stagingDir: string,
  ) {
    super();
    this.extensions = ['creation'];
  }

  stagedPath(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw uploadNotFound();
    return join(this.stagingDir, id);
  }

  override async create(upload: Upload): Promise<Upload> {
    await mkdir(this.stagingDir, { recursive: true });
    await writeFile(this.stagedPath(upload.id), '', { flag: 'wx' });
    return upload;
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const path = this.stagedPath(id);
    const state = await this.hasher.at(id, path, offset);
    try {
      await pipeline(
        stream,
        this.hasher.tap(state),
        // 1 MiB of room: chunks arriving while the disk takes a write go out together in one writev (issue 9: 12%
        // less CPU per GiB than the 16 KiB default, measured alternating both behind one HTTP server).
        createWriteStream(path, { flags: 'r+', start: offset, flush: true, highWaterMark: 1 << 20 }),
      );
    } catch (err) {
      this.hasher.forget(id);
      throw err;
    }
    const size = (await stat(path)).size;
    if (size !== state.offset) this.hasher.forget(id);
    return size;
  }

  override async getUpload(id: string): Promise<Upload> {
    const [row] = await this.dataSource.query<
      { id: string; size: string; metadata: Record<string, string>; created_at: Date; completed_at: Date | null }[]
    >(`select id, size, metadata, created_at, completed_at from evidence_uploads where id = $1`, [id]);
    if (!row) throw uploadNotFound();
    const size = Number(row.size);
    const offset = row.completed_at ? size : await stagedSize(this.stagedPath(id));
    return new Upload({
      id,
      size,
      offset,
      metadata: row.metadata,
      creation_date: row.created_at.toISOString(),
    });
  }
}

async function stagedSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    throw uploadNotFound();
  }
}
