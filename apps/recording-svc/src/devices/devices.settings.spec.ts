import { parseCheckInterval } from './devices.settings';

describe('device settings (SPEC R11)', () => {
  it('R11: DEVICE_CHECK_INTERVAL is 30 days by default, N days when set, and a malformed value names the setting', () => {
    expect(parseCheckInterval(undefined)).toBe(30);
    expect(parseCheckInterval('90d')).toBe(90);
    expect(() => parseCheckInterval('0d')).toThrow(/DEVICE_CHECK_INTERVAL/);
    expect(() => parseCheckInterval('monthly')).toThrow(/DEVICE_CHECK_INTERVAL/);
  });
});
