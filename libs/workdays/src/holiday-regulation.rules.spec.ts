import { readFileSync } from 'node:fs';
import { regulationFor, statutoryHolidays } from './holiday-regulation.rules';
import { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';

describe('the national holiday regulation (全国年节及纪念日放假办法), article 2', () => {
  it('W7: the lunar package agrees with the bundled official data on every statutory day 2015–2026', () => {
    const disagreements: string[] = [];
    for (const official of BUNDLED_YEAR_ARRANGEMENTS) {
      for (const holiday of statutoryHolidays(official.year)) {
        for (const date of holiday.days) {
          // The day must be off in the official data, inside a break named after the same holiday.
          const inBreak = official.holidays.find((b) => b.days.includes(date));
          if (!inBreak?.name.includes(holiday.name)) disagreements.push(`${holiday.name} ${date}: ${inBreak?.name}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('W7: 2027 under the 2024 revision: 13 days, 除夕 and 正月初一–初三, 清明 on the solar term, lunar 端午 and 中秋', () => {
    const days = Object.fromEntries(statutoryHolidays(2027).map((h) => [h.name, h.days]));
    expect(days).toEqual({
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
    expect(statutoryHolidays(2027).map((h) => h.item)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('W7: each year follows the revision in force: 2013 revision (11 days) for 2014–2024, 2024 revision (13) from 2025', () => {
    const total = (year: number) => statutoryHolidays(year).reduce((n, h) => n + h.days.length, 0);
    expect(regulationFor(2014)?.decree).toBe('国务院令第644号');
    expect(regulationFor(2024)?.decree).toBe('国务院令第644号');
    expect(regulationFor(2025)?.decree).toBe('国务院令第795号');
    expect(regulationFor(2100)?.decree).toBe('国务院令第795号');
    expect(total(2024)).toBe(11);
    expect(total(2025)).toBe(13);
    // 2024: Spring Festival from 正月初一 (10 Feb), 除夕 9 Feb was not yet a statutory day; Labour Day 1 May only.
    const days2024 = Object.fromEntries(statutoryHolidays(2024).map((h) => [h.name, h.days]));
    expect(days2024['春节']).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
    expect(days2024['劳动节']).toEqual(['2024-05-01']);
  });

  it('W7: years before 2014 are not modelled, and asking for them is an error rather than a guess', () => {
    expect(regulationFor(2013)).toBeUndefined();
    expect(() => statutoryHolidays(2013)).toThrow(RangeError);
    expect(() => statutoryHolidays(2027.5)).toThrow(RangeError);
  });
});

describe('lunar-typescript, the source of lunar dates and solar terms', () => {
  it('W7: is safe for the workflow sandbox — no imports, no Node built-ins, no process, no randomness', () => {
    const main = require.resolve('lunar-typescript'); // dist/index.cjs; a bundler may pick dist/index.mjs
    for (const file of [main, main.replace(/\.cjs$/, '.mjs')]) {
      const code = readFileSync(file, 'utf8');
      expect(code).not.toMatch(/\brequire\(|^import |\bimport\(|\bprocess\.|Math\.random|globalThis|\bfetch\(/m);
      // Its one clock read is in Solar.fromBaZi (birth-chart search), which nothing here calls.
      expect(code.match(/new Date\(\)/g)).toHaveLength(1);
    }
  });
});
