import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  parsePayloadKeys,
  PAYLOAD_KEYS_FORMAT,
  PayloadKeyError,
} from './payload-codec';

const keyOf = (id: string) => ({ id, key: randomBytes(32) });
const party = { partyName: '某养老服务有限公司', idNumber: '430400199001011234' };
const text = (p: Payload) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8');
const encoding = (p: Payload) => Buffer.from(p.metadata?.encoding ?? new Uint8Array()).toString();

describe('the Temporal payload codec (issue 12)', () => {
  it('R8, C1: a payload round-trips, and what is stored holds neither the party’s name nor its ID number in clear', async () => {
    const codec = new AesGcmPayloadCodec([keyOf('k1')]);
    const plain = defaultPayloadConverter.toPayload(party);
    const [sealed] = await codec.encode([plain]);
    expect(encoding(sealed)).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(sealed.metadata![KEY_ID_METADATA]).toString()).toBe('k1');
    expect(Buffer.from(sealed.data!).includes(Buffer.from('某养老'))).toBe(false);
    expect(text(sealed)).not.toContain('430400199001011234');
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(party);
    // A fresh IV per payload: the same value never seals to the same bytes.
    const [again] = await codec.encode([plain]);
    expect(Buffer.from(again.data!).equals(Buffer.from(sealed.data!))).toBe(false);
  });

  it('R8, C1: a payload sealed under another key is refused, and so is one whose key id is unknown', async () => {
    const [sealed] = await new AesGcmPayloadCodec([keyOf('k1')]).encode([defaultPayloadConverter.toPayload(party)]);
    await expect(new AesGcmPayloadCodec([keyOf('k1')]).decode([sealed])).rejects.toThrow(/failed authentication/);
    await expect(new AesGcmPayloadCodec([keyOf('k2')]).decode([sealed])).rejects.toThrow(/no payload key "k1"/);
  });

  it('R8, C1: tampering is detected — a flipped byte, or the key id swapped for another configured key', async () => {
    const k1 = keyOf('k1');
    const k2 = keyOf('k2');
    const codec = new AesGcmPayloadCodec([k1, k2]);
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(party)]);
    const flipped = Buffer.from(sealed.data!);
    flipped[20] ^= 0x01;
    await expect(codec.decode([{ ...sealed, data: new Uint8Array(flipped) }])).rejects.toThrow(PayloadKeyError);
    const relabelled = {
      ...sealed,
      metadata: { ...sealed.metadata, [KEY_ID_METADATA]: new Uint8Array(Buffer.from('k2')) },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow(/failed authentication/);
    await expect(codec.decode([{ ...sealed, data: new Uint8Array(4) }])).rejects.toThrow(/truncated/);
  });

  it('R8, C1: a payload never encoded (a history from before the codec) passes through unchanged', async () => {
    const plain = defaultPayloadConverter.toPayload(party);
    const [decoded] = await new AesGcmPayloadCodec([keyOf('k1')]).decode([plain]);
    expect(decoded).toBe(plain);
  });

  it('R8, C1: keys rotate — a new first key seals, the old one still opens what it sealed', async () => {
    const old = keyOf('2025');
    const [before] = await new AesGcmPayloadCodec([old]).encode([defaultPayloadConverter.toPayload(party)]);
    const rotated = new AesGcmPayloadCodec([keyOf('2026'), old]);
    const [after] = await rotated.encode([defaultPayloadConverter.toPayload(party)]);
    expect(Buffer.from(after.metadata![KEY_ID_METADATA]).toString()).toBe('2026');
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([before]))[0])).toEqual(party);
  });

  it('R8, C1: the key list from configuration is parsed strictly', () => {
    const b64 = randomBytes(32).toString('base64');
    expect(parsePayloadKeys(`a:${b64},b.2:${b64}`).map((k) => k.id)).toEqual(['a', 'b.2']);
    expect(PAYLOAD_KEYS_FORMAT.test(`a:${b64},b.2:${b64}`)).toBe(true);
    expect(() => parsePayloadKeys(`a:${randomBytes(16).toString('base64')}`)).toThrow(PayloadKeyError);
    expect(() => parsePayloadKeys(`a:${b64},a:${b64}`)).toThrow(/repeated/);
    expect(() => parsePayloadKeys(`:${b64}`)).toThrow(PayloadKeyError);
    expect(PAYLOAD_KEYS_FORMAT.test('a:short')).toBe(false);
  });
});
