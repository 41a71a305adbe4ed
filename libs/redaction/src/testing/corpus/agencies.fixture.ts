import type { City, Region } from './personal-values.fixture';
import { pad, type SeededRandom } from './seeded-random';

/** Agencies of many kinds, each with the violations, findings and laws its decisions typically cite. */
export interface AgencyKind {
  name: string;
  caseTag: string;
  violations: string[];
  laws: string[];
}

export const AGENCY_KINDS: AgencyKind[] = [
  {
    name: '市场监督管理局',
    caseTag: '市监罚',
    violations: [
      '销售超过保质期的食品',
      '未取得食品经营许可从事食品经营活动',
      '销售不合格电动自行车',
      '虚假宣传商品功效',
      '未明码标价',
    ],
    laws: ['《中华人民共和国食品安全法》', '《中华人民共和国反不正当竞争法》', '《中华人民共和国价格法》'],
  },
  {
    name: '生态环境局',
    caseTag: '环罚',
    violations: ['未批先建', '超标排放大气污染物', '未按规定贮存危险废物', '噪声超标扰民'],
    laws: [
      '《中华人民共和国大气污染防治法》',
      '《中华人民共和国固体废物污染环境防治法》',
      '《中华人民共和国环境影响评价法》',
    ],
  },
  {
    name: '交通运输局',
    caseTag: '交执罚',
    violations: [
      '未取得道路运输经营许可擅自从事道路运输经营',
      '货运车辆超限运输',
      '出租汽车巡游揽客不按规定使用计价器',
    ],
    laws: ['《中华人民共和国道路运输条例》', '《公路安全保护条例》'],
  },
  {
    name: '城市管理综合执法局',
    caseTag: '城管罚',
    violations: ['未经批准擅自设置户外广告', '违规倾倒建筑垃圾', '占道经营', '未取得建设工程规划许可证进行建设'],
    laws: ['《城市市容和环境卫生管理条例》', '《中华人民共和国城乡规划法》'],
  },
  {
    name: '自然资源和规划局',
    caseTag: '自然资罚',
    violations: ['非法占用耕地建房', '未经批准擅自采矿', '擅自改变土地用途'],
    laws: ['《中华人民共和国土地管理法》', '《中华人民共和国矿产资源法》'],
  },
  {
    name: '应急管理局',
    caseTag: '应急罚',
    violations: ['未按规定对从业人员进行安全生产教育和培训', '特种作业人员未持证上岗', '未建立事故隐患排查治理制度'],
    laws: ['《中华人民共和国安全生产法》'],
  },
  {
    name: '卫生健康委员会',
    caseTag: '卫健罚',
    violations: [
      '未取得医疗机构执业许可证擅自执业',
      '使用非卫生技术人员从事医疗卫生技术工作',
      '公共场所未取得卫生许可证',
    ],
    laws: ['《医疗机构管理条例》', '《公共场所卫生管理条例》'],
  },
  {
    name: '税务局稽查局',
    caseTag: '税稽罚',
    violations: ['少缴个人所得税', '未按规定开具发票', '逾期未申报'],
    laws: ['《中华人民共和国税收征收管理法》', '《中华人民共和国发票管理办法》'],
  },
  {
    name: '公安局交通警察支队',
    caseTag: '公交罚',
    violations: ['驾驶机动车超速行驶', '驾驶机动车违反道路交通信号灯通行', '饮酒后驾驶机动车'],
    laws: ['《中华人民共和国道路交通安全法》'],
  },
  {
    name: '农业农村局',
    caseTag: '农罚',
    violations: ['经营假农药', '未按规定使用兽药', '在禁渔期内捕捞'],
    laws: ['《农药管理条例》', '《中华人民共和国渔业法》'],
  },
];

export interface Agency {
  kind: AgencyKind;
  region: Region;
  city: City;
  /** e.g. 衡阳市市场监督管理局 */
  name: string;
  caseNumber(year: number): string;
}

export function agency(r: SeededRandom, region: Region, city: City): Agency {
  const kind = r.pick(AGENCY_KINDS);
  return {
    kind,
    region,
    city,
    name: city.city + kind.name,
    caseNumber: (year) => {
      const serial = r.int(1, 999);
      return r.pick([
        `${city.abbr}${kind.caseTag}〔${year}〕${serial}号`,
        `${region.short}${city.abbr}${kind.caseTag.slice(-1)}〔${year}〕${serial}号`,
        `${city.abbr}${kind.caseTag}字〔${year}〕第${pad(serial, 4)}号`,
        `${city.abbr}${kind.caseTag}〔${year}〕${city.code}00${year}${pad(serial, 6)}号`,
        `${city.abbr}${kind.caseTag}[${year}]${serial}号`,
      ]);
    },
  };
}

/** An officer's certificate number (执法证号): province code and serials, published with the officer. */
export function officerCertificate(r: SeededRandom, city: City): string {
  return r.pick([
    `${city.code}${r.digits(7)}`,
    `${city.code}00${r.digits(8)}`,
    `${city.code.slice(0, 2)}${r.digits(9)}`,
  ]);
}

export const COMPANY_WORDS = [
  '恒通',
  '鑫源',
  '华盛',
  '永兴',
  '湘江',
  '宏达',
  '天和',
  '金穗',
  '百佳',
  '福临门',
  '王府井',
  '张氏',
  '李记',
  '刘家',
];
export const COMPANY_KINDS = [
  '商贸有限公司',
  '食品有限公司',
  '建材有限责任公司',
  '运输有限公司',
  '医药连锁有限公司',
  '环保科技有限公司',
  '百货股份有限公司',
  '农业专业合作社',
];
export const SHOP_KINDS = ['小吃店', '便利店', '五金店', '副食店', '诊所', '粉店', '烟酒商行', '汽车修理部'];
