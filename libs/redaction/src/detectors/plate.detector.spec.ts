import { foundOf } from '../testing/found.helper';

describe('D6: vehicle plates (机动车号牌)', () => {
  it.each([
    ['湘D12345'],
    ['湘D·12345'],
    ['湘A AB123'],
    ['湘AD12345'],
    ['湘A·FA1234'],
    ['粤B12345D'],
    ['湘D1234挂'],
    ['湘A1234学'],
    ['湘A1234警'],
    ['沪A1234领'],
    ['使014578'],
    ['湘Ｄ１２３４５'],
    ['湘A·1**45'],
  ])('finds %s', (plate) => {
    expect(foundOf('plate', `车辆${plate}停放在路边。`)).toEqual([plate]);
  });

  it('leaves licence codes, VINs and words', () => {
    expect(foundOf('plate', '药品经营许可证：湘AA7310001')).toEqual([]);
    expect(foundOf('plate', '车架号：LSVAM4187C2184563')).toEqual([]);
    expect(foundOf('plate', '湘A*****')).toEqual([]);
  });
});
