import { randomUUID } from 'node:crypto';
import { openThrowawaySchema, type ThrowawaySchema } from '../testing/throwaway-schema';
import { addRequestKeyLeases, createRequestKeysTable } from './request-keys.table';
import { LEASE_MS, RequestKeyStore } from './request-key.store';

const schema = `it_request_keys_${randomUUID().slice(0, 8)}`;
let scratch: ThrowawaySchema;

beforeAll(async () => {
  scratch = await openThrowawaySchema(schema, [createRequestKeysTable, addRequestKeyLeases]);
});
afterAll(async () => {
  await scratch?.drop();
});

/** The clock moving past the lease for one key's last renewal, without waiting for it. */
async function leaseLapses(requestId: string): Promise<void> {
  await scratch.db.query(
    `update request_keys set heartbeat_at = heartbeat_at - make_interval(secs => $2) where request_id = $1`,
    [requestId, LEASE_MS / 1000 + 1],
  );
}

describe('request keys are leases (issue 12: a retry after a gateway was killed)', () => {
  it('C3: a claim whose holder died lapses after the lease (15 s, not 2 min); the retry takes it over and the dead holder can no longer touch it', async () => {
    const dead = new RequestKeyStore(scratch.db);
    const retry = new RequestKeyStore(scratch.db);
    expect(await dead.claim('r-1', 'fp')).toBeNull();
    // While the holder might be alive, a retry is told the first call is in progress.
    expect(await retry.claim('r-1', 'fp')).toMatchObject({ state: 'pending', fingerprint: 'fp' });
    await leaseLapses('r-1');
    expect(await retry.claim('r-1', 'fp')).toBeNull();
    // A late word from the first holder (its process had only stalled) neither frees nor answers the retry's claim.
    await dead.release('r-1');
    await dead.complete('r-1', 201, { first: true });
    expect(await scratch.db.query(`select state, holder from request_keys where request_id = 'r-1'`)).toEqual([
      { state: 'pending', holder: retry.holder },
    ]);
    await retry.complete('r-1', 201, { id: 1 });
    expect(await dead.claim('r-1', 'fp')).toMatchObject({ state: 'done', status: 201, body: { id: 1 } });
  });

  it('C3: a holder that is alive renews its lease, so a call longer than the lease is never taken over', async () => {
    const slow = new RequestKeyStore(scratch.db);
    const retry = new RequestKeyStore(scratch.db);
    expect(await slow.claim('r-2', 'fp')).toBeNull();
    await leaseLapses('r-2');
    await slow.renew('r-2'); // what hold()'s timer does every 5 s while the call runs
    expect(await retry.claim('r-2', 'fp')).toMatchObject({ state: 'pending' });
    // hold() runs the call and stops renewing when it ends; the answer is kept.
    const answer = await slow.hold('r-2', async () => ({ ok: true }));
    await slow.complete('r-2', 200, answer);
    expect(await retry.claim('r-2', 'fp')).toMatchObject({ state: 'done', status: 200, body: { ok: true } });
  });

  it('C3: a failed call frees its key for the retry at once', async () => {
    const first = new RequestKeyStore(scratch.db);
    const retry = new RequestKeyStore(scratch.db);
    expect(await first.claim('r-3', 'fp')).toBeNull();
    await expect(first.hold('r-3', async () => Promise.reject(new Error('downstream failed')))).rejects.toThrow();
    await first.release('r-3');
    expect(await retry.claim('r-3', 'fp')).toBeNull();
  });
});
