import type { Connection, WorkflowClientInterceptor } from '@temporalio/client';

/**
 * Longest a query or describe of one workflow may take. A query to a workflow whose worker service is down waits in
 * the server until the call's deadline (measured: 29 s with none) and then says "no poller seen"; a few seconds bound
 * that wait, so the caller gets an honest 503 quickly (issue 12 faults). A healthy query answers in well under 1 s.
 */
export const TEMPORAL_READ_DEADLINE_MS = 5_000;

type DeadlineSource = Pick<Connection, 'withDeadline' | 'callContextStorage'>;

/**
 * Caps the deadline of workflow queries and describes at `ms` from now; an earlier deadline the caller already set
 * (`withDeadline`) is kept. Updates and starts keep theirs: an update may legitimately wait for its handler.
 */
export function readDeadlineInterceptor(
  connection: DeadlineSource,
  ms: number = TEMPORAL_READ_DEADLINE_MS,
): WorkflowClientInterceptor {
  const bounded = <T>(call: () => Promise<T>): Promise<T> => {
    const outer = connection.callContextStorage.getStore()?.deadline;
    const own = Date.now() + ms;
    const deadline = outer === undefined ? own : Math.min(new Date(outer).getTime(), own);
    return connection.withDeadline(deadline, call);
  };
  return {
    query: (input, next) => bounded(() => next(input)),
    describe: (input, next) => bounded(() => next(input)),
  };
}
