import { foundOf } from '../testing/found.helper';

describe('D6: property certificate numbers (不动产权证号 / 房产证号)', () => {
  it.each([
    ['湘(2023)长沙市不动产权第0123456号'],
    ['湘（2023）长沙市不动产权第0123456号'],
    ['湘〔2021〕衡阳县不动产权第0001234号'],
    ['湘(2022)衡阳市不动产证明第0012345号'],
    ['长房权证岳麓字第711012345号'],
    ['衡国用(2015)第01234号'],
  ])('finds %s without its cue', (certificate) => {
    expect(foundOf('property-certificate', `房屋（${certificate}）一处。`)).toEqual([certificate]);
  });

  it('finds a local shape after an explicit cue', () => {
    expect(foundOf('property-certificate', '房产证号：0012345，面积80平方米。')).toEqual(['0012345']);
  });

  it('leaves case numbers that share the 第…号 shape', () => {
    expect(foundOf('property-certificate', '衡市监罚字〔2026〕第0123号')).toEqual([]);
  });
});
