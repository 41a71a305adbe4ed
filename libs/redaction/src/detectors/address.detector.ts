import type { PartyKind } from '../personal-data.types';
import { AGENCY_SENTENCE, sentenceBefore } from '../text/text-context';
import { eachMatch, type Detector } from './detector.types';
import { TRAILING_ROLES } from './person-name/name-roles.data';

/**
 * 住址 — home and contact addresses of natural persons: after 住址, 家庭住址, 现住, 户籍地, 居住地, 暂住 … always;
 * after 住所, 联系地址, 送达地址 only when the surrounding block is about a natural person (an organisation's
 * 住所 is its registered domicile, public by registration); after a bare 住 that is followed by a place
 * ("男，汉族，住长沙市…"). Never an organisation's 经营场所/注册地址, never the agency's own address. The span
 * is the address itself, up to the next comma, full stop, semicolon or the next field (电话, 身份证 …).
 */
export const detectAddresses: Detector = ({ text, context }) => [
  ...eachMatch(PERSONAL_CUE, text, (m) => take(text, m.index + m[0].length)),
  ...eachMatch(SHARED_CUE, text, (m) =>
    isAboutNaturalPerson(text, m.index, context.party?.kind) ? take(text, m.index + m[0].length) : null,
  ),
  ...eachMatch(BARE_LIVES_AT, text, (m) => take(text, m.index + m[0].length)),
  ...eachMatch(PERSON_REMARK, text, (m) =>
    PLACE_START.test(text.slice(m.index + m[0].length)) ? take(text, m.index + m[0].length) : null,
  ),
];

// "张三（证人，长沙市…号，联系电话…）": a place written inside a person's bracketed remark is where they live.
const PERSON_REMARK = new RegExp(String.raw`\((?:系)?(?:当事人)?(?:之|的)?(?:${TRAILING_ROLES.join('|')})[,;]\s?住?`);
const PLACE_START = /^[\u4e00-\u9fa5]{2,8}?(?:省|自治区|市|州|县|区)/;

const LEAD = String.raw`\s?(?:为|是|在|于)?\s?:?\s?`;
const PERSONAL_CUE = new RegExp(
  String.raw`(?<!(?:经营|注册|营业|办公|机关|单位|公司)[\u4e00-\u9fa5]?)(?:家庭住址|家庭地址|家庭住所|现住址|现住所|现居住地|现居住|现居|现住|居住地址|居住地|户籍地址|户籍所在地|户籍地|户口所在地|经常居住地|暂住地|暂住|身份证地址|身份证住址|住址|家住)${LEAD}`,
);
const SHARED_CUE = new RegExp(
  String.raw`(?<!(?:经营|注册|营业|办公|机关|单位|公司)[\u4e00-\u9fa5]?)(?:住所地|住所|联系地址|通讯地址|通信地址|送达地址|邮寄地址)${LEAD}`,
);
const BARE_LIVES_AT = /(?<=[,、;(\s])(?:均住|住)(?=[\u4e00-\u9fa5]{1,8}?(?:省|市|自治区|自治州|区|县|镇|乡))/;

const STOP = /[,。;\n|\t]|(?:联系电话|电话|手机|身份证|邮编|邮政编码|联系方式|出生)/;
const ADDRESS_MARK =
  /(省|市|区|县|旗|镇|乡|村|街道|路|街|巷|弄|道|号|栋|幢|单元|室|组|小区|社区|大厦|公寓|花园|苑|大院)/;
const NOT_AN_ADDRESS = /^(不详|同上|无|未知|暂无|空|略|见上|-)/;

function take(text: string, from: number) {
  const rest = text.slice(from, from + 80);
  const stop = STOP.exec(rest);
  let value = stop === null ? rest : rest.slice(0, stop.index);
  value = value.replace(/\s+$/, '');
  // A closing bracket with no opening one ends the remark the address was written in.
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')' && --depth < 0) {
      value = value.slice(0, i);
      break;
    }
  }
  // An opening bracket left unclosed at the cut belongs to the next field, not to the address.
  const open = value.lastIndexOf('(');
  if (open > 0 && value.indexOf(')', open) === -1) value = value.slice(0, open).replace(/\s+$/, '');
  if (value.length < 4 || NOT_AN_ADDRESS.test(value) || !ADDRESS_MARK.test(value)) return null;
  if (/^[*×○●\s]+$/.test(value) || AGENCY_SENTENCE.test(sentenceBefore(text, from, 80))) return null;
  return { type: 'address' as const, start: from, end: from + value.length };
}

const PERSON_CUE = /男|女|出生|身份证|公民身份|民族|汉族|自然人|经营者|证人|代理人|监护人|鉴定人|个人/g;
const ORGANISATION_CUE =
  /信用代码|有限公司|有限责任公司|股份|公司|法定代表人|负责人|注册号|经营场所|合作社|企业|单位|厂|中心|协会|事务所|学校|医院|诊所|店|馆/g;

/** Which kind of party the nearest preceding field belongs to; without a cue, what the caller said, else yes. */
function isAboutNaturalPerson(text: string, index: number, kind: PartyKind | undefined): boolean {
  const block = text.slice(Math.max(0, index - 160), index);
  const person = lastIndex(block, PERSON_CUE);
  const organisation = lastIndex(block, ORGANISATION_CUE);
  if (person > organisation) return true;
  if (organisation > person) return false;
  return kind !== 'organisation';
}

function lastIndex(text: string, pattern: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(pattern)) at = m.index;
  return at;
}
