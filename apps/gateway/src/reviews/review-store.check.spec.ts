import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigService } from '@nestjs/config';
import { AppError } from '@enforcement/platform';
import { ReviewStoreCheck } from './review-store.check';

/**
 * The gateway's question before a review command (issue 12), against an HTTP server standing in for review-svc's
 * `/health/store` in each way it can answer; the real review-svc with its PostgreSQL cut is in
 * test/faults-503.e2e-spec.ts.
 */
describe('ReviewStoreCheck (issue 12: a command answers 503 at once when review-svc’s store is down)', () => {
  let server: Server;
  let answer: (res: ServerResponse) => void;
  let paths: string[];
  let check: ReviewStoreCheck;

  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(`${req.url} ${String(req.headers['x-request-id'] ?? '-')}`);
      answer(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    check = new ReviewStoreCheck(new ConfigService({ REVIEW_SVC_URL: `http://127.0.0.1:${port}/` }));
  });

  beforeEach(() => {
    paths = [];
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function refusal(): Promise<AppError> {
    const err = await check.ready({ requestId: 'req-1' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
    return err;
  }

  it('C3: the store answering lets the command go on; the check asks /health/store with the caller’s request id', async () => {
    answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    await expect(check.ready({ requestId: 'req-1' })).resolves.toBeUndefined();
    expect(paths).toEqual(['/health/store req-1']);
  });

  it('C3: review-svc saying its store is down is 503 REVIEW.COMMANDS_UNAVAILABLE, in both languages, saying nothing was done', async () => {
    answer = (res) => res.writeHead(503, { 'content-type': 'application/json' }).end('{"statusCode":503}');
    const err = await refusal();
    expect(err.status).toBe(503);
    expect(err.code).toBe('REVIEW.COMMANDS_UNAVAILABLE');
    expect(err.messages.zh).toMatch(/未生效.*x-request-id/);
    expect(err.messages.en).toMatch(/nothing was done.*x-request-id/);
  });

  it('C3: review-svc not answering within the check’s bound is the same 503, in seconds — not the 20 s of a command', async () => {
    answer = () => undefined; // holds the request open, as a process stuck on its pool would
    const started = Date.now();
    expect((await refusal()).code).toBe('REVIEW.COMMANDS_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 15_000);

  it('C3: review-svc not reachable at all is the same 503', async () => {
    // A port that was free a moment ago and is closed again: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unused = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = new ReviewStoreCheck(new ConfigService({ REVIEW_SVC_URL: `http://127.0.0.1:${unused}` }));
    const err = await nowhere.ready({ requestId: '' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('REVIEW.COMMANDS_UNAVAILABLE');
  });
});
