import type { ExecutionContext } from '@nestjs/common';
import { AppError } from '@enforcement/platform';
import { PortalRateLimitGuard } from './portal-rate-limit.guard';

function contextFor(ip: string, headers: Record<string, string>): ExecutionContext {
  return {
    switchToHttp: () => ({
      getRequest: () => ({ ip, socket: {} }),
      getResponse: () => ({ setHeader: (name: string, value: string) => (headers[name] = value) }),
    }),
  } as unknown as ExecutionContext;
}

describe('portal rate limit (SPEC D11)', () => {
  it('D11: a client past its per-minute allowance gets 429 with Retry-After; another client is unaffected', () => {
    const guard = new PortalRateLimitGuard();
    const headers: Record<string, string> = {};
    let allowed = 0;
    let refusal: AppError | undefined;
    for (let i = 0; i < 1000 && !refusal; i++) {
      try {
        guard.canActivate(contextFor('203.0.113.7', headers));
        allowed++;
      } catch (e) {
        refusal = e as AppError;
      }
    }
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(1000);
    expect(refusal?.status).toBe(429);
    expect(refusal?.code).toBe('PORTAL.RATE_LIMITED');
    expect(Number(headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(guard.canActivate(contextFor('198.51.100.2', {}))).toBe(true);
  });
});
