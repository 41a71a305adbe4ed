import type { LabelledTextBuilder } from '../labelled-text';
import { officerCertificate, type Agency } from './agencies.fixture';
import {
  bankCard,
  birthDate,
  homeAddress,
  idNumber,
  landlineLocal,
  maskedName,
  mobile,
  oldIdNumber,
  personName,
  type BirthDate,
  type City,
} from './personal-values.fixture';
import type { SeededRandom } from './seeded-random';
import { formatCard, formatDate, formatId, formatLandline, formatMobile } from './value-format.fixture';

export interface Person {
  name: string;
  male: boolean;
  birth: BirthDate;
  id: string;
  home: string;
  mobile: string;
  city: City;
}

/** The people of one document; names never repeat or nest inside each other, so labels stay unambiguous. */
export class Cast {
  private readonly names: string[] = [];

  constructor(
    private readonly r: SeededRandom,
    readonly agency: Agency,
  ) {}

  name(): string {
    for (;;) {
      const n = personName(this.r);
      if (!this.names.some((m) => m.includes(n) || n.includes(m))) {
        this.names.push(n);
        return n;
      }
    }
  }

  person(minYear = 1950, maxYear = 2004): Person {
    const r = this.r;
    const birth = birthDate(r, minYear, maxYear);
    const city = r.chance(0.8) ? this.agency.city : this.agency.region.cities[0];
    const id = r.chance(0.04) && birth.year < 1990 ? oldIdNumber(r, birth, city) : idNumber(r, birth, city);
    const where = { region: this.agency.region, city };
    return { name: this.name(), male: r.chance(0.55), birth, id, home: homeAddress(r, where), mobile: mobile(r), city };
  }

  officers(): Array<{ name: string; certificate: string }> {
    return [0, 1].map(() => ({ name: this.name(), certificate: officerCertificate(this.r, this.agency.city) }));
  }

  masked(): string {
    return maskedName(this.r);
  }
}

/** Writes a phone number of a person: labelled whether plain or partly masked (digits remain visible). */
export function writeMobile(b: LabelledTextBuilder, r: SeededRandom, n: string): void {
  b.pii('phone', formatMobile(r, n).text);
}

export function writeLandline(b: LabelledTextBuilder, r: SeededRandom, city: City): void {
  b.pii('phone', formatLandline(r, city.area, landlineLocal(r, city.area)));
}

export function writeId(b: LabelledTextBuilder, r: SeededRandom, id: string): void {
  b.pii('id-number', id.length === 15 ? id : formatId(r, id).text);
}

export function writeCard(b: LabelledTextBuilder, r: SeededRandom): void {
  b.pii('bank-card', formatCard(r, bankCard(r)).text);
}

export function writeBirth(b: LabelledTextBuilder, r: SeededRandom, p: Person, style: 'cue' | 'after'): void {
  const date = formatDate(r, p.birth, true);
  if (style === 'cue')
    b.t(r.pick(['出生日期：', '出生年月：', '出生于', '生于', '出生日期 ', '出生日期为'])).pii('birth-date', date);
  else b.pii('birth-date', date).t(r.pick(['出生', '生', '出生']));
}

const COLON = ['：', '：', ':', '：'];
const COMMA = ['，', '，', ',', '；'];

/** 当事人 block of a natural person, in one of the layouts clerks use. */
export function writeNaturalParty(b: LabelledTextBuilder, r: SeededRandom, p: Person, role = '当事人'): void {
  const c = r.pick(COLON);
  const sep = r.pick(COMMA);
  const layout = r.int(0, 2);
  if (layout === 0) {
    b.t(`${role}${c}${p.name}${sep}${r.pick(['性别：', ''])}${p.male ? '男' : '女'}${sep}`);
    writeBirth(b, r, p, r.chance(0.5) ? 'cue' : 'after');
    b.t(
      `${sep}${r.pick(['民族：汉族', '汉族', '土家族', '民族：苗族'])}${sep}${r.pick(['身份证号码', '公民身份号码', '身份证号', '居民身份证号码'])}${c}`,
    );
    writeId(b, r, p.id);
    b.t(`${sep}${r.pick(['住址', '住所', '家庭住址', '现住址', '户籍地'])}${c}`).pii('address', p.home);
    b.t(`${sep}${r.pick(['联系电话', '电话', '手机', '联系方式'])}${c}`);
    writeMobile(b, r, p.mobile);
    if (r.chance(0.2)) {
      b.t('/');
      writeLandline(b, r, p.city);
    }
    if (r.chance(0.2))
      b.t(`${sep}电子邮箱${c}`).pii(
        'email',
        `${r.pick(['zhang', 'li.ming', 'hn_', 'wx'])}${r.int(10, 9999)}@${r.pick(['qq.com', '163.com', 'example.cn'])}`,
      );
    b.t('。\n');
  } else if (layout === 1) {
    b.t(`${role}${c}${p.name}\n性别${c}${p.male ? '男' : '女'}\n`);
    writeBirth(b, r, p, 'cue');
    b.t(`\n${r.pick(['公民身份号码', '身份证号码', '证件号码'])}${c}`);
    writeId(b, r, p.id);
    b.t(`\n${r.pick(['住所', '住址', '现住', '户籍所在地'])}${c}`).pii('address', p.home);
    b.t(`\n${r.pick(['联系方式', '联系电话', '手机号码'])}${c}`);
    writeMobile(b, r, p.mobile);
    b.t('\n');
  } else {
    b.t(`${role}${p.name}，${p.male ? '男' : '女'}，`);
    writeBirth(b, r, p, 'after');
    b.t(`，汉族，住`).pii('address', p.home);
    b.t(`，身份证号`);
    writeId(b, r, p.id);
    b.t('。\n');
  }
}

/** Officers with their certificate numbers: published by rule, nothing labelled. */
export function writeOfficers(
  b: LabelledTextBuilder,
  r: SeededRandom,
  officers: Array<{ name: string; certificate: string }>,
): void {
  const label = r.pick(['执法人员', '承办人', '办案人员', '检查人员']);
  const cert = r.pick(['执法证号', '执法证件号', '证件编号', '执法证号码']);
  b.t(`${label}${r.pick(COLON)}`);
  b.t(officers.map((o) => `${o.name}（${cert}：${o.certificate}）`).join(r.pick(['、', '、', '，'])));
  b.t('\n');
}

/** The agency's own address and phone (SPEC D1): published, nothing labelled. */
export function writeAgencyContacts(b: LabelledTextBuilder, r: SeededRandom, agency: Agency, officer: string): void {
  const local = landlineLocal(r, agency.city.area);
  const phone = formatLandline(r, agency.city.area, local);
  const address = `${agency.city.city}${agency.city.districts[0]}${r.pick(['解放大道', '政务中心', '行政中心'])}${r.int(1, 99)}号`;
  b.t(
    r.pick([
      `本机关地址：${address}；联系电话：${phone}。\n`,
      `本机关联系人：${officer}，联系电话：${phone}，通讯地址：${address}。\n`,
      `执法机关地址：${address}，邮政编码：${r.int(410000, 429999)}，办公电话：${phone}。\n`,
      `投诉举报电话：12345、${phone}。\n`,
      `本机关联系电话：${phone}，电子邮箱：fzk${r.int(1, 99)}@${agency.city.abbr === '京' ? 'bj' : 'hn'}.gov.cn。\n`,
    ]),
  );
}

export function writeAgencyAccount(b: LabelledTextBuilder, r: SeededRandom, agency: Agency, account: string): void {
  b.t(
    r.pick([
      `罚款应自收到本决定书之日起十五日内缴至${agency.city.city}财政局非税收入汇缴结算户（开户银行：中国工商银行${agency.city.city}分行，账号：${account}），逾期不缴纳的，每日按罚款数额的百分之三加处罚款。\n`,
      `当事人应在收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚款，缴入国库（收款单位：${agency.name}，账号：${account}）。\n`,
      `罚没款请缴至${agency.name}罚没款专户，开户行：中国建设银行${agency.city.city}支行，账号 ${account}。\n`,
    ]),
  );
}

export { writeCard as writeBankCard };
