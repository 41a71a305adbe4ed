import { Connection, type WorkflowDescribeInput, type WorkflowQueryInput } from '@temporalio/client';
import { readDeadlineInterceptor, TEMPORAL_READ_DEADLINE_MS } from './read-deadline.interceptor';

/** A real (lazy, never dialled) connection: the interceptor only reads and sets its call context. */
const connection = Connection.lazy({ address: '127.0.0.1:1' });
const interceptor = readDeadlineInterceptor(connection);

/** The deadline the next call would be sent with, as the connection's RPC layer reads it. */
async function deadlineSeen(call: 'query' | 'describe'): Promise<number | undefined> {
  const next = async (): Promise<never> => {
    const d = connection.callContextStorage.getStore()?.deadline;
    return (d === undefined ? undefined : new Date(d).getTime()) as never;
  };
  if (call === 'query') return (await interceptor.query!({} as WorkflowQueryInput, next)) as number | undefined;
  return (await interceptor.describe!({} as WorkflowDescribeInput, next)) as unknown as number | undefined;
}

describe('issue 12 faults: workflow queries and describes are bounded by a short deadline', () => {
  afterAll(() => connection.close());

  it('issue 12 faults: a query or describe with no deadline of its own gets one a few seconds from now', async () => {
    for (const call of ['query', 'describe'] as const) {
      const before = Date.now();
      const deadline = await deadlineSeen(call);
      expect(deadline).toBeGreaterThanOrEqual(before + TEMPORAL_READ_DEADLINE_MS);
      expect(deadline).toBeLessThanOrEqual(Date.now() + TEMPORAL_READ_DEADLINE_MS);
    }
    expect(TEMPORAL_READ_DEADLINE_MS).toBeLessThanOrEqual(10_000);
  });

  it("issue 12 faults: a caller's longer deadline (the 30 s of a command) is shortened, a shorter one kept", async () => {
    const long = Date.now() + 30_000;
    const capped = await connection.withDeadline(long, () => deadlineSeen('query'));
    expect(capped).toBeLessThan(long);
    expect(capped).toBeLessThanOrEqual(Date.now() + TEMPORAL_READ_DEADLINE_MS);
    const short = Date.now() + 1_000;
    expect(await connection.withDeadline(short, () => deadlineSeen('describe'))).toBe(short);
  });

  it('issue 12 faults: updates and starts are not touched (an update may wait for its handler)', () => {
    expect(Object.keys(interceptor).sort()).toEqual(['describe', 'query']);
  });
});
