import { dateRange } from './civil-date';
import type { HolidayBreak, YearArrangement } from './year-arrangement';

/**
 * Mainland China holiday arrangements 2015–2026 (SPEC W2), transcribed from the State Council General Office notices
 * cited per year. Breaks are written as `dateRange(first, last)` so each line reads like the notice it comes from
 * ("X月X日至X日放假调休"). Cross-checks against public datasets and every judgement call are in ../DATA.md.
 *
 * A break that crosses New Year is split by year. Its part in the earlier year is kept only when it turns a weekday
 * into a holiday (2018-12-31); weekend-only parts (e.g. 2022-12-31) change nothing and are left out.
 */

const NEW_YEAR = { name: '元旦', nameEn: "New Year's Day" } as const;
const SPRING_FESTIVAL = { name: '春节', nameEn: 'Spring Festival' } as const;
const QINGMING = { name: '清明节', nameEn: 'Qingming Festival' } as const;
const LABOUR_DAY = { name: '劳动节', nameEn: 'Labour Day' } as const;
const DRAGON_BOAT = { name: '端午节', nameEn: 'Dragon Boat Festival' } as const;
const MID_AUTUMN = { name: '中秋节', nameEn: 'Mid-Autumn Festival' } as const;
const NATIONAL_DAY = { name: '国庆节', nameEn: 'National Day' } as const;
const NATIONAL_DAY_MID_AUTUMN = { name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival' } as const;

function holiday(kind: { name: string; nameEn: string }, first: string, last: string = first): HolidayBreak {
  return { name: kind.name, nameEn: kind.nameEn, days: dateRange(first, last) };
}

/** Frozen all the way down: this array is exported, and a stray push would silently change legal deadlines. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function annualNotice(year: number, docNo: string, issuedOn: string) {
  return { title: `国务院办公厅关于${year}年部分节假日安排的通知`, docNo, issuedOn } as const;
}

export const BUNDLED_YEAR_ARRANGEMENTS: readonly YearArrangement[] = deepFreeze([
  {
    year: 2015,
    sources: [
      annualNotice(2015, '国办发明电〔2014〕28号', '2014-12-16'),
      {
        title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
        docNo: '国发明电〔2015〕1号',
        issuedOn: '2015-05-13',
        note: 'Added 3–5 Sep off (4 Sep in lieu) with Sunday 6 Sep worked. Issued by the State Council itself.',
      },
    ],
    holidays: [
      holiday(NEW_YEAR, '2015-01-01', '2015-01-03'),
      holiday(SPRING_FESTIVAL, '2015-02-18', '2015-02-24'),
      holiday(QINGMING, '2015-04-04', '2015-04-06'),
      holiday(LABOUR_DAY, '2015-05-01', '2015-05-03'),
      holiday(DRAGON_BOAT, '2015-06-20', '2015-06-22'),
      holiday(
        { name: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日', nameEn: 'Victory Day (70th anniversary)' },
        '2015-09-03',
        '2015-09-05',
      ),
      holiday(MID_AUTUMN, '2015-09-26', '2015-09-27'),
      holiday(NATIONAL_DAY, '2015-10-01', '2015-10-07'),
    ],
    makeupWorkdays: ['2015-01-04', '2015-02-15', '2015-02-28', '2015-09-06', '2015-10-10'],
  },
  {
    year: 2016,
    sources: [annualNotice(2016, '国办发明电〔2015〕18号', '2015-12-10')],
    holidays: [
      holiday(NEW_YEAR, '2016-01-01', '2016-01-03'),
      holiday(SPRING_FESTIVAL, '2016-02-07', '2016-02-13'),
      holiday(QINGMING, '2016-04-02', '2016-04-04'),
      holiday(LABOUR_DAY, '2016-04-30', '2016-05-02'),
      holiday(DRAGON_BOAT, '2016-06-09', '2016-06-11'),
      holiday(MID_AUTUMN, '2016-09-15', '2016-09-17'),
      holiday(NATIONAL_DAY, '2016-10-01', '2016-10-07'),
    ],
    makeupWorkdays: ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
  },
  {
    year: 2017,
    sources: [annualNotice(2017, '国办发明电〔2016〕17号', '2016-12-01')],
    holidays: [
      holiday(NEW_YEAR, '2017-01-01', '2017-01-02'),
      holiday(SPRING_FESTIVAL, '2017-01-27', '2017-02-02'),
      holiday(QINGMING, '2017-04-02', '2017-04-04'),
      holiday(LABOUR_DAY, '2017-04-29', '2017-05-01'),
      holiday(DRAGON_BOAT, '2017-05-28', '2017-05-30'),
      holiday(NATIONAL_DAY_MID_AUTUMN, '2017-10-01', '2017-10-08'),
    ],
    makeupWorkdays: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  },
  {
    year: 2018,
    sources: [
      annualNotice(2018, '国办发明电〔2017〕12号', '2017-11-30'),
      {
        ...annualNotice(2019, '国办发明电〔2018〕15号', '2018-12-04'),
        note: 'New Year 2019 break: 30–31 Dec 2018 off, Saturday 29 Dec 2018 worked.',
      },
    ],
    holidays: [
      holiday(NEW_YEAR, '2018-01-01'),
      holiday(SPRING_FESTIVAL, '2018-02-15', '2018-02-21'),
      holiday(QINGMING, '2018-04-05', '2018-04-07'),
      holiday(LABOUR_DAY, '2018-04-29', '2018-05-01'),
      holiday(DRAGON_BOAT, '2018-06-16', '2018-06-18'),
      holiday(MID_AUTUMN, '2018-09-22', '2018-09-24'),
      holiday(NATIONAL_DAY, '2018-10-01', '2018-10-07'),
      holiday({ name: '元旦（2019年）', nameEn: "New Year's Day 2019" }, '2018-12-30', '2018-12-31'),
    ],
    makeupWorkdays: ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30', '2018-12-29'],
  },
  {
    year: 2019,
    sources: [
      annualNotice(2019, '国办发明电〔2018〕15号', '2018-12-04'),
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        docNo: '国办发明电〔2019〕3号',
        issuedOn: '2019-03-22',
        note: 'Labour Day changed from 1 May only to 1–4 May, with Sundays 28 Apr and 5 May worked.',
      },
    ],
    holidays: [
      holiday(NEW_YEAR, '2019-01-01'),
      holiday(SPRING_FESTIVAL, '2019-02-04', '2019-02-10'),
      holiday(QINGMING, '2019-04-05', '2019-04-07'),
      holiday(LABOUR_DAY, '2019-05-01', '2019-05-04'),
      holiday(DRAGON_BOAT, '2019-06-07', '2019-06-09'),
      holiday(MID_AUTUMN, '2019-09-13', '2019-09-15'),
      holiday(NATIONAL_DAY, '2019-10-01', '2019-10-07'),
    ],
    makeupWorkdays: ['2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
  },
  {
    year: 2020,
    sources: [
      annualNotice(2020, '国办发明电〔2019〕16号', '2019-11-21'),
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        docNo: '国办发明电〔2020〕1号',
        issuedOn: '2020-01-26',
        note: 'Spring Festival extended to Sunday 2 Feb; the make-up working day Saturday 1 Feb was thereby cancelled.',
      },
    ],
    holidays: [
      holiday(NEW_YEAR, '2020-01-01'),
      holiday(SPRING_FESTIVAL, '2020-01-24', '2020-02-02'),
      holiday(QINGMING, '2020-04-04', '2020-04-06'),
      holiday(LABOUR_DAY, '2020-05-01', '2020-05-05'),
      holiday(DRAGON_BOAT, '2020-06-25', '2020-06-27'),
      holiday(NATIONAL_DAY_MID_AUTUMN, '2020-10-01', '2020-10-08'),
    ],
    makeupWorkdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  {
    year: 2021,
    sources: [annualNotice(2021, '国办发明电〔2020〕27号', '2020-11-25')],
    holidays: [
      holiday(NEW_YEAR, '2021-01-01', '2021-01-03'),
      holiday(SPRING_FESTIVAL, '2021-02-11', '2021-02-17'),
      holiday(QINGMING, '2021-04-03', '2021-04-05'),
      holiday(LABOUR_DAY, '2021-05-01', '2021-05-05'),
      holiday(DRAGON_BOAT, '2021-06-12', '2021-06-14'),
      holiday(MID_AUTUMN, '2021-09-19', '2021-09-21'),
      holiday(NATIONAL_DAY, '2021-10-01', '2021-10-07'),
    ],
    makeupWorkdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    year: 2022,
    sources: [annualNotice(2022, '国办发明电〔2021〕11号', '2021-10-25')],
    holidays: [
      holiday(NEW_YEAR, '2022-01-01', '2022-01-03'),
      holiday(SPRING_FESTIVAL, '2022-01-31', '2022-02-06'),
      holiday(QINGMING, '2022-04-03', '2022-04-05'),
      holiday(LABOUR_DAY, '2022-04-30', '2022-05-04'),
      holiday(DRAGON_BOAT, '2022-06-03', '2022-06-05'),
      holiday(MID_AUTUMN, '2022-09-10', '2022-09-12'),
      holiday(NATIONAL_DAY, '2022-10-01', '2022-10-07'),
    ],
    makeupWorkdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    sources: [annualNotice(2023, '国办发明电〔2022〕16号', '2022-12-08')],
    holidays: [
      holiday(NEW_YEAR, '2023-01-01', '2023-01-02'),
      holiday(SPRING_FESTIVAL, '2023-01-21', '2023-01-27'),
      holiday(QINGMING, '2023-04-05'),
      holiday(LABOUR_DAY, '2023-04-29', '2023-05-03'),
      holiday(DRAGON_BOAT, '2023-06-22', '2023-06-24'),
      holiday({ name: '中秋节、国庆节', nameEn: 'Mid-Autumn Festival and National Day' }, '2023-09-29', '2023-10-06'),
    ],
    makeupWorkdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    sources: [annualNotice(2024, '国办发明电〔2023〕7号', '2023-10-25')],
    holidays: [
      holiday(NEW_YEAR, '2024-01-01'),
      holiday(SPRING_FESTIVAL, '2024-02-10', '2024-02-17'),
      holiday(QINGMING, '2024-04-04', '2024-04-06'),
      holiday(LABOUR_DAY, '2024-05-01', '2024-05-05'),
      holiday(DRAGON_BOAT, '2024-06-08', '2024-06-10'),
      holiday(MID_AUTUMN, '2024-09-15', '2024-09-17'),
      holiday(NATIONAL_DAY, '2024-10-01', '2024-10-07'),
    ],
    makeupWorkdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    sources: [annualNotice(2025, '国办发明电〔2024〕12号', '2024-11-12')],
    holidays: [
      holiday(NEW_YEAR, '2025-01-01'),
      holiday(SPRING_FESTIVAL, '2025-01-28', '2025-02-04'),
      holiday(QINGMING, '2025-04-04', '2025-04-06'),
      holiday(LABOUR_DAY, '2025-05-01', '2025-05-05'),
      holiday(DRAGON_BOAT, '2025-05-31', '2025-06-02'),
      holiday(NATIONAL_DAY_MID_AUTUMN, '2025-10-01', '2025-10-08'),
    ],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    sources: [annualNotice(2026, '国办发明电〔2025〕7号', '2025-11-04')],
    holidays: [
      holiday(NEW_YEAR, '2026-01-01', '2026-01-03'),
      holiday(SPRING_FESTIVAL, '2026-02-15', '2026-02-23'),
      holiday(QINGMING, '2026-04-04', '2026-04-06'),
      holiday(LABOUR_DAY, '2026-05-01', '2026-05-05'),
      holiday(DRAGON_BOAT, '2026-06-19', '2026-06-21'),
      holiday(MID_AUTUMN, '2026-09-25', '2026-09-27'),
      holiday(NATIONAL_DAY, '2026-10-01', '2026-10-07'),
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
]);
