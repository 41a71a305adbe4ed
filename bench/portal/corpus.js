'use strict';
// Synthetic published items for the portal benchmark (issue 10): decisions of 260 agencies (20 cities × 13 kinds of
// agency), each with its own violations, legal bases and conclusions, parties from a few thousand trade names, about
// two thirds as abstracts (D6) and a third as redacted full texts. Deterministic: item i is the same in every run, so
// the loaded table and the query mix are comparable between runs.

const CITIES = [
  '衡阳',
  '长沙',
  '株洲',
  '湘潭',
  '岳阳',
  '常德',
  '益阳',
  '郴州',
  '永州',
  '怀化',
  '娄底',
  '邵阳',
  '张家界',
  '吉首',
  '南昌',
  '九江',
  '赣州',
  '武汉',
  '宜昌',
  '襄阳',
];
const DISTRICTS = ['城东区', '城西区', '高新区', '经开区', '芙蓉区', '岳麓区', '天心区', '开福区', '雨花区', '望城区'];
// [agency, abbreviation for decision numbers, category weights, violations, basis, conclusions]
const KINDS = [
  [
    '市场监督管理局',
    '市监',
    [
      '销售超过保质期的食品',
      '生产不符合食品安全标准的食品',
      '未按规定公示营业执照',
      '对商品作虚假宣传',
      '经营无中文标签的进口预包装食品',
    ],
    '《中华人民共和国食品安全法》第一百二十四条第一款',
  ],
  [
    '生态环境局',
    '环',
    ['超标排放大气污染物', '未批先建', '通过暗管排放水污染物', '未按规定贮存危险废物'],
    '《中华人民共和国大气污染防治法》第九十九条',
  ],
  [
    '应急管理局',
    '应急',
    ['未按规定开展安全生产教育和培训', '特种作业人员未持证上岗', '未建立事故隐患排查治理制度'],
    '《中华人民共和国安全生产法》第九十七条',
  ],
  [
    '交通运输局',
    '交',
    ['未取得道路运输经营许可擅自从事经营', '车辆超限运输', '客运车辆不按批准的线路行驶'],
    '《中华人民共和国道路运输条例》第六十三条',
  ],
  [
    '城市管理综合执法局',
    '城管',
    ['擅自占用城市道路', '未取得建设工程规划许可证进行建设', '随意倾倒建筑垃圾'],
    '《城市道路管理条例》第四十二条',
  ],
  [
    '卫生健康委员会',
    '卫',
    ['未取得医疗机构执业许可证擅自执业', '公共场所卫生质量不符合标准', '使用非卫生技术人员从事医疗卫生技术工作'],
    '《医疗机构管理条例》第四十三条',
  ],
  [
    '自然资源和规划局',
    '自然资',
    ['未经批准非法占用土地', '擅自改变土地用途', '无证开采矿产资源'],
    '《中华人民共和国土地管理法》第七十七条',
  ],
  [
    '住房和城乡建设局',
    '住建',
    ['未取得施工许可证擅自施工', '未按照工程建设强制性标准施工', '房地产开发企业未取得预售许可证预售商品房'],
    '《建设工程质量管理条例》第六十四条',
  ],
  [
    '文化旅游广电局',
    '文旅',
    ['未经许可擅自从事互联网上网服务经营活动', '旅行社未与旅游者签订旅游合同', '娱乐场所接纳未成年人'],
    '《互联网上网服务营业场所管理条例》第二十七条',
  ],
  ['农业农村局', '农', ['经营假农药', '使用禁用兽药', '无证经营种子'], '《农药管理条例》第五十五条'],
  [
    '人力资源和社会保障局',
    '人社',
    ['未按规定支付劳动者工资', '违反规定延长劳动者工作时间', '使用童工'],
    '《劳动保障监察条例》第二十六条',
  ],
  [
    '消防救援支队',
    '消',
    ['消防设施未保持完好有效', '占用堵塞疏散通道', '人员密集场所门窗设置影响逃生的障碍物'],
    '《中华人民共和国消防法》第六十条',
  ],
  [
    '水利局',
    '水',
    ['未经批准在河道管理范围内采砂', '擅自取水', '在河道内弃置渣土'],
    '《中华人民共和国水法》第六十九条',
  ],
];
const CATEGORIES = [
  ['penalty', 55],
  ['permit', 20],
  ['inspection', 10],
  ['coercive-measure', 8],
  ['confirmation', 4],
  ['fee', 2],
  ['expropriation', 1],
];
const CHARS = '鑫隆华泰盛源恒达丰顺宏昌鼎福兴旺金瑞嘉祥佳联通和美安康永信德润博远振宇海天新星'.split('');
const TRADES = [
  '商贸',
  '餐饮管理',
  '建材',
  '物流',
  '食品',
  '医药连锁',
  '机动车检测',
  '建筑工程',
  '环保科技',
  '化工',
  '农资',
  '娱乐',
];
const SHOPS = ['小吃店', '便利店', '汽车修理部', '理发店', '网吧', '农资店', '超市'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const NUMERALS = ['二千', '五千', '一万', '二万', '三万', '五万', '十万', '二十万'];

/** A small deterministic generator (mulberry32), seeded per item. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
function weighted(r, pairs) {
  let x = r() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}

/** Trade name of party n (1 600 names × 12 trades). */
const tradeName = (r) => pick(r, CHARS) + pick(r, CHARS);

/** Item i: the portal row's fields (published within the last five years of `now`). */
function item(i, now) {
  const r = rng(i * 2654435761);
  const city = Math.floor(r() * CITIES.length);
  const kind = Math.floor(r() * KINDS.length);
  const [agencyKind, abbr, violations, basis] = KINDS[kind];
  const category = weighted(r, CATEGORIES);
  const agencyName = `${CITIES[city]}市${agencyKind}`;
  const partyKind = r();
  const district = pick(r, DISTRICTS);
  const target =
    partyKind < 0.6
      ? `${CITIES[city]}市${tradeName(r)}${pick(r, TRADES)}有限公司`
      : partyKind < 0.85
        ? `${district}${tradeName(r)}${pick(r, SHOPS)}`
        : `${pick(r, SURNAMES)}某某`;
  const decidedMs = now - Math.floor(r() * 5 * 365 * 86_400_000);
  const year = new Date(decidedMs).getUTCFullYear();
  const decisionNumber = `${CITIES[city].slice(0, 1)}${abbr}${category === 'permit' ? '许' : '罚'}〔${year}〕${(i % 99_991) + 1}号`;
  const violation = pick(r, violations);
  const conclusion =
    category === 'permit'
      ? '准予行政许可'
      : category === 'penalty'
        ? `警告，罚款人民币${pick(r, NUMERALS)}元${r() < 0.3 ? '，没收违法所得' : ''}`
        : category === 'coercive-measure'
          ? '查封涉案场所、设施、财物'
          : '责令限期改正';
  const fullText = category === 'permit' || category === 'expropriation' || r() < 0.2;
  const head = `行政执法决定书文号：${decisionNumber}\n执法主体：${agencyName}\n执法对象：${target}\n执法类别：${category}\n`;
  const body = fullText
    ? `${head}经查，当事人于${year}年在${CITIES[city]}市${district}经营期间，存在${violation}的行为。上述事实有现场检查笔录、询问笔录、` +
      `视听资料、当事人营业执照复印件等证据证实。当事人的行为违反了${basis}的规定。本机关在作出决定前已告知当事人拟作出决定的事实、` +
      `理由、依据及其依法享有的陈述、申辩权利，当事人在法定期限内${r() < 0.5 ? '未提出陈述、申辩' : '提出了陈述、申辩，经复核不予采纳'}。` +
      `依据${basis}的规定，决定如下：${conclusion}。当事人应当自收到本决定书之日起十五日内履行；逾期不履行的，本机关将依法申请人民法院强制执行。` +
      `当事人如不服本决定，可以在收到本决定书之日起六十日内向${CITIES[city]}市人民政府申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。`
    : `${head}主要违法事实：${violation}\n执法依据：${basis}\n执法结论：${conclusion}\n执法日期：${new Date(decidedMs).toISOString().slice(0, 10)}`;
  return {
    id: `bench:${i}`,
    decisionNumber,
    agencyId: `agency-${city}-${kind}`,
    agencyName,
    category,
    target,
    decidedOn: new Date(decidedMs).toISOString().slice(0, 10),
    publishedAt: new Date(decidedMs + Math.floor(r() * 7 * 86_400_000)).toISOString(),
    mode: fullText ? 'full-text' : 'abstract',
    body,
  };
}

/**
 * The query mix, by how much of the table a query matches: broad words in most items, words of one agency kind or
 * violation (a few per cent), a party's trade name (one in thousands), two words together, a decision number, and a
 * word in no item.
 */
function queries(count, seed = 7) {
  const r = rng(seed);
  const gen = [
    ['broad', () => pick(r, ['罚款', '有限公司', '执法结论', '行政许可', '当事人'])],
    ['one kind', () => pick(r, KINDS)[0]],
    ['violation', () => pick(r, pick(r, KINDS)[2])],
    ['party', () => `${tradeName(r)}${pick(r, TRADES)}`],
    ['two words', () => `${pick(r, CITIES)}市 ${pick(r, pick(r, KINDS)[2]).slice(0, 4)}`],
    ['decision no', () => `〔${2022 + Math.floor(r() * 4)}〕${1 + Math.floor(r() * 99_991)}号`],
    ['no match', () => pick(r, ['量子纠缠', '航天发射', '深海勘探', '火星基地'])],
  ];
  return Array.from({ length: count }, (_, n) => {
    const [kind, make] = gen[n % gen.length];
    return { kind, q: make() };
  });
}

module.exports = { item, queries };
