/** Seconds a client is told to wait before retrying when a dependency is down (503 Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export type Dependency = 'database' | 'temporal' | 'worker' | 'network';

/** Socket errors: the peer is not there (yet), or went away mid-call. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL SQLSTATEs that mean "the server cannot serve you now", not "your query is wrong": connection
 * exceptions (class 08), shutdown and start-up (57P01–57P03), too many connections (53300).
 */
const PG_UNAVAILABLE = /^(08\d{3}|57P0[123]|53300)$/;
/** What node-postgres and its pool say when the server vanished or never answered. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|the database system is (shutting down|starting up)/i;
/** gRPC status codes of a Temporal server that is down or did not answer in time: UNAVAILABLE, DEADLINE_EXCEEDED. */
const GRPC_UNAVAILABLE = new Set([14, 4]);
/**
 * What Temporal answers a query or update when no worker of the workflow's task queue has polled lately — its worker
 * service is down or restarting (measured on Temporal 1.x: gRPC 9 FAILED_PRECONDITION "no poller seen for task queue
 * recently, worker may be down"). Other FAILED_PRECONDITIONs are about the request and stay what they are.
 */
const GRPC_FAILED_PRECONDITION = 9;
const NO_WORKER = /no poller seen|worker may be down/i;

function chain(error: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0 && out.length < 10) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    const rec = e as Record<string, unknown>;
    out.push(rec);
    // TypeORM keeps the driver's error in driverError; Temporal and fetch keep theirs in cause.
    queue.push(rec.cause, rec.driverError, rec.originalError);
  }
  return out;
}

/**
 * Which dependency an unexpected error says is unreachable, if any ('worker': the service whose worker runs the
 * workflow is not polling): such a failure is temporary and the caller's
 * retry will succeed, so it answers 503 with Retry-After instead of 500 (issue 12, honest answers under faults).
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  for (const e of chain(error)) {
    const name = typeof e.name === 'string' ? e.name : '';
    const code = e.code;
    const message = typeof e.message === 'string' ? e.message : '';
    if (typeof code === 'string' && PG_UNAVAILABLE.test(code)) return 'database';
    if (PG_MESSAGES.test(message)) return 'database';
    if (name === 'ServiceError' && /UNAVAILABLE|DEADLINE_EXCEEDED|connect/i.test(message)) return 'temporal';
    if (typeof code === 'number' && GRPC_UNAVAILABLE.has(code) && 'details' in e) return 'temporal';
    if (code === GRPC_FAILED_PRECONDITION && typeof e.details === 'string' && NO_WORKER.test(e.details))
      return 'worker';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network';
  }
  return undefined;
}
