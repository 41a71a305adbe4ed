import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { originHeaders } from '@enforcement/platform';

/** Request headers a tus exchange needs upstream; nothing else of the caller's crosses. */
const FORWARDED = [
  'authorization',
  'content-type',
  'content-length',
  'upload-length',
  'upload-offset',
  'upload-metadata',
  'tus-resumable',
  'x-request-id',
];

/** The gateway's public path of the uploads, and recording-svc's. */
export const PUBLIC_UPLOADS_PATH = '/api/v1/evidence/uploads';
const UPSTREAM_UPLOADS_PATH = '/evidence/uploads';

/**
 * Streams a tus request to recording-svc and its answer back (SPEC R6). Bytes flow through with backpressure and
 * are never buffered whole, so a multi-GiB upload costs the gateway a few socket buffers; a caller who drops the
 * connection drops the upstream one, and recording-svc keeps what arrived for the upload to resume.
 */
@Injectable()
export class EvidenceUploadProxy {
  private readonly base = new URL(process.env.RECORDING_SVC_URL ?? 'http://127.0.0.1:3002');
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  forward(req: IncomingMessage, res: ServerResponse, suffix: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const v = req.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    // One request id follows the upload into recording-svc's logs.
    const id = (req as IncomingMessage & { id?: unknown }).id;
    if (typeof id === 'string') headers['x-request-id'] = id;
    // Who and from where, for recording-svc's audit rows of the upload (C3).
    Object.assign(headers, originHeaders());
    return new Promise((resolve) => {
      const upstream = request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          method: req.method,
          path: `${UPSTREAM_UPLOADS_PATH}${suffix}`,
          headers,
          agent: this.agent,
        },
        (answer) => {
          const out = { ...answer.headers };
          if (typeof out.location === 'string')
            out.location = out.location.replace(UPSTREAM_UPLOADS_PATH, PUBLIC_UPLOADS_PATH);
          res.writeHead(answer.statusCode ?? 502, out);
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', () => {
            res.destroy();
            resolve();
          });
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) {
          res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
          res.end(
            JSON.stringify({
              statusCode: 503,
              code: 'RECORDING.UNAVAILABLE',
              message: {
                zh: '执法记录服务暂时无法访问，已收到的部分会保留，请稍后续传',
                en: 'The recording service is unavailable; what arrived is kept, resume shortly',
              },
            }),
          );
        } else res.destroy();
        resolve();
      });
      // The caller went away mid-body: end the upstream request too, so recording-svc stores what it has.
      req.on('close', () => {
        if (!req.complete) upstream.destroy();
      });
      req.pipe(upstream);
    });
  }
}
