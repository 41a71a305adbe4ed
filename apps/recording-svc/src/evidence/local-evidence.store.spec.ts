import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEvidenceStore } from './local-evidence.store';

describe('LocalEvidenceStore (R6, R7)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('R6: a staged file moves in under sha256/ab/cd/<hash>, read-only, and reads back byte for byte', async () => {
    const bytes = randomBytes(10_000);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const staged = join(dir, 'staged');
    await writeFile(staged, bytes);
    const store = new LocalEvidenceStore(join(dir, 'store'));
    await store.put(sha, staged);
    const path = join(dir, 'store', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(store.locate(sha)).toBe(path);
    expect(await readFile(path)).toEqual(bytes);
    expect((await stat(path)).mode & 0o222).toBe(0);
    await expect(stat(staged)).rejects.toThrow();
    const chunks: Buffer[] = [];
    for await (const c of (await store.open(sha))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
  });

  it('R6: the same content uploaded twice is stored once; the second staging file is removed', async () => {
    const bytes = Buffer.from('same footage');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const store = new LocalEvidenceStore(join(dir, 'store'));
    for (const name of ['a', 'b']) {
      await writeFile(join(dir, name), bytes);
      await store.put(sha, join(dir, name));
    }
    await expect(stat(join(dir, 'b'))).rejects.toThrow();
    expect(await readFile(store.locate(sha))).toEqual(bytes);
  });

  it('R7: content that is not there opens as null', async () => {
    expect(await new LocalEvidenceStore(dir).open('0'.repeat(64))).toBeNull();
  });
});
