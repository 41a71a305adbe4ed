import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from './canonical-json';
import { CheckpointSigner, checkpointText } from './checkpoint.signer';

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('checkpoint signing', () => {
  it('R7: a checkpoint signed with the agency key verifies; any changed field or another key does not', () => {
    const signer = new CheckpointSigner(pem());
    const c = signer.sign(42, 'ab'.repeat(32), '2030-01-01T00:00:00.000Z');
    expect(signer.verify(c)).toBe(true);
    expect(signer.verify({ ...c, treeSize: 41 })).toBe(false);
    expect(signer.verify({ ...c, rootHash: 'cd'.repeat(32) })).toBe(false);
    expect(new CheckpointSigner(pem()).verify(c)).toBe(false);
    expect(checkpointText(c)).toBe(
      `enforcement-recording-integrity-log/v1\n42\n${'ab'.repeat(32)}\n2030-01-01T00:00:00.000Z\n`,
    );
  });

  it('R7: without a configured key nothing can be signed and nothing verifies', () => {
    const none = new CheckpointSigner(null);
    expect(none.canSign).toBe(false);
    expect(() => none.sign(1, 'ab'.repeat(32), '2030-01-01T00:00:00.000Z')).toThrow(/INTEGRITY_SIGNING_KEY/);
  });

  it('R7: outside production a key is generated once into the local directory and reused; production never generates one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'integrity-')), 'nested', 'key.pem');
    const env = (name: string) => (name === 'NODE_ENV' ? 'development' : undefined);
    const first = CheckpointSigner.fromEnvironment(env, file);
    const again = CheckpointSigner.fromEnvironment(env, file);
    expect(first.canSign).toBe(true);
    expect(again.keyId).toBe(first.keyId);
    const production = CheckpointSigner.fromEnvironment(
      (name) => (name === 'NODE_ENV' ? 'production' : undefined),
      file,
    );
    expect(production.canSign).toBe(false);
  });

  it('R7: a non-Ed25519 key is refused at start', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => new CheckpointSigner(ec.toString())).toThrow(/Ed25519/);
  });

  it('R7: log entries hash one canonical form, whatever order PostgreSQL returns keys in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: null, e: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":"x","f":null}]},"b":1}',
    );
  });
});
