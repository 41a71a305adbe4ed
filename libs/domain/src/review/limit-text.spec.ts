import { limitText } from './limit-text';

describe('a limit in the review history’s words', () => {
  it('W1, W5: shown in Beijing time, a midnight end as 24:00 of the last day, whatever the instant’s zone in the data', () => {
    expect(limitText('2026-12-08T16:00:00.000Z')).toEqual({
      zh: '2026-12-08 24:00（北京时间）',
      en: '2026-12-08 24:00 (Beijing time)',
    });
    // An hour limit ends at its exact minute, on the Beijing date (here already the next day there).
    expect(limitText('2026-12-31T17:30:00Z').en).toBe('2027-01-01 01:30 (Beijing time)');
    expect(limitText('2027-01-01T00:00:00+08:00').zh).toBe('2026-12-31 24:00（北京时间）');
  });
});
