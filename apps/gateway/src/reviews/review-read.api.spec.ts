import { createServer, type Server } from 'node:http';
import { ConfigService } from '@nestjs/config';
import { AppError } from '@enforcement/platform';
import { ReviewReadApi } from './review-read.api';

/**
 * What the gateway answers when review-svc's read API answers an error (issue 12, honest answers under faults): a
 * 503 (review-svc's PostgreSQL down) stays a 503 the client retries; a refusal is the caller's; other 5xx are 502.
 * A real HTTP server stands in for review-svc's answers.
 */
describe('the gateway’s reads from review-svc under faults (issue 12)', () => {
  let server: Server;
  let api: ReviewReadApi;
  let answer: { status: number; body: object };

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    api = new ReviewReadApi(new ConfigService({ REVIEW_SVC_URL: `http://127.0.0.1:${port}` }));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const refusal = () =>
    api.get('/catalogue', {}, { authorization: 'Bearer x' }).then(
      () => undefined,
      (err: unknown) => err as AppError,
    );

  it('C3: review-svc’s 503 (a dependency down) is answered 503 REVIEW.READ_UNAVAILABLE, not 502', async () => {
    answer = {
      status: 503,
      body: { statusCode: 503, code: 'SERVICE.UNAVAILABLE', message: { zh: '服务暂时不可用', en: 'unavailable' } },
    };
    const err = await refusal();
    expect(err).toBeInstanceOf(AppError);
    expect({ status: err?.status, code: err?.code }).toEqual({ status: 503, code: 'REVIEW.READ_UNAVAILABLE' });
  });

  it('C3: a refusal keeps its code and status; any other 5xx is 502 REVIEW.READ_FAILED', async () => {
    answer = { status: 404, body: { statusCode: 404, code: 'CASE.NOT_FOUND', message: { zh: '无', en: 'none' } } };
    expect((await refusal())?.code).toBe('CASE.NOT_FOUND');
    answer = { status: 500, body: { statusCode: 500, code: 'SERVICE.INTERNAL_ERROR', message: { zh: '错', en: 'x' } } };
    const err = await refusal();
    expect({ status: err?.status, code: err?.code }).toEqual({ status: 502, code: 'REVIEW.READ_FAILED' });
  });
});
