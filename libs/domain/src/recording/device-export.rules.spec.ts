import { deviceExportDueAt } from './device.rules';

describe('R11: when a returned device’s footage is due (000 附件6 第十九条)', () => {
  const limit = (returned: string) => new Date(Date.parse(returned) + 24 * 3_600_000).toISOString();

  it('R11: same day — a device back at 15:30 Beijing time is due by 24:00 that day, not 24 hours later', () => {
    const back = '2030-03-06T07:30:00.000Z'; // 15:30 +08:00
    expect(deviceExportDueAt(back, limit(back), null)).toBe('2030-03-06T16:00:00.000Z');
  });

  it('R11: the Beijing day counts — back at 01:00 Beijing time (17:00 UTC the day before) is due at the end of that Beijing day', () => {
    const back = '2030-03-05T17:00:00.000Z';
    expect(deviceExportDueAt(back, limit(back), undefined)).toBe('2030-03-06T16:00:00.000Z');
  });

  it('R11: continuous work or work away from the unit moves it to the configured limit after the return', () => {
    const back = '2030-03-06T07:30:00.000Z';
    expect(deviceExportDueAt(back, limit(back), 'continuous-work')).toBe(limit(back));
    expect(deviceExportDueAt(back, limit(back), 'off-site')).toBe(limit(back));
  });

  it('R11: a configured limit shorter than the rest of the day still binds', () => {
    const back = '2030-03-06T01:00:00.000Z'; // 09:00 +08:00
    const twoHours = new Date(Date.parse(back) + 2 * 3_600_000).toISOString();
    expect(deviceExportDueAt(back, twoHours, null)).toBe(twoHours);
  });
});
