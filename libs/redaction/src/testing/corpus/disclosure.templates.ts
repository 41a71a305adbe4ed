import { LabelledTextBuilder, type LabelledText } from '../labelled-text';
import type { Agency } from './agencies.fixture';
import {
  Cast,
  writeAgencyAccount,
  writeAgencyContacts,
  writeBankCard,
  writeId,
  writeMobile,
  writeOfficers,
} from './cast.fixture';
import { writeParty, writePropertyCertificate } from './decision.templates';
import { writeOtherPersons } from './other-persons.fixture';
import { corporateAccount, homeAddress, plate, uscc } from './personal-values.fixture';
import type { SeededRandom } from './seeded-random';
import { formatDate, formatId, formatPlate } from './value-format.fixture';

function decisionDate(r: SeededRandom): { year: number; month: number; day: number } {
  return { year: r.int(2023, 2026), month: r.int(1, 12), day: r.int(1, 28) };
}

/** 行政检查结果公示 — inspection result: target, time, inspectors, accompanying people, findings. */
export function inspectionResult(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  b.t(`${agency.name}${r.pick(['行政检查结果公示', '监督检查结果告知书', '现场检查情况'])}\n`);
  const party = writeParty(
    b,
    r,
    cast,
    r.pick(['natural-person', 'individual-business', 'organisation', 'organisation']),
    r.pick(['被检查人', '检查对象', '被检查单位']),
  );
  b.t(`检查时间：${formatDate(r, date)}\n检查依据：${r.pick(agency.kind.laws)}\n`);
  const officers = cast.officers();
  b.t(`检查人员：${officers.map((o) => o.name).join('、')}\n`);
  writeOtherPersons(b, r, cast, r.int(1, 2));
  b.t(`检查结果：${r.pick(['未发现违法行为', '发现问题2项，已责令限期整改', '基本符合要求，存在安全隐患1处'])}。\n`);
  if (r.chance(0.4)) b.t(`整改期限：${formatDate(r, { ...date, day: Math.min(28, date.day + 10) })}前。\n`);
  writeAgencyContacts(b, r, agency, officers[0].name);
  return b.build(id, 'inspection-result', { party, officers: officers.map((o) => o.name) });
}

/** 房屋征收决定 / 征收补偿决定 — expropriation: owner, property, compensation account. */
export function expropriationDecision(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  b.t(
    `${agency.city.city}${r.pick(agency.city.districts)}人民政府\n${r.pick(['房屋征收补偿决定书', '国有土地上房屋征收补偿决定', '征收决定'])}\n`,
  );
  b.t(`${agency.city.abbr}征补字〔${date.year}〕${r.int(1, 90)}号\n\n`);
  const party = writeParty(b, r, cast, r.chance(0.8) ? 'natural-person' : 'organisation', '被征收人');
  b.t(`被征收房屋坐落于${homeAddress(r, agency)}，`);
  writePropertyCertificate(b, r, agency);
  b.t(`，建筑面积${r.int(40, 180)}.${r.int(10, 99)}平方米。\n`);
  writeOtherPersons(b, r, cast, r.int(0, 2));
  b.t(
    `因${r.pick(['棚户区改造', '城市道路建设', '旧城区改建'])}需要，经评估，被征收房屋补偿金额为人民币${r.int(20, 300) * 10000}元。`,
  );
  b.t(r.pick(['补偿款将存入被征收人账户（开户行：中国农业银行', '补偿款汇入被征收人指定银行卡（中国邮政储蓄银行']));
  b.t(`${agency.city.city}支行，卡号：`);
  writeBankCard(b, r);
  b.t('）。\n');
  b.t(
    `被征收人对本决定不服的，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。\n${formatDate(r, date)}\n`,
  );
  return b.build(id, 'expropriation-decision', { party });
}

/** 行政处罚信息公示 (abstract mode) — decision number, party, ID masked or not, reason, result, date. */
export function abstractTable(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const rows = r.int(2, 5);
  const tab = r.chance(0.5);
  const cell = (s: string) => (tab ? `${s}\t` : `| ${s} `);
  const end = tab ? '\n' : '|\n';
  b.t(`${agency.name}行政处罚信息公示（${r.pick(['第一批', '第二季度', '本月'])}）\n`);
  b.t(['决定书文号', '当事人名称', '证件号码', '处罚事由', '处罚内容', '决定日期'].map(cell).join('') + end);
  for (let i = 0; i < rows; i++) {
    const date = decisionDate(r);
    b.t(cell(agency.caseNumber(date.year)));
    if (r.chance(0.55)) {
      const p = cast.person();
      b.t(cell(r.chance(0.3) ? `${p.name.slice(0, 1)}某某` : p.name));
      b.t(tab ? '' : '| ');
      const formatted = formatId(r, p.id);
      b.pii('id-number', formatted.text);
      b.t(tab ? '\t' : ' ');
    } else {
      b.t(cell(`${agency.city.city}${r.pick(['恒达', '利民', '王府井'])}${r.pick(['商贸有限公司', '超市'])}`));
      b.t(cell(uscc(r, agency.city)));
    }
    b.t(cell(r.pick(agency.kind.violations)));
    b.t(cell(`罚款${r.int(1, 100) * 500}元`));
    b.t(cell(formatDate(r, date)) + end);
  }
  b.t(`公示机关：${agency.name}\u3000公示期限：${r.pick(['2年', '5年'])}\n`);
  return b.build(id, 'abstract-table');
}

/** 公安交管-like simple-procedure decision: the driver is the party; licence number is the ID number. */
export function trafficDecision(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  const p = cast.person(1960, 2003);
  b.t(
    `${agency.city.city}公安局交通警察支队\n公安交通管理简易程序处罚决定书\n编号：${agency.city.code}00${r.digits(12)}\n`,
  );
  b.t(`被处罚人：${p.name}\n${r.pick(['驾驶证号', '机动车驾驶证号', '身份证明号码'])}：`);
  writeId(b, r, p.id);
  b.t(`\n档案编号：${agency.city.code}${r.digits(8)}\n联系方式：`);
  writeMobile(b, r, p.mobile);
  b.t(`\n车辆牌号：`).pii('plate', formatPlate(r, plate(r, agency.region.short)));
  b.t(
    `\n被处罚人于${formatDate(r, date)}${r.int(0, 23)}时${r.int(0, 59)}分，在${agency.city.city}${r.pick(agency.city.districts)}${r.pick(['解放路与先锋路交叉口', '京港澳高速K1567+300处'])}实施${r.pick(['驾驶机动车超速行驶', '违反道路交通信号灯通行', '机动车违反规定停放'])}的违法行为。`,
  );
  b.t(
    `依据《中华人民共和国道路交通安全法》第九十条，决定予以罚款${r.pick([100, 150, 200])}元，记${r.pick([3, 6, 12])}分。\n`,
  );
  if (r.chance(0.4)) writeOtherPersons(b, r, cast, 1);
  const officers = cast.officers();
  writeAgencyAccount(b, r, agency, corporateAccount(r));
  writeOfficers(b, r, officers.slice(0, 1));
  return b.build(id, 'traffic-decision', {
    party: { name: p.name, kind: 'natural-person' },
    officers: [officers[0].name],
  });
}

/** 税务行政处罚决定书 — the taxpayer identification number is a USCC for organisations, the ID for persons. */
export function taxDecision(r: SeededRandom, agency: Agency, id: string): LabelledText {
  const b = new LabelledTextBuilder();
  const cast = new Cast(r, agency);
  const date = decisionDate(r);
  b.t(
    `国家税务总局${agency.city.city}税务局稽查局\n税务行政处罚决定书\n${agency.city.abbr}税稽罚〔${date.year}〕${r.int(1, 300)}号\n`,
  );
  const natural = r.chance(0.5);
  if (natural) {
    const p = cast.person();
    b.t(`纳税人名称：${p.name}\n纳税人识别号：`);
    writeId(b, r, p.id);
    b.t(`\n${r.pick(['住址', '家庭住址', '联系地址'])}：`).pii('address', p.home);
    b.t('\n');
  } else {
    b.t(
      `纳税人名称：${agency.city.city}${r.pick(['鑫源', '宏达'])}贸易有限公司\n纳税人识别号：${uscc(r, agency.city)}\n`,
    );
  }
  b.t(
    `经我局检查，你${natural ? '' : '单位'}${formatDate(r, { ...date, year: date.year - 1 })}至${formatDate(r, date)}期间${r.pick(agency.kind.violations)}，少缴税款${r.int(1000, 900000)}.${r.int(10, 99)}元。\n`,
  );
  writeOtherPersons(b, r, cast, r.int(0, 2));
  b.t(`根据《中华人民共和国税收征收管理法》第六十三条，对你${natural ? '' : '单位'}处少缴税款百分之五十的罚款。\n`);
  const officers = cast.officers();
  writeAgencyAccount(b, r, agency, corporateAccount(r));
  writeOfficers(b, r, officers);
  return b.build(id, 'tax-decision', { officers: officers.map((o) => o.name) });
}

export { writeMobile };
