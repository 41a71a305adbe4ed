import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface HashState {
  hash: Hash;
  /** Bytes of the staged file the hash has consumed. */
  offset: number;
}

/**
 * SHA-256 of each upload, computed while its bytes stream in, across the PATCH requests that resume it (SPEC R6, R7).
 * The running state lives in memory for speed; the staged file on disk is the durable truth. Whenever the state is
 * missing or disagrees with the staged bytes (a restart, a failed write), it is rebuilt by hashing the staged prefix
 * once, so a restart costs one read of what was already received and can never yield a wrong hash.
 */
export class EvidenceHasher {
  private readonly states = new Map<string, HashState>();

  /** The state for `id` positioned exactly at `offset` bytes of `stagedPath`. */
  async at(id: string, stagedPath: string, offset: number): Promise<HashState> {
    const known = this.states.get(id);
    if (known && known.offset === offset) return known;
    const state: HashState = { hash: createHash('sha256'), offset: 0 };
    if (offset > 0) {
      await pipeline(
        createReadStream(stagedPath, { start: 0, end: offset - 1, highWaterMark: 1 << 20 }),
        async (src) => {
          for await (const chunk of src) state.hash.update(chunk as Buffer);
        },
      );
      state.offset = offset;
    }
    this.states.set(id, state);
    return state;
  }

  /** A pass-through that feeds every chunk to the hash on its way to disk. */
  tap(state: HashState): Transform {
    return new Transform({
      transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
        state.hash.update(chunk);
        state.offset += chunk.length;
        done(null, chunk);
      },
    });
  }

  /** Forgets the state (after a failed write, or once digested): the next use rebuilds it from disk. */
  forget(id: string): void {
    this.states.delete(id);
  }

  /** The final hash of the complete staged file. */
  async digest(id: string, stagedPath: string, size: number): Promise<string> {
    const state = await this.at(id, stagedPath, size);
    this.states.delete(id);
    return state.hash.digest('hex');
  }
}
