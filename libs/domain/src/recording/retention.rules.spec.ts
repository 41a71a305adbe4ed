import { disposalRefusal } from './retention.rules';

describe('disposalRefusal', () => {
  it('R9: nothing is deleted before the retention period ends', () => {
    expect(disposalRefusal({ retentionEnded: false, holds: [], alreadyDisposed: false })?.code).toBe(
      'RETENTION.NOT_ENDED',
    );
  });
  it('R9: a long-term hold (litigation, hearing, reconsideration, dispute) stops deletion even after the period', () => {
    const r = disposalRefusal({ retentionEnded: true, holds: [{ reason: 'litigation' }], alreadyDisposed: false });
    expect(r?.code).toBe('RETENTION.HELD');
    expect(r?.message.en).toContain('litigation');
  });
  it('R9: after the period, with no hold, a disposal is allowed once', () => {
    expect(disposalRefusal({ retentionEnded: true, holds: [], alreadyDisposed: false })).toBeNull();
    expect(disposalRefusal({ retentionEnded: true, holds: [], alreadyDisposed: true })?.code).toBe(
      'RETENTION.ALREADY_DISPOSED',
    );
  });
});
