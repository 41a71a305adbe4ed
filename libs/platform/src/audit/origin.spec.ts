import {
  currentOrigin,
  originHeaders,
  ORIGIN_HTTP_HEADER,
  parseOriginHeader,
  runWithOrigin,
  sanitizeOrigin,
} from './origin';

describe('origin of a state change (C3)', () => {
  it('C3: keeps only known string fields, bounded and without control characters', () => {
    expect(
      sanitizeOrigin({ actor: 'u-1', sourceIp: '10.0.0.1', userAgent: 'a\u0000b\nc', extra: 'x', unitId: 7 }),
    ).toEqual({ actor: 'u-1', sourceIp: '10.0.0.1', userAgent: 'a b c' });
    expect(sanitizeOrigin({ userAgent: 'x'.repeat(2000) }).userAgent).toHaveLength(512);
    expect(sanitizeOrigin('nope')).toEqual({});
  });

  it('C3: a forwarded origin survives the HTTP header as ASCII, Chinese user agents included', async () => {
    const origin = { actor: 'u-1', sourceIp: '::1', userAgent: '浏览器/1.0', correlationId: 'req-1' };
    const headers = runWithOrigin(origin, () => originHeaders());
    expect(headers[ORIGIN_HTTP_HEADER]).toMatch(/^[\x20-\x7e]+$/);
    expect(parseOriginHeader(headers[ORIGIN_HTTP_HEADER])).toEqual(origin);
    expect(originHeaders()).toEqual({});
  });

  it('C3: a malformed header counts as no origin', () => {
    expect(parseOriginHeader('{not json')).toEqual({});
    expect(parseOriginHeader(['a', 'b'])).toEqual({});
    expect(parseOriginHeader(undefined)).toEqual({});
  });

  it('C3: the origin follows asynchronous work started inside it, and only that work', async () => {
    const seen = await runWithOrigin({ actor: 'u-2' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentOrigin();
    });
    expect(seen).toEqual({ actor: 'u-2' });
    expect(currentOrigin()).toBeUndefined();
  });
});
