import type { YearArrangement } from '../year-arrangement';

/**
 * A made-up 2027 arrangement for tests of runtime loading (SPEC W4). It is shaped like a real notice so the
 * validator accepts it, but it is NOT the official 2027 arrangement and must never be bundled.
 */
export function hypothetical2027(): YearArrangement {
  return {
    year: 2027,
    sources: [{ title: '测试用虚构安排（非官方）/ hypothetical test arrangement', issuedOn: '2026-11-20' }],
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01', '2027-01-02', '2027-01-03'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        days: [
          '2027-02-05',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
        ],
      },
      { name: '清明节', nameEn: 'Qingming Festival', days: ['2027-04-03', '2027-04-04', '2027-04-05'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        days: ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', days: ['2027-06-09'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', days: ['2027-09-15'] },
      {
        name: '国庆节',
        nameEn: 'National Day',
        days: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      },
    ],
    makeupWorkdays: ['2027-02-14', '2027-04-25', '2027-09-26', '2027-10-09'],
  };
}
