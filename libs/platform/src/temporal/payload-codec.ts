import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';

/** `encoding` of a payload this codec encrypted; anything else passes through as it was (histories from before). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class PayloadKeyError extends Error {}

/** One key of the codec: an id written beside every payload it encrypted, and its 32 bytes. */
export interface PayloadKey {
  readonly id: string;
  readonly key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** `TEMPORAL_PAYLOAD_KEYS`: `id:base64key[,id:base64key…]`, the first encrypts, all decrypt (rotation). */
export const PAYLOAD_KEYS_FORMAT =
  /^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=)*$/;

/** Parses `TEMPORAL_PAYLOAD_KEYS`; a malformed list, a short key or a repeated id is refused, never half-used. */
export function parsePayloadKeys(value: string): PayloadKey[] {
  const keys = value.split(',').map((entry) => {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (at < 1 || !KEY_ID.test(id) || key.length !== 32) {
      throw new PayloadKeyError('TEMPORAL_PAYLOAD_KEYS must be id:base64(32 bytes)[,id:base64(32 bytes)…]');
    }
    return { id, key };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new PayloadKeyError('a payload key id is repeated');
  return keys;
}

interface Plain {
  m: Record<string, string>;
  d: string;
}

function serialize(payload: Payload): Buffer {
  const m: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload.metadata ?? {})) if (v) m[k] = Buffer.from(v).toString('base64');
  return Buffer.from(JSON.stringify({ m, d: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') }));
}

function deserialize(bytes: Buffer): Payload {
  const plain = JSON.parse(bytes.toString('utf8')) as Plain;
  const metadata: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(plain.m)) metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  return { metadata, data: new Uint8Array(Buffer.from(plain.d, 'base64')) };
}

/**
 * Encrypts every Temporal payload (workflow inputs, results, activity arguments, update and signal arguments,
 * failures' details) with AES-256-GCM before it leaves the process, so the server's history and the Web UI hold no
 * personal data in clear (issue 12). Each payload carries the id of the key that sealed it; the id is also bound as
 * additional authenticated data, so a payload cannot be passed off under another key. A payload that was never
 * encrypted (histories recorded before the codec) is decoded as it is, so they still replay.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;
  private readonly active: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new PayloadKeyError('the payload codec needs at least one key');
    this.active = keys[0];
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  // async so that a refused payload rejects the call instead of throwing out of it
  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.seal(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.open(p));
  }

  private seal(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
    cipher.setAAD(Buffer.from(this.active.id));
    const sealed = Buffer.concat([cipher.update(serialize(payload)), cipher.final()]);
    return {
      metadata: {
        encoding: new Uint8Array(Buffer.from(ENCRYPTED_ENCODING)),
        [KEY_ID_METADATA]: new Uint8Array(Buffer.from(this.active.id)),
        [CIPHER_METADATA]: new Uint8Array(Buffer.from(CIPHER)),
      },
      data: new Uint8Array(Buffer.concat([iv, sealed, cipher.getAuthTag()])),
    };
  }

  private open(payload: Payload): Payload {
    const meta = payload.metadata ?? {};
    if (!meta.encoding || Buffer.from(meta.encoding).toString() !== ENCRYPTED_ENCODING) return payload;
    const id = meta[KEY_ID_METADATA] ? Buffer.from(meta[KEY_ID_METADATA]).toString() : '';
    const key = this.byId.get(id);
    if (!key) throw new PayloadKeyError(`no payload key "${id}" is configured: add it to TEMPORAL_PAYLOAD_KEYS`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadKeyError('an encrypted payload is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    try {
      const body = data.subarray(IV_BYTES, data.length - TAG_BYTES);
      return deserialize(Buffer.concat([decipher.update(body), decipher.final()]));
    } catch {
      // GCM's tag check: the wrong key, or bytes changed since they were sealed.
      throw new PayloadKeyError(`a payload sealed with key "${id}" failed authentication (wrong key or tampered)`);
    }
  }
}

/**
 * The data converter every client and worker of ours uses: the codec when keys are configured, else none. With the
 * codec comes the failure converter that moves failures' messages and stack traces into a payload, so the codec seals
 * them too (failure-converter.ts; a path, because the worker bundles it into the workflow code).
 */
export function payloadDataConverter(
  keys: string | undefined,
): { payloadCodecs: PayloadCodec[]; failureConverterPath: string } | undefined {
  return keys
    ? {
        payloadCodecs: [new AesGcmPayloadCodec(parsePayloadKeys(keys))],
        failureConverterPath: require.resolve('./failure-converter'),
      }
    : undefined;
}
