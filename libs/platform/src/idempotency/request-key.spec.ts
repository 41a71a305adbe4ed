import { canonicalJson, requestFingerprint, requestKey, uuidFromKey } from './request-key';

describe('the once-only key of a call', () => {
  const call = {
    callerId: 'u-unit-head-1',
    method: 'POST',
    path: '/api/v1/reviews/A-1/withdraw',
    body: { reason: 'x' },
  };

  it('C3: the same caller, route and body give the same fingerprint whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(requestFingerprint(call)).toBe(requestFingerprint({ ...call, body: { reason: 'x' } }));
  });

  it('C1, C3: another caller, route or body under the same request id is another key', () => {
    const key = requestKey('req-1', requestFingerprint(call));
    expect(requestKey('req-1', requestFingerprint({ ...call, callerId: 'u-unit-head-2' }))).not.toBe(key);
    expect(requestKey('req-1', requestFingerprint({ ...call, path: '/api/v1/reviews/A-2/withdraw' }))).not.toBe(key);
    expect(requestKey('req-1', requestFingerprint({ ...call, body: { reason: 'y' } }))).not.toBe(key);
    expect(requestKey('req-2', requestFingerprint(call))).not.toBe(key);
    expect(requestKey('req-1', requestFingerprint(call))).toBe(key);
  });

  it('C3: ids derived from a key are stable UUIDs, distinct per purpose', () => {
    const id = uuidFromKey('k', 'review');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromKey('k', 'review')).toBe(id);
    expect(uuidFromKey('k', 'pause')).not.toBe(id);
  });
});
