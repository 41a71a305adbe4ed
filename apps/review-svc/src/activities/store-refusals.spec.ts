import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { STORE_REFUSED, withStoreRefusals } from './store-refusals';

function pgError(code: string): Error {
  return Object.assign(new Error(`pg error ${code}`), { code });
}

describe('activities and data the database refuses for good', () => {
  const env = new MockActivityEnvironment();

  it.each([
    ['22021', 'NUL in a title'],
    ['22P05', 'lone surrogate in jsonb'],
    ['22001', 'case number longer than its column'],
    ['23514', 'check violation'],
  ])('C3: %s (%s) fails once, non-retryable, as STORE.REFUSED', async (code) => {
    const activities = withStoreRefusals({
      saveReviewChange: async () => {
        throw Object.assign(new Error('QueryFailedError'), { driverError: pgError(code) });
      },
    });
    const failure = await env.run(activities.saveReviewChange).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: STORE_REFUSED, nonRetryable: true });
    expect((failure as ApplicationFailure).details?.[0]).toMatchObject({
      sqlState: code,
      activity: 'saveReviewChange',
    });
  });

  it('C3: a dropped connection or a deadlock is left to Temporal to retry', async () => {
    for (const code of ['08006', '40P01', '57P01']) {
      const error = pgError(code);
      const activities = withStoreRefusals({
        projectReview: async () => {
          throw error;
        },
      });
      await expect(env.run(activities.projectReview)).rejects.toBe(error);
    }
  });

  it('C3: results pass through unchanged', async () => {
    const activities = withStoreRefusals({ ok: async (n: number) => n + 1 });
    await expect(env.run(activities.ok, 1)).resolves.toBe(2);
  });
});
