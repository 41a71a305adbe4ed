import { request as httpRequest } from 'node:http';
import request from 'supertest';

/*
 * A small tus client for the evidence e2e tests (SPEC R6): the file's bytes are generated chunk by chunk (a random
 * block stamped with its chunk index), so a multi-GiB upload never sits in the test's memory.
 */
export const CHUNK = 4 * 1024 * 1024;

/** The file's bytes from `from` up to `to`, chunk by chunk. */
export function* footage(block: Buffer, from: number, to: number): Generator<Buffer> {
  for (let i = Math.floor(from / CHUNK); i * CHUNK < to; i++) {
    const chunk = Buffer.from(block.subarray(0, Math.min(CHUNK, to - i * CHUNK)));
    chunk.writeUInt32BE(i, 0);
    yield i * CHUNK < from ? chunk.subarray(from - i * CHUNK) : chunk;
  }
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
export const tusMetadata = (m: Record<string, unknown>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${b64(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join(',');

export type PatchResult = { status: number; headers: Record<string, string | string[] | undefined> } | 'cut';

/** A PATCH streamed from `body` to `base`; `cutAt` drops the connection after that many bytes (an interruption). */
export function patch(
  base: string,
  url: string,
  auth: string,
  offset: number,
  body: Iterable<Buffer>,
  cutAt?: number,
): Promise<PatchResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(url, base),
      {
        method: 'PATCH',
        headers: {
          authorization: auth,
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', (err) => (cutAt !== undefined ? resolve('cut') : reject(err)));
    const it = body[Symbol.iterator]();
    let sent = 0;
    const pump = () => {
      for (;;) {
        if (cutAt !== undefined && sent >= cutAt) {
          req.destroy();
          resolve('cut');
          return;
        }
        const next = it.next();
        if (next.done) {
          req.end();
          return;
        }
        sent += next.value.length;
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** tus HEAD: where the server says an upload stands. */
export function head(base: string, url: string, auth: string) {
  return request(base).head(url).set('authorization', auth).set('tus-resumable', '1.0.0');
}
