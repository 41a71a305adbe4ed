import { foundOf } from '../testing/found.helper';

describe('D6: phone numbers (电话号码)', () => {
  it.each([
    ['13800138000'],
    ['138 0013 8000'],
    ['138-0013-8000'],
    ['+86 138 0013 8000'],
    ['１３８００１３８０００'],
    ['0731-84561234'],
    ['(0731)84561234'],
    ['（０７３１）８４５６１２３４'],
    ['010-6512 3456'],
    ['0734-8123456转802'],
    ['+86-731-84561234'],
    ['138****8000'],
  ])('finds %s as written', (written) => {
    expect(foundOf('phone', `联系电话：${written}。`)).toEqual([written]);
  });

  it('finds a local number without area code only after a phone cue', () => {
    expect(foundOf('phone', '住宅电话：8456 1234。')).toEqual(['8456 1234']);
    expect(foundOf('phone', '面积8456平方米。')).toEqual([]);
  });

  it('leaves the agency contacts, hotlines, amounts and longer numbers', () => {
    expect(foundOf('phone', '本机关地址：衡阳市解放大道1号；联系电话：0734-8123456。')).toEqual([]);
    expect(foundOf('phone', '投诉举报电话：12345、0734-8123456。')).toEqual([]);
    expect(foundOf('phone', '罚款13800元，编号13800138000123。')).toEqual([]);
    expect(foundOf('phone', '执法证号：13800138000。')).toEqual([]);
  });

  it('separates two numbers written side by side', () => {
    expect(foundOf('phone', '电话13800138000 13900139000')).toEqual(['13800138000', '13900139000']);
  });
});
