import { HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ServiceError } from '@temporalio/client';
import { ErrorFilter } from './error.filter';
import { RETRY_AFTER_SECONDS, unavailableDependency } from './unavailable';

/** The error objects the real drivers raise when their server is down (shapes copied from pg, typeorm, grpc-js). */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const grpcUnavailable = () =>
  Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
    code: 14,
    details: 'No connection established',
  });

/** Temporal's answer to a query or update whose task queue no worker polls (measured on the private stack, issue 12). */
const noPoller = () =>
  Object.assign(new Error('9 FAILED_PRECONDITION: no poller seen for task queue recently, worker may be down'), {
    code: 9,
    details: 'no poller seen for task queue recently, worker may be down',
    metadata: {},
  });

function answer(error: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let status = 0;
  let body: Record<string, unknown> = {};
  const res = {
    getHeader: (k: string) => headers[k.toLowerCase()],
    setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v),
    status: (s: number) => ((status = s), res),
    json: (b: Record<string, unknown>) => (body = b),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1', method: 'GET', url: '/x' }), getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new ErrorFilter().catch(error, host);
  return { status, body, headers };
}

describe('honest answers under faults: a dependency down is 503 with Retry-After, not 500 (issue 12)', () => {
  it('issue 12 faults: PostgreSQL refusing connections, shutting down or dropping one mid-query is "database"', () => {
    expect(unavailableDependency(refused())).toBe('network');
    expect(
      unavailableDependency(new QueryFailedError('select 1', [], pgError('57P01', 'terminating connection'))),
    ).toBe('database');
    expect(unavailableDependency(pgError('57P03', 'the database system is starting up'))).toBe('database');
    expect(unavailableDependency(pgError('08006', 'connection failure'))).toBe('database');
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(unavailableDependency(new Error('timeout exceeded when trying to connect'))).toBe('database');
  });

  it('issue 12 faults: Temporal unreachable (gRPC UNAVAILABLE / DEADLINE_EXCEEDED in a ServiceError) is "temporal"', () => {
    expect(unavailableDependency(new ServiceError('Failed to start Workflow', { cause: grpcUnavailable() }))).toBe(
      'temporal',
    );
    expect(unavailableDependency(grpcUnavailable())).toBe('temporal');
  });

  it('issue 12 faults: a query that is simply wrong, or a bug, stays an internal error', () => {
    expect(unavailableDependency(new QueryFailedError('select', [], pgError('22003', 'integer out of range')))).toBe(
      undefined,
    );
    expect(unavailableDependency(new TypeError('x is undefined'))).toBeUndefined();
    expect(answer(new TypeError('x is undefined')).status).toBe(HttpStatus.INTERNAL_SERVER_ERROR);
  });

  it('issue 12 faults: the one error filter answers 503 SERVICE.UNAVAILABLE with Retry-After and a bilingual message', () => {
    for (const error of [refused(), new QueryFailedError('q', [], pgError('57P01', 'bye')), grpcUnavailable()]) {
      const { status, body, headers } = answer(error);
      expect(status).toBe(HttpStatus.SERVICE_UNAVAILABLE);
      expect(headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
      expect(body.code).toBe('SERVICE.UNAVAILABLE');
      expect((body.message as { zh: string }).zh).toMatch(/暂时不可用/);
      expect((body.message as { en: string }).en).toMatch(/unavailable/);
    }
  });

  it('issue 12 faults: a query or update finding its worker service down (gRPC 9 "no poller seen") is "worker", 503', () => {
    const query = new ServiceError('Failed to query Workflow', { cause: noPoller() });
    const update = new ServiceError('Workflow Update failed', { cause: noPoller() });
    expect(unavailableDependency(query)).toBe('worker');
    expect(unavailableDependency(update)).toBe('worker');
    const { status, body, headers } = answer(query);
    expect(status).toBe(HttpStatus.SERVICE_UNAVAILABLE);
    expect(headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(body).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
  });

  it('issue 12 faults: the public 503 body does not name the dependency; the log line (for the operators) does', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { body } = answer(new ServiceError('Workflow Update failed', { cause: noPoller() }));
      expect(body).not.toHaveProperty('details');
      expect(JSON.stringify(body)).not.toMatch(/worker|temporal|postgres|database/i);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('[req-1] (worker unavailable)'));
    } finally {
      logged.mockRestore();
    }
  });

  it('issue 12 faults: a query or describe cut off by the short read deadline (gRPC 4) is "temporal", 503', () => {
    const deadline = Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded after 4.998s'), {
      code: 4,
      details: 'Deadline exceeded after 4.998s',
      metadata: {},
    });
    expect(unavailableDependency(new ServiceError('Failed to describe workflow', { cause: deadline }))).toBe(
      'temporal',
    );
    expect(answer(new ServiceError('Failed to query Workflow', { cause: deadline })).status).toBe(
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  });

  it('issue 12 faults: any other FAILED_PRECONDITION is not a worker outage and stays a 500', () => {
    const other = Object.assign(new Error('9 FAILED_PRECONDITION: workflow is not running'), {
      code: 9,
      details: 'workflow is not running',
    });
    expect(unavailableDependency(new ServiceError('Workflow Update failed', { cause: other }))).toBeUndefined();
    expect(answer(new ServiceError('Workflow Update failed', { cause: other })).status).toBe(
      HttpStatus.INTERNAL_SERVER_ERROR,
    );
  });
});
