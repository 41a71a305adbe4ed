import { foundOf } from '../testing/found.helper';

describe('D6: home addresses of natural persons (住址)', () => {
  it('finds addresses after personal cues, up to the next field', () => {
    expect(foundOf('address', '住址：湖南省衡阳市蒸湘区船山大道12号3栋201室，联系电话：13800138000')).toEqual([
      '湖南省衡阳市蒸湘区船山大道12号3栋201室',
    ]);
    expect(foundOf('address', '户籍地为衡阳县洪市镇联合村5组12号。')).toEqual(['衡阳县洪市镇联合村5组12号']);
    expect(foundOf('address', '男，汉族，住长沙市岳麓区麓山南路8号，身份证号略')).toEqual(['长沙市岳麓区麓山南路8号']);
  });

  it("takes a place written inside a person's bracketed remark", () => {
    expect(foundOf('address', '高宏华（证人，湖南省长沙市天心区解放路52号1栋1309室，联系电话略）')).toEqual([
      '湖南省长沙市天心区解放路52号1栋1309室',
    ]);
    expect(foundOf('address', '高宏华（证人，住长沙市天心区解放路52号）')).toEqual(['长沙市天心区解放路52号']);
  });

  it('takes 住所 for a natural person but not for an organisation', () => {
    expect(foundOf('address', '当事人：张三，男，汉族\n住所：长沙市岳麓区麓山南路8号')).toEqual([
      '长沙市岳麓区麓山南路8号',
    ]);
    expect(foundOf('address', '当事人：长沙某某有限公司\n统一社会信用代码：略\n住所：长沙市岳麓区麓山南路8号')).toEqual(
      [],
    );
    expect(
      foundOf('address', '住所：长沙市岳麓区麓山南路8号', {
        party: { name: '长沙某某有限公司', kind: 'organisation' },
      }),
    ).toEqual([]);
  });

  it("leaves premises, registered addresses, the agency's own address and non-addresses", () => {
    expect(foundOf('address', '经营场所：长沙市岳麓区麓山南路8号门面')).toEqual([]);
    expect(foundOf('address', '注册地址：长沙市岳麓区麓山南路8号')).toEqual([]);
    expect(foundOf('address', '本机关地址：衡阳市解放大道1号；通讯地址：衡阳市解放大道1号。')).toEqual([]);
    expect(foundOf('address', '住址：不详。')).toEqual([]);
  });
});
