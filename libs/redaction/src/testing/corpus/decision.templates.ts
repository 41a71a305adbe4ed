import type { RedactionContext } from '../../personal-data.types';
import { LabelledTextBuilder, type LabelledText } from '../labelled-text';
import { COMPANY_KINDS, COMPANY_WORDS, SHOP_KINDS, type Agency } from './agencies.fixture';
import {
  Cast,
  writeAgencyAccount,
  writeAgencyContacts,
  writeBankCard,
  writeId,
  writeLandline,
  writeMobile,
  writeNaturalParty,
  writeOfficers,
} from './cast.fixture';
import { writeOtherPersons } from './other-persons.fixture';
import { businessAddress, corporateAccount, plate, uscc } from './personal-values.fixture';
import type { SeededRandom } from './seeded-random';
import { formatDate, formatPlate } from './value-format.fixture';

export type PartyShape = 'natural-person' | 'individual-business' | 'organisation';

/** Writes the party block and returns what a caller would pass as context. */
export function writeParty(
  b: LabelledTextBuilder,
  r: SeededRandom,
  cast: Cast,
  shape: PartyShape,
  role = '当事人',
): RedactionContext['party'] {
  const agency = cast.agency;
  if (shape === 'natural-person') {
    const p = cast.person();
    writeNaturalParty(b, r, p, role);
    return { name: p.name, kind: 'natural-person' };
  }
  if (shape === 'individual-business') {
    const owner = cast.person();
    const trade = `${agency.city.city}${r.pick(agency.city.districts)}${r.pick(COMPANY_WORDS)}${r.pick(SHOP_KINDS)}`;
    b.t(`${role}：${trade}${r.pick(['（个体工商户）', '', '（个体户）'])}\n`);
    b.t(`统一社会信用代码：${uscc(r, agency.city, '92')}\n`);
    b.t(`经营场所：${businessAddress(r, agency)}\n`);
    b.t(r.pick(['经营者：', '经营者', '法定代表人（经营者）：']));
    b.pii('person-name', owner.name);
    b.t(r.pick(['，身份证号码：', '，公民身份号码：']));
    writeId(b, r, owner.id);
    b.t(r.pick(['，住址：', '，家庭住址：', '，住所：'])).pii('address', owner.home);
    b.t('，联系电话：');
    writeMobile(b, r, owner.mobile);
    b.t('\n');
    return { name: trade, kind: 'individual-business' };
  }
  const company = `${agency.city.city}${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_KINDS)}`;
  b.t(
    `${role}：${company}\n${r.pick(['统一社会信用代码', '社会信用代码', '统一社会信用代码（注册号）'])}：${uscc(r, agency.city, r.pick(['91', '91', '12', '93']))}\n`,
  );
  b.t(`${r.pick(['住所', '注册地址', '经营场所', '住所地'])}：${businessAddress(r, agency)}\n`);
  b.t(`${r.pick(['法定代表人', '负责人'])}：${cast.name()}\n`);
  b.t('联系电话：');
  if (r.chance(0.5)) writeLandline(b, r, agency.city);
  else writeMobile(b, r, cast.person().mobile);
  b.t('\n');
  if (r.chance(0.35)) {
    b.t(`开户银行：${r.pick(['中国建设银行', '中国农业银行', '长沙银行', '交通银行'])}${agency.city.city}支行，账号：`);
    b.pii('bank-card', corporateAccount(r));
    b.t('\n');
  }
  return { name: company, kind: 'organisation' };
}

function header(b: LabelledTextBuilder, agency: Agency, title: string, caseNo: string): void {
  b.t(`${agency.name}\n${title}\n${caseNo}\n\n`);
}

function decisionDate(r: SeededRandom): { year: number; month: number; day: number } {
  return { year: r.int(2023, 2026), month: r.int(1, 12), day: r.int(1, 28) };
}

/** 行政处罚决定书 — full text of a penalty decision. */
export function penaltyDecision(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  header(b, agency, r.pick(['行政处罚决定书', '行 政 处 罚 决 定 书']), agency.caseNumber(date.year));
  const party = writeParty(
    b,
    r,
    cast,
    r.pick(['natural-person', 'natural-person', 'individual-business', 'organisation']),
  );
  if (r.chance(0.3)) writeOtherPersons(b, r, cast, 1);
  const violation = r.pick(agency.kind.violations);
  b.t(`\n${formatDate(r, date)}，本机关执法人员在日常检查中发现当事人涉嫌${violation}，经批准于当日立案调查。\n`);
  b.t(
    `经查，当事人自${date.year - 1}年起${violation}，违法所得${r.int(200, 90000)}元，货值金额${r.int(1000, 200000)}.${r.int(0, 99)}元。`,
  );
  if (r.chance(0.3))
    b.t(`涉案车辆号牌为`)
      .pii('plate', formatPlate(r, plate(r, agency.region.short)))
      .t('。');
  b.t('\n');
  writeOtherPersons(b, r, cast, r.int(1, 3));
  b.t(`上述事实，有现场检查笔录、询问笔录、证人证言、营业执照复印件等证据证实。\n`);
  b.t(
    `本机关认为，当事人的行为违反了${r.pick(agency.kind.laws)}第${r.int(2, 130)}条的规定。依据该法第${r.int(2, 130)}条，本机关决定：\n`,
  );
  b.t(`一、没收违法所得；\n二、罚款人民币${r.pick(['', '（大写）'])}${r.int(1, 50) * 1000}元。\n`);
  const officers = cast.officers();
  writeAgencyAccount(b, r, agency, corporateAccount(r));
  b.t(
    `当事人如不服本决定，可以在收到本决定书之日起六十日内向${agency.city.city}人民政府申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。\n`,
  );
  writeAgencyContacts(b, r, agency, officers[0].name);
  writeOfficers(b, r, officers);
  b.t(`\n${agency.name}\n${formatDate(r, date)}\n`);
  return b.build(id, 'penalty-decision', { party, officers: officers.map((o) => o.name) });
}

/** 行政许可决定书 — permit decision; published in full, personal data still hidden. */
export function permitDecision(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  header(
    b,
    agency,
    r.pick(['准予行政许可决定书', '行政许可决定书']),
    `${agency.city.abbr}许准字〔${date.year}〕${r.int(1, 800)}号`,
  );
  const party = writeParty(b, r, cast, r.pick(['natural-person', 'individual-business', 'organisation']), '申请人');
  if (r.chance(0.5)) writeOtherPersons(b, r, cast, 1);
  const permit = r.pick(['食品经营许可', '道路货物运输经营许可', '建设工程规划许可', '公共场所卫生许可', '排污许可']);
  b.t(
    `\n你（单位）于${formatDate(r, { ...date, day: Math.max(1, date.day - 5) })}提出的${permit}申请，本机关已于当日受理（受理编号：${date.year}${r.digits(10)}）。`,
  );
  b.t(
    `经审查，申请材料齐全，符合法定形式，根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。\n`,
  );
  b.t(
    `许可证编号：${r.pick(['JY1', 'JY2', '湘交运管许可衡字', 'PW'])}${r.digits(13)}，有效期至${date.year + 5}年${date.month}月${date.day}日。\n`,
  );
  if (r.chance(0.4)) {
    b.t('许可车辆号牌：').pii('plate', formatPlate(r, plate(r, agency.region.short)));
    if (r.chance(0.5)) b.t('、').pii('plate', formatPlate(r, plate(r, agency.region.short)));
    b.t('。\n');
  }
  const officers = cast.officers();
  writeAgencyContacts(b, r, agency, officers[0].name);
  b.t(`\n${agency.name}（印章）\n${formatDate(r, date)}\n`);
  return b.build(id, 'permit-decision', { party, officers: officers.map((o) => o.name) });
}

/** 查封（扣押）决定书 — coercive measure: vehicles, premises, property certificates. */
export function seizureDecision(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  header(
    b,
    agency,
    r.pick(['查封（扣押）决定书', '实施行政强制措施决定书', '扣押决定书']),
    agency.caseNumber(date.year).replace('罚', '强'),
  );
  const party = writeParty(b, r, cast, r.pick(['natural-person', 'individual-business', 'organisation']));
  b.t(
    `\n因你（单位）涉嫌${r.pick(agency.kind.violations)}，依据${r.pick(agency.kind.laws)}的规定，本机关决定对下列财物实施查封（扣押）：\n`,
  );
  const items = r.int(1, 3);
  for (let i = 1; i <= items; i++) {
    b.t(`${i}. `);
    const roll = r.next();
    if (roll < 0.4) {
      b.t(r.pick(['车辆一台，号牌号码：', '号牌为', '机动车（车牌号']));
      b.pii(
        'plate',
        formatPlate(r, plate(r, r.chance(0.85) ? agency.region.short : r.pick(['粤', '赣', '鄂', '川', '京']))),
      );
      b.t(`，车架号：LSV${r.pick(['AM', 'CF', 'DN'])}4${r.digits(12)}；\n`);
    } else if (roll < 0.75) {
      b.t(`位于${businessAddress(r, agency)}的房屋一处（`);
      writePropertyCertificate(b, r, agency);
      b.t('）；\n');
    } else {
      b.t(`涉案物品${r.int(2, 300)}件，存放于${businessAddress(r, agency)}仓库；\n`);
    }
  }
  if (r.chance(0.6)) {
    b.t(r.pick(['见证人：', '见证人', '在场人：']));
    b.pii('person-name', cast.name());
    b.t('\n');
  }
  writeOtherPersons(b, r, cast, r.int(0, 2));
  b.t(
    `查封（扣押）期限为三十日，自${formatDate(r, date)}起至${formatDate(r, { ...date, month: date.month === 12 ? 12 : date.month + 1 })}止。\n`,
  );
  const officers = cast.officers();
  writeOfficers(b, r, officers);
  writeAgencyContacts(b, r, agency, officers[1].name);
  b.t(`\n${agency.name}\n${formatDate(r, date)}\n`);
  return b.build(id, 'seizure-decision', { party, officers: officers.map((o) => o.name) });
}

export function writePropertyCertificate(b: LabelledTextBuilder, r: SeededRandom, agency: Agency): void {
  const year = r.int(2016, 2025);
  const [open, close] = r.pick([
    ['(', ')'],
    ['（', '）'],
    ['〔', '〕'],
  ]);
  const roll = r.next();
  if (roll < 0.6) {
    b.t(r.pick(['不动产权证号：', '不动产权证书号：', '不动产权证号为', '']));
    b.pii(
      'property-certificate',
      `${agency.region.short}${open}${year}${close}${agency.city.city}不动产权第${r.digits(7)}号`,
    );
  } else if (roll < 0.85) {
    b.t(r.pick(['房产证号：', '房屋所有权证号：', '房产证号为']));
    b.pii(
      'property-certificate',
      `${agency.city.abbr}房权证${r.pick(agency.city.districts).slice(0, 2)}字第${r.digits(r.pick([8, 9]))}号`,
    );
  } else {
    b.t(r.pick(['土地证号：', '土地使用权证号：']));
    b.pii('property-certificate', `${agency.city.abbr}国用${open}${year - 8}${close}第${r.digits(5)}号`);
  }
}

export { writeBankCard };
