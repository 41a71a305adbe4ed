import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { serviceMetrics } from '../metrics/metrics.registry';
import { COLLISION_ATTEMPTS, refusedForGood, RULE_REFUSED, STORE_REFUSED, withStoreRefusals } from './store-refusals';

// The classifier on real pg driver errors (a check violation, a refused connection) is proved in
// recording-svc's store-refusals.int-spec.ts; here its table, on errors shaped as pg and TypeORM raise them.
function pgError(code: string): Error {
  return Object.assign(new Error(`pg error ${code}`), { code });
}

async function failureOf(code: string, attempt = 1): Promise<unknown> {
  const activities = withStoreRefusals({
    saveChange: async () => {
      throw Object.assign(new Error('QueryFailedError'), { driverError: pgError(code) });
    },
  });
  return new MockActivityEnvironment({ attempt }).run(activities.saveChange).catch((err: unknown) => err);
}

async function counted(activity: string, outcome: string): Promise<number> {
  const { values } = await serviceMetrics().activityFailures.get();
  return values.find((v) => v.labels.activity === activity && v.labels.outcome === outcome)?.value ?? 0;
}

describe('C3 (issue 12): activity failures retrying cannot cure, and the ones it can', () => {
  const env = new MockActivityEnvironment();

  it.each([
    ['22021', 'NUL in a title'],
    ['22P05', 'lone surrogate in jsonb'],
    ['22001', 'case number longer than its column'],
    ['22003', 'number out of range'],
    ['23502', 'not-null violation'],
    ['23503', 'the referenced row does not exist'],
    ['23514', 'check violation'],
    ['22000', 'any other data exception'],
    ['23000', 'any other integrity violation'],
  ])('C3: %s (%s) fails once, non-retryable, as STORE.REFUSED', async (code) => {
    const failure = await failureOf(code);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: STORE_REFUSED, nonRetryable: true });
    expect((failure as ApplicationFailure).details?.[0]).toMatchObject({ sqlState: code, activity: 'saveChange' });
  });

  it.each([
    ['08006', 'connection failure'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['53100', 'disk full'],
    ['53300', 'too many connections'],
    ['57P01', 'admin shutdown'],
    ['57P03', 'cannot connect now'],
  ])('C3: %s (%s) is left to Temporal to retry, and counted as retrying', async (code) => {
    const before = await counted('saveChange', 'retrying');
    const failure = await failureOf(code);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect(await counted('saveChange', 'retrying')).toBe(before + 1);
  });

  it('C3: a unique violation is retried (a concurrent twin committed first) until its last allowed attempt', async () => {
    for (let attempt = 1; attempt < COLLISION_ATTEMPTS; attempt++) {
      expect(await failureOf('23505', attempt)).not.toBeInstanceOf(ApplicationFailure);
    }
    expect(await failureOf('23505', COLLISION_ATTEMPTS)).toMatchObject({ type: STORE_REFUSED, nonRetryable: true });
  });

  it('C3: Kafka or S3 unreachable (no SQLSTATE) is retried', async () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9092'), { code: 'ECONNREFUSED' });
    const activities = withStoreRefusals({
      announce: async () => {
        throw error;
      },
    });
    await expect(env.run(activities.announce)).rejects.toBe(error);
  });

  it('C3: a rule refusal passes through as RULE.REFUSED, once, counted as refused', async () => {
    const before = await counted('decide', 'refused');
    const activities = withStoreRefusals({
      decide: async () => {
        throw refusedForGood('CASE.NO_PARTY', '案件没有当事人', 'the case has no party');
      },
    });
    const failure = await env.run(activities.decide).catch((err: unknown) => err);
    expect(failure).toMatchObject({ type: RULE_REFUSED, nonRetryable: true });
    expect((failure as ApplicationFailure).details?.[0]).toMatchObject({
      code: 'CASE.NO_PARTY',
      en: 'the case has no party',
    });
    expect(await counted('decide', 'refused')).toBe(before + 1);
  });

  it('C3: results pass through unchanged', async () => {
    const activities = withStoreRefusals({ ok: async (n: number) => n + 1 });
    await expect(env.run(activities.ok, 1)).resolves.toBe(2);
  });
});
