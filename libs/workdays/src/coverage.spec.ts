import { coverageWarning } from './coverage';

describe('calendar coverage warning', () => {
  it('W3, W4: nothing to say while the covered years reach beyond the warning window', () => {
    expect(coverageWarning(2026, new Date('2026-11-15T12:00:00+08:00'))).toBeNull();
  });

  it('W3, W4, W7: within 45 days of the end of the published years operators are told which year to publish, in both languages', () => {
    const warning = coverageWarning(2026, new Date('2026-11-17T12:00:00+08:00'));
    // W7 changed the truth: 2027 is covered provisionally, so the last covered year is 2027 and 2028 is uncovered.
    expect(warning).toMatchObject({
      lastPublishedYear: 2026,
      provisionalYear: 2027,
      lastCoveredYear: 2027,
      daysLeft: 45,
      daysUntilUncovered: 45 + 365,
    });
    expect(warning?.message_zh).toContain('2027 年节假日安排');
    expect(warning?.message_en).toContain('publish the official 2027 holiday arrangement');
  });

  it('W7: the warning says the next year is provisional, derived from the regulation, and that 2028 cannot be computed', () => {
    const warning = coverageWarning(2026, new Date('2026-12-20T12:00:00+08:00'))!;
    expect(warning.message_zh).toContain('2027 年为暂定日历');
    expect(warning.message_zh).toContain('《全国年节及纪念日放假办法》');
    expect(warning.message_zh).toContain('重新计算');
    expect(warning.message_zh).toContain('涉及 2028 年的期限无法计算');
    expect(warning.message_en).toContain('2027 is provisional (derived from the national holiday regulation');
    expect(warning.message_en).toContain('re-timed');
    expect(warning.message_en).toContain('no time limit reaching into 2028 can be computed');
  });

  it('W7: once the provisional year has begun the warning stays until its arrangement is published', () => {
    const warning = coverageWarning(2026, new Date('2027-03-01T09:00:00+08:00'))!;
    expect(warning).toMatchObject({ provisionalYear: 2027, daysLeft: 0, daysUntilUncovered: 306 });
    expect(warning.message_zh).toContain('2027 年已开始，仍在使用暂定日历');
    expect(warning.message_en).toContain('2027 has begun on a provisional calendar');
    expect(coverageWarning(2026, new Date('2027-12-31T23:00:00+08:00'))?.daysUntilUncovered).toBe(1);
  });

  it('W3: the days are civil days in China — 16:00 UTC on 31 Dec is already 1 Jan in Beijing', () => {
    expect(coverageWarning(2026, new Date('2026-12-31T15:59:59Z'))?.daysLeft).toBe(1);
    expect(coverageWarning(2026, new Date('2026-12-31T16:00:00Z'))?.daysLeft).toBe(0);
  });

  it('W3: with no regulation revision to derive the next year from, the warning keeps the plain W3 wording', () => {
    const warning = coverageWarning(2012, new Date('2012-12-01T12:00:00+08:00'));
    expect(warning).toMatchObject({
      lastPublishedYear: 2012,
      provisionalYear: null,
      lastCoveredYear: 2012,
      daysLeft: 31,
    });
    expect(warning?.message_en).toContain('or no time limit reaching into 2013 can be computed');
  });
});
