import { foundOf } from '../../testing/found.helper';

describe('D6: names of persons other than the party (隐名处理)', () => {
  it('finds witnesses listed with 、 and 和, with remarks in brackets, and their later mentions', () => {
    expect(foundOf('person-name', '证人张三丰、李四海（女）和王五证实。张三丰还称。')).toEqual([
      '张三丰',
      '李四海',
      '王五',
      '张三丰',
    ]);
  });

  it('reads compound surnames (欧阳, 司马, 上官 …) as one surname', () => {
    expect(foundOf('person-name', '鉴定人欧阳小明、司马光、上官婉儿出具意见。')).toEqual([
      '欧阳小明',
      '司马光',
      '上官婉儿',
    ]);
  });

  it('stops a name at the word that follows it', () => {
    expect(foundOf('person-name', '证人李明称')).toEqual(['李明']);
    expect(foundOf('person-name', '委托代理人王小五律师')).toEqual(['王小五']);
    expect(foundOf('person-name', '证人张永和')).toEqual(['张永和']);
  });

  it('finds names with a trailing role and family relations', () => {
    expect(foundOf('person-name', '据陈立新（证人）陈述')).toEqual(['陈立新']);
    expect(foundOf('person-name', '刘国强（系当事人之父）到场')).toEqual(['刘国强']);
    expect(foundOf('person-name', '当事人之母亲周敏到场')).toEqual(['周敏']);
  });

  it('never reports the party, officers, an organisation’s legal representative or masked names', () => {
    expect(foundOf('person-name', '当事人张建国，男。张建国对事实无异议。')).toEqual([]);
    expect(foundOf('person-name', '执法人员刘志强、陈丽到场，证人宋佳在场。')).toEqual(['宋佳']);
    expect(foundOf('person-name', '经办：刘志强。', { officers: ['刘志强'] })).toEqual([]);
    expect(foundOf('person-name', '当事人：某某有限公司\n法定代表人：赵强')).toEqual([]);
    expect(foundOf('person-name', '证人张某某、李*、王××证实')).toEqual([]);
  });

  it("uses the caller's party name wherever it occurs", () => {
    const party = { name: '黄晓东', kind: 'natural-person' as const };
    expect(foundOf('person-name', '证人黄晓东、宋佳到场', { party })).toEqual(['宋佳']);
  });

  it("finds an individual business's operator unless the caller says the operator is the party", () => {
    const text = '当事人：长沙市岳麓区福临门小吃店（个体工商户）\n经营者：邓立新';
    expect(foundOf('person-name', text)).toEqual(['邓立新']);
    expect(foundOf('person-name', text, { party: { name: '邓立新', kind: 'individual-business' } })).toEqual([]);
  });

  it('reads 被询问人 as the person questioned, a bracketed qualifier after the role, and comma lists after a colon', () => {
    expect(foundOf('person-name', '被询问人：施倩、曹雨兵，余昌宇。')).toEqual(['施倩', '曹雨兵', '余昌宇']);
    expect(foundOf('person-name', '证人（未成年人）向玉学在场。')).toEqual(['向玉学']);
  });

  it('keeps a three-character name that begins like a common word, and refuses the word itself', () => {
    expect(foundOf('person-name', '据安全秀（举报人）陈述')).toEqual(['安全秀']);
    expect(foundOf('person-name', '证人钱银、童英和孔明陈述了经过')).toEqual(['钱银', '童英', '孔明']);
    expect(foundOf('person-name', '证人陈述了经过')).toEqual([]);
  });

  it('reads （女） after a name as its sex, not as a daughter', () => {
    expect(foundOf('person-name', '当事人张三（女）、李四，女，汉族')).toEqual([]);
  });

  it('does not take ordinary words after generic role nouns', () => {
    expect(foundOf('person-name', '证人证言、员工宿舍、学生家长、消费者权益、职工宿舍12栋均已查明。')).toEqual([]);
  });
});
