import { idCheckCharacter } from '../../checks/id-number.check';
import { luhnCheckDigit } from '../../checks/luhn.check';
import { usccCheckCharacter } from '../../checks/uscc.check';
import { pad, type SeededRandom } from './seeded-random';

/**
 * Invented personal values for the synthetic corpus. Names are drawn from a surname list typed for the generator
 * (weighted roughly by frequency, with rarer and compound surnames the detector's list may lack) and common
 * given-name characters; numbers are random with valid check characters. None describes a real person.
 */
const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const LESS_COMMON =
  '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳';
const RARE = '仝佘芮笪亓禚逄滑揭浦晁郗蹇璩昌酆';
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '皇甫', '慕容', '令狐', '司徒', '夏侯', '尉迟', '公孙', '东方'];
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏飞斌宇浩凯健俊帆帅旭宁龙林欢阳晨瑞博亮兵峰雪琳晶颖倩婷欣怡佳子涵梓轩泽宏志国德福海东波春梅兰凤丹鑫蕾莉琴燕云慧翠金银成才永学生新光荣祥忠民安和家贵庆发清昌友先连良宝全振武思雨诗若嘉铭一小晓立树松柏桃菊秋冬益寿长';

export function personName(r: SeededRandom): string {
  const roll = r.next();
  const surname =
    roll < 0.03
      ? r.pick(COMPOUND)
      : roll < 0.05
        ? r.pick([...RARE])
        : roll < 0.25
          ? r.pick([...LESS_COMMON])
          : r.pick([...COMMON_SURNAMES]);
  const given = r.chance(0.72) ? r.pick([...GIVEN]) + r.pick([...GIVEN]) : r.pick([...GIVEN]);
  return surname + given;
}

/** 张某某 / 李* / 王×× — a name a clerk already hid; only the surname is left. */
export function maskedName(r: SeededRandom): string {
  const surname = r.pick([...COMMON_SURNAMES]);
  return surname + r.pick(['某', '某某', '*', '**', '××', 'X', '某甲']);
}

export interface City {
  city: string;
  code: string;
  abbr: string;
  area: string;
  districts: readonly string[];
}

export interface Region {
  province: string;
  short: string;
  code: string;
  cities: readonly City[];
}

export const REGIONS: readonly Region[] = [
  {
    province: '湖南省',
    short: '湘',
    code: '43',
    cities: [
      {
        city: '长沙市',
        code: '4301',
        abbr: '长',
        area: '0731',
        districts: ['岳麓区', '芙蓉区', '天心区', '开福区', '雨花区', '望城区'],
      },
      {
        city: '衡阳市',
        code: '4304',
        abbr: '衡',
        area: '0734',
        districts: ['蒸湘区', '石鼓区', '雁峰区', '珠晖区', '衡阳县', '衡南县'],
      },
      { city: '株洲市', code: '4302', abbr: '株', area: '0731', districts: ['天元区', '芦淞区', '荷塘区', '醴陵市'] },
      { city: '岳阳市', code: '4306', abbr: '岳', area: '0730', districts: ['岳阳楼区', '云溪区', '君山区', '华容县'] },
      { city: '常德市', code: '4307', abbr: '常', area: '0736', districts: ['武陵区', '鼎城区', '津市市', '桃源县'] },
    ],
  },
  {
    province: '江西省',
    short: '赣',
    code: '36',
    cities: [
      {
        city: '南昌市',
        code: '3601',
        abbr: '洪',
        area: '0791',
        districts: ['东湖区', '西湖区', '青山湖区', '红谷滩区'],
      },
    ],
  },
  {
    province: '湖北省',
    short: '鄂',
    code: '42',
    cities: [
      { city: '武汉市', code: '4201', abbr: '汉', area: '027', districts: ['江岸区', '武昌区', '洪山区', '汉阳区'] },
    ],
  },
  {
    province: '广东省',
    short: '粤',
    code: '44',
    cities: [
      { city: '广州市', code: '4401', abbr: '穗', area: '020', districts: ['天河区', '越秀区', '海珠区', '白云区'] },
    ],
  },
  {
    province: '北京市',
    short: '京',
    code: '11',
    cities: [
      { city: '北京市', code: '1101', abbr: '京', area: '010', districts: ['朝阳区', '海淀区', '丰台区', '西城区'] },
    ],
  },
];

export function place(r: SeededRandom): { region: Region; city: City } {
  const region = r.chance(0.7) ? REGIONS[0] : r.pick(REGIONS);
  return { region, city: r.pick(region.cities) };
}

const ROADS = [
  '解放路',
  '人民中路',
  '蒸湘北路',
  '芙蓉中路',
  '韶山南路',
  '建设大道',
  '先锋路',
  '船山大道',
  '滨江路',
  '八一路',
  '中山东路',
  '五一大道',
  '长丰街',
  '文化路',
  '光明巷',
  '新华西街',
];
const ESTATES = ['阳光小区', '金色家园', '锦绣华庭', '湘江花园', '城南公寓', '绿城名苑', '职工宿舍', '枫林小区'];
const TOWNS = ['花桥镇', '洪市镇', '樟树乡', '新塘镇', '白沙镇', '金兰镇'];
const VILLAGES = ['联合村', '新民村', '石塘村', '胜利村', '枫树村', '高峰村'];

/** A home address: street and flat in town, or village and group in the country; province and city optional. */
export function homeAddress(r: SeededRandom, where = place(r)): string {
  const province = r.chance(0.5) && where.region.province !== where.city.city ? where.region.province : '';
  const head = province + where.city.city + r.pick(where.city.districts);
  if (r.chance(0.3)) return `${head}${r.pick(TOWNS)}${r.pick(VILLAGES)}${r.int(1, 12)}组${r.int(1, 80)}号`;
  const street = `${r.pick(ROADS)}${r.int(1, 399)}号`;
  const flat = r.pick([
    `${r.pick(ESTATES)}${r.int(1, 20)}栋${r.int(1, 4)}单元${r.int(1, 28)}0${r.int(1, 4)}室`,
    `${r.int(1, 12)}栋${r.int(101, 2804)}室`,
    `${r.pick(ESTATES)}${r.int(1, 30)}幢${r.int(101, 1802)}号`,
    '',
  ]);
  return head + street + flat;
}

export function businessAddress(r: SeededRandom, where = place(r)): string {
  return `${where.city.city}${r.pick(where.city.districts)}${r.pick(ROADS)}${r.int(1, 399)}号${r.pick(['', '门面', '一楼', `${r.int(1, 5)}楼`, '综合楼'])}`;
}

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

export function birthDate(r: SeededRandom, minYear = 1950, maxYear = 2006): BirthDate {
  const year = r.int(minYear, maxYear);
  const month = r.int(1, 12);
  return { year, month, day: r.int(1, month === 2 ? 28 : 30) };
}

/** A valid 18-character ID number for someone born on `birth` in `city`. */
export function idNumber(r: SeededRandom, birth: BirthDate, city: City): string {
  const body = `${city.code}${pad(r.int(1, 30), 2)}${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${r.digits(3)}`;
  return body + idCheckCharacter(body);
}

/** A 15-digit ID of the 1989 format (no check character). */
export function oldIdNumber(r: SeededRandom, birth: BirthDate, city: City): string {
  return `${city.code}${pad(r.int(1, 30), 2)}${pad(birth.year % 100, 2)}${pad(birth.month, 2)}${pad(birth.day, 2)}${r.digits(3)}`;
}

export function mobile(r: SeededRandom): string {
  const prefix = r.pick([
    '130',
    '131',
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '147',
    '150',
    '151',
    '152',
    '155',
    '157',
    '158',
    '159',
    '166',
    '173',
    '177',
    '180',
    '181',
    '186',
    '187',
    '189',
    '191',
    '198',
    '199',
  ]);
  return prefix + r.digits(8);
}

export function landlineLocal(r: SeededRandom, area: string): string {
  return String(r.int(2, 8)) + r.digits(area.length === 3 ? 7 : 6);
}

/** A UnionPay debit card: 62 + issuer + account, 16 or 19 digits with a Luhn check digit. */
export function bankCard(r: SeededRandom): string {
  const body =
    r.pick(['621700', '622202', '622848', '621661', '622588', '623058', '621483']) + r.digits(r.chance(0.7) ? 12 : 9);
  return body + luhnCheckDigit(body);
}

/** A corporate account (对公账户): bank-specific length, no Luhn. */
export function corporateAccount(r: SeededRandom): string {
  return r.pick(['4305', '1904', '1901', '4300', '8101']) + r.digits(r.pick([12, 14, 15, 16, 18]));
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid unified social credit code (GB 32100) with a valid embedded organisation code (GB 11714). */
export function uscc(r: SeededRandom, city: City, kind: '91' | '92' | '12' | '93' = '91'): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += r.chance(0.35) ? r.pick([...'ABCDEFGHJKLMNPQRTUWXY']) : String(r.int(0, 9));
  if (kind === '12') org = org.replace(/[A-Z]/g, () => String(r.int(0, 9)));
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = org.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  org += check === 10 ? 'X' : check === 11 ? '0' : String(check);
  if (![...org].every((c) => USCC_ALPHABET.includes(c))) return uscc(r, city, kind);
  const body = `${kind}${city.code}00${org}`;
  return body + usccCheckCharacter(body);
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function plate(r: SeededRandom, short: string): string {
  const office = r.pick([...'ABCDEFGHJK']);
  const roll = r.next();
  if (roll < 0.2)
    return `${short}${office}${r.pick([...'DF'])}${r.chance(0.5) ? r.pick([...PLATE_LETTERS]) : r.int(0, 9)}${r.digits(4)}`;
  if (roll < 0.25) return `${short}${office}${r.digits(5)}${r.pick([...'DF'])}`;
  if (roll < 0.33) return `${short}${office}${r.digits(4)}${r.pick(['挂', '学', '警'])}`;
  if (roll < 0.5) return `${short}${office}${r.pick([...PLATE_LETTERS])}${r.digits(4)}`;
  return `${short}${office}${r.digits(5)}`;
}
