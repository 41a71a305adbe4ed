import { coverageWarning } from './coverage';

describe('calendar coverage warning', () => {
  it('W3, W4: nothing to say while the covered years reach beyond the warning window', () => {
    expect(coverageWarning(2026, new Date('2026-11-15T12:00:00+08:00'))).toBeNull();
  });

  it('W3, W4: within 45 days of the first uncovered day operators are told which year to publish, in both languages', () => {
    const warning = coverageWarning(2026, new Date('2026-11-17T12:00:00+08:00'));
    expect(warning).toMatchObject({ lastCoveredYear: 2026, daysLeft: 45 });
    expect(warning?.message_zh).toContain('2027 年节假日安排');
    expect(warning?.message_en).toContain('publish the 2027 holiday arrangement');
  });

  it('W3: the days are civil days in China — 16:00 UTC on 31 Dec is already 1 Jan in Beijing', () => {
    expect(coverageWarning(2026, new Date('2026-12-31T15:59:59Z'))?.daysLeft).toBe(1);
    expect(coverageWarning(2026, new Date('2026-12-31T16:00:00Z'))?.daysLeft).toBe(0);
  });
});
