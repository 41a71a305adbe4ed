import { HttpStatus, type INestApplication } from '@nestjs/common';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, type ErrorBody } from '../errors/app-error';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

/** Largest request body any route takes (JSON only; files travel as references, never in a request). */
export const MAX_BODY = '1mb';

/** JSON answers need no scripts, styles or frames at all. */
const API_POLICY = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };
/** Swagger UI at /docs: its own files, plus the inline styles it writes into its page. */
const DOCS_POLICY = {
  defaultSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  frameAncestors: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};
const DOCS_PATH = /^\/docs(\/|-json|$)/;

const unsupportedType = () =>
  new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
    zh: '请求体的内容类型不受支持：Content-Type 须为 application/json',
    en: 'Unsupported request body type: Content-Type must be application/json',
  });

const tooDeep = () =>
  new AppError('REQUEST.TOO_DEEP', HttpStatus.BAD_REQUEST, {
    zh: `请求体嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
    en: `The request body nests too deeply (at most ${MAX_JSON_DEPTH} levels)`,
  });

/** Bodies a route may take: JSON, and the chunks of a resumable (tus) evidence upload, streamed and never parsed. */
const BODY_TYPES = ['application/json', 'application/*+json', 'application/offset+octet-stream'];

function carriesBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * The HTTP edge every service shares (issue 12): security headers (helmet), `no-store` on anything answered to a
 * token, 415 for a body that is not JSON, and our own JSON parser — bounded in size and in nesting — whose failures
 * become precise 400/413 answers of ours instead of generic ones or a 500.
 */
export function applyHttpEdge(app: INestApplication): void {
  const http = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  http.disable?.('x-powered-by');
  const apiHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: API_POLICY } });
  const docsHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DOCS_POLICY } });
  // The web application (gateway) sets its own, page-fit policy after this for its paths.
  app.use((req: Request, res: Response, next: NextFunction) =>
    DOCS_PATH.test(req.path) ? docsHeaders(req, res, next) : apiHeaders(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    // What a person's token reads may be personal data: no browser or proxy may keep a copy.
    if (req.headers.authorization) res.setHeader('Cache-Control', 'no-store');
    if (carriesBody(req) && !req.is(BODY_TYPES)) return next(unsupportedType());
    next();
  });
  app.use(
    json({
      limit: MAX_BODY,
      verify: (_req, _res, raw) => {
        if (jsonNestsDeeperThan(raw)) throw Object.assign(tooDeep(), { type: 'entity.too.deep' });
      },
    }),
  );
  app.use((err: { type?: string; message?: string }, _req: Request, _res: Response, next: NextFunction) => {
    if (err instanceof AppError) return next(err);
    if (err?.type === 'entity.verify.failed' || err?.type === 'entity.too.deep') return next(tooDeep());
    if (err?.type !== 'entity.parse.failed') return next(err);
    next(
      new AppError(
        'REQUEST.MALFORMED_JSON',
        HttpStatus.BAD_REQUEST,
        { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
        err.message,
      ),
    );
  });
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; body: Omit<ErrorBody, 'statusCode'> }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    body: {
      code: 'REQUEST.HEADERS_TOO_LARGE',
      message: { zh: '请求头过大，请减少 Cookie 或其他请求头', en: 'The request headers are too large' },
    },
  },
};
const MALFORMED = {
  status: 400,
  reason: 'Bad Request',
  body: { code: 'REQUEST.MALFORMED', message: { zh: '请求格式不正确', en: 'The request is malformed' } },
};

/**
 * Node answers requests it cannot parse (oversized headers, broken framing) itself, before any middleware, with an
 * empty body; this gives them our error body in both languages, like every other refusal.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const known = CLIENT_ERRORS[err.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ statusCode: known.status, ...known.body });
    socket.end(
      `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
