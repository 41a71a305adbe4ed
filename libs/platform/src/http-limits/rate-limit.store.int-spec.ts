import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { stackEnv } from '../testing/stack-env';
import { openThrowawaySchema, type ThrowawaySchema } from '../testing/throwaway-schema';
import { createRateLimitHits, PgThrottlerStorage } from './rate-limit.store';

/*
 * Issue 12, D11 on the test stack's PostgreSQL: the rate-limit counts two gateway instances share. Each instance here
 * has its own connection pool to the same schema, as two pods would. The clock's passing is simulated by moving the
 * row's instants back, never waited for.
 */
const schema = `it_rate_limits_${randomUUID().slice(0, 8)}`;
const MINUTE = 60_000;
let scratch: ThrowawaySchema;
let otherPool: DataSource;
let first: PgThrottlerStorage;
let second: PgThrottlerStorage;

beforeAll(async () => {
  scratch = await openThrowawaySchema(schema, [createRateLimitHits]);
  otherPool = await new DataSource({
    type: 'postgres',
    url: stackEnv().ADMIN_DATABASE_URL,
    extra: { options: `-c search_path=${schema}` },
  }).initialize();
  first = new PgThrottlerStorage(scratch.db);
  second = new PgThrottlerStorage(otherPool);
});
afterAll(async () => {
  await otherPool?.destroy();
  await scratch?.drop();
});

/** The window and any block of `key` ended a second ago. */
async function timePasses(key: string): Promise<void> {
  await scratch.db.query(
    `update rate_limit_hits set window_end = now() - interval '1 second',
            blocked_until = case when blocked_until is null then null else now() - interval '1 second' end
      where key = $1`,
    [key],
  );
}

describe('rate limits shared by every gateway instance (issue 12, D11)', () => {
  it('issue 12: two instances count one person against one limit; the call past it is blocked on both, with the time left', async () => {
    const key = `person-${randomUUID()}`;
    const hits = [];
    for (const store of [first, second, first]) hits.push(await store.increment(key, MINUTE, 3, MINUTE, 'person'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const past = await second.increment(key, MINUTE, 3, MINUTE, 'person');
    expect(past).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(past.timeToBlockExpire).toBeGreaterThan(55);
    expect(past.timeToBlockExpire).toBeLessThanOrEqual(60);
    // Blocked everywhere, and a blocked call does not count on.
    expect(await first.increment(key, MINUTE, 3, MINUTE, 'person')).toMatchObject({ totalHits: 4, isBlocked: true });
  });

  it('issue 12: each limit of a key counts on its own (person, address, portal), and another key is not held up', async () => {
    const key = `ip-${randomUUID()}`;
    await first.increment(key, MINUTE, 1, MINUTE, 'address');
    expect(await second.increment(key, MINUTE, 1, MINUTE, 'address')).toMatchObject({ isBlocked: true });
    expect(await second.increment(key, MINUTE, 1, MINUTE, 'portal')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await first.increment(`ip-${randomUUID()}`, MINUTE, 1, MINUTE, 'address')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('issue 12: once the window and the block are over the count starts again at 1', async () => {
    const key = `person-${randomUUID()}`;
    await first.increment(key, MINUTE, 1, MINUTE, 'person');
    expect(await second.increment(key, MINUTE, 1, MINUTE, 'person')).toMatchObject({ isBlocked: true });
    await timePasses(key);
    const again = await second.increment(key, MINUTE, 1, MINUTE, 'person');
    expect(again).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    expect(again.timeToExpire).toBeGreaterThan(55);
  });

  it('issue 12: concurrent calls from both instances are each counted once (no lost update)', async () => {
    const key = `person-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? first : second).increment(key, MINUTE, 1000, MINUTE, 'person'),
      ),
    );
    expect(await first.increment(key, MINUTE, 1000, MINUTE, 'person')).toMatchObject({ totalHits: 41 });
  });

  it('issue 12: the sweep removes finished counts and keeps the ones still running', async () => {
    const done = `person-${randomUUID()}`;
    const running = `person-${randomUUID()}`;
    await first.increment(done, MINUTE, 5, MINUTE, 'person');
    await first.increment(running, MINUTE, 5, MINUTE, 'person');
    await timePasses(done);
    expect(await second.sweep()).toBeGreaterThanOrEqual(1);
    const left = await scratch.db.query<{ key: string }[]>(`select key from rate_limit_hits where key in ($1, $2)`, [
      done,
      running,
    ]);
    expect(left).toEqual([{ key: running }]);
  });
});
