import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceHasher } from './evidence.hasher';

/** Feeds `bytes` through the hasher's tap as one PATCH would, appending them to the staged file. */
async function patch(hasher: EvidenceHasher, id: string, path: string, offset: number, bytes: Buffer) {
  const state = await hasher.at(id, path, offset);
  const sink: Buffer[] = [];
  await pipeline(
    Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
    hasher.tap(state),
    new Writable({
      write(chunk: Buffer, _e, done) {
        sink.push(chunk);
        done();
      },
    }),
  );
  await appendFile(path, Buffer.concat(sink));
}

describe('EvidenceHasher (R6, R7)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-hasher-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('R6: the hash of an upload resumed over three PATCHes equals sha256 of the whole file', async () => {
    const file = randomBytes(300_000);
    const path = join(dir, 'u1');
    await writeFile(path, '');
    const hasher = new EvidenceHasher();
    await patch(hasher, 'u1', path, 0, file.subarray(0, 100_000));
    await patch(hasher, 'u1', path, 100_000, file.subarray(100_000, 250_000));
    await patch(hasher, 'u1', path, 250_000, file.subarray(250_000));
    expect(await hasher.digest('u1', path, file.length)).toBe(sha(file));
  });

  it('R7: after a restart (no state in memory) the hash is rebuilt from the staged bytes, never wrong', async () => {
    const file = randomBytes(200_000);
    const path = join(dir, 'u2');
    await writeFile(path, '');
    await patch(new EvidenceHasher(), 'u2', path, 0, file.subarray(0, 120_000));
    const afterRestart = new EvidenceHasher();
    await patch(afterRestart, 'u2', path, 120_000, file.subarray(120_000));
    expect(await afterRestart.digest('u2', path, file.length)).toBe(sha(file));
    expect(sha(await readFile(path))).toBe(sha(file));
  });

  it('R7: a state that disagrees with the disk (a failed write) is forgotten and rebuilt', async () => {
    const file = randomBytes(50_000);
    const path = join(dir, 'u3');
    await writeFile(path, file.subarray(0, 20_000));
    const hasher = new EvidenceHasher();
    const state = await hasher.at('u3', path, 20_000);
    state.hash.update(Buffer.from('bytes that never reached the disk'));
    state.offset += 33;
    await patch(hasher, 'u3', path, 20_000, file.subarray(20_000));
    expect(await hasher.digest('u3', path, file.length)).toBe(sha(file));
  });
});
