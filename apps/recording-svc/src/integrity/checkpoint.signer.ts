import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A signed statement of the log head (SPEC R7): anyone with the public key can hold the agency to it. */
export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  /** Ed25519 signature of `checkpointText(...)`, base64. */
  signature: string;
}

/** The exact bytes signed: a fixed origin line, the size, the root and the time, newline-separated. */
export function checkpointText(c: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'signedAt'>): string {
  return `enforcement-recording-integrity-log/v1\n${c.treeSize}\n${c.rootHash}\n${c.signedAt}\n`;
}

/**
 * Signs checkpoints with the agency's Ed25519 key: `INTEGRITY_SIGNING_KEY` (PKCS#8 PEM) or
 * `INTEGRITY_SIGNING_KEY_FILE`. Without one the service still logs and verifies, but cannot sign.
 */
export class CheckpointSigner {
  private readonly privateKey: KeyObject | null;
  readonly publicKey: KeyObject | null;
  readonly keyId: string | null;

  constructor(pem: string | null) {
    if (!pem) {
      this.privateKey = null;
      this.publicKey = null;
      this.keyId = null;
      return;
    }
    this.privateKey = createPrivateKey(pem);
    if (this.privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error('INTEGRITY_SIGNING_KEY must be an Ed25519 key');
    this.publicKey = createPublicKey(this.privateKey);
    const raw = this.publicKey.export({ format: 'der', type: 'spki' });
    this.keyId = raw.subarray(raw.length - 8).toString('hex');
  }

  /**
   * The configured key; outside production, with none configured, a key generated once into `localKeyFile` (under the
   * git-ignored `.local`), the way the local stack provisions its JWT keys. Production never gets a generated key.
   */
  static fromEnvironment(get: (name: string) => string | undefined, localKeyFile: string): CheckpointSigner {
    const inline = get('INTEGRITY_SIGNING_KEY');
    const file = get('INTEGRITY_SIGNING_KEY_FILE');
    if (inline || file) return new CheckpointSigner(inline || readFileSync(file as string, 'utf8'));
    if (get('NODE_ENV') === 'production') return new CheckpointSigner(null);
    if (!existsSync(localKeyFile)) {
      mkdirSync(dirname(localKeyFile), { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(localKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        // Another instance wrote it first: use theirs.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    return new CheckpointSigner(readFileSync(localKeyFile, 'utf8'));
  }

  get canSign(): boolean {
    return this.privateKey !== null;
  }

  publicKeyPem(): string | null {
    return this.publicKey ? this.publicKey.export({ format: 'pem', type: 'spki' }).toString() : null;
  }

  sign(treeSize: number, rootHash: string, signedAt: string): Checkpoint {
    if (!this.privateKey || !this.keyId) throw new Error('no INTEGRITY_SIGNING_KEY configured');
    const signature = sign(null, Buffer.from(checkpointText({ treeSize, rootHash, signedAt })), this.privateKey);
    return { treeSize, rootHash, signedAt, keyId: this.keyId, signature: signature.toString('base64') };
  }

  verify(c: Checkpoint): boolean {
    if (!this.publicKey) return false;
    return verify(null, Buffer.from(checkpointText(c)), this.publicKey, Buffer.from(c.signature, 'base64'));
  }
}
