import { foundOf } from '../testing/found.helper';

describe('D6: birth dates (出生日期)', () => {
  it.each([
    ['出生日期：', '1985年3月12日', ''],
    ['生于', '1985-03-12', ''],
    ['出生年月：', '1985年3月', ''],
    ['男，', '1985年03月12日', '出生，汉族'],
    ['（', '1985.3.12', '生）'],
    ['出生于', '一九八五年三月十二日', ''],
    ['出生日期：', '１９８５年３月１２日', ''],
    ['出生日期', '19850312', ''],
  ])('finds the date in %s%s%s', (before, date, after) => {
    expect(foundOf('birth-date', `${before}${date}${after}。`)).toEqual([date]);
  });

  it('leaves dates of decisions, service and entry into force', () => {
    expect(foundOf('birth-date', '本决定于2026年3月12日作出，自2026年4月1日起生效，2026年3月15日送达。')).toEqual([]);
  });
});
