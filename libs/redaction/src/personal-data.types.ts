/**
 * 个人信息 — the kinds of personal data the redaction engine (区分处理, SPEC D6) finds in decision texts.
 *
 * - `id-number`            公民身份号码: 18-digit (GB 11643 check character) and 15-digit old-format numbers
 * - `phone`                电话号码: mobile and landline numbers, with area codes, extensions, +86
 * - `bank-card`            银行卡号 / 银行账号: card numbers (Luhn) and account numbers named as such
 * - `address`              住址: home and contact addresses of natural persons
 * - `plate`                车牌号: motor-vehicle plates, new-energy plates and the 使/领/警/学/挂 kinds
 * - `person-name`          姓名: natural persons other than the party (witnesses, agents, guardians, …)
 * - `property-certificate` 不动产权证号 / 房产证号 / 土地证号
 * - `birth-date`           出生日期 of a natural person
 * - `email`                电子邮箱 of anyone but the agency
 */
export type PersonalDataType =
  | 'id-number'
  | 'phone'
  | 'bank-card'
  | 'address'
  | 'plate'
  | 'person-name'
  | 'property-certificate'
  | 'birth-date'
  | 'email';

export const PERSONAL_DATA_TYPES: readonly PersonalDataType[] = [
  'id-number',
  'phone',
  'bank-card',
  'address',
  'plate',
  'person-name',
  'property-certificate',
  'birth-date',
  'email',
];

/** One finding: UTF-16 offsets into the caller's original text, `end` exclusive. */
export interface PersonalDataSpan {
  /** What was found. */
  type: PersonalDataType;
  /** Offset of the first code unit. */
  start: number;
  /** Offset one past the last code unit. */
  end: number;
}

/** 当事人类型 — natural person, individual business (个体工商户) or organisation (法人或其他组织). */
export type PartyKind = 'natural-person' | 'individual-business' | 'organisation';

/** What the caller already knows about the decision; every field only sharpens the text-only result. */
export interface RedactionContext {
  /** 当事人 — the party the decision is about. Its name is never reported as `person-name`. */
  party?: { name: string; kind: PartyKind };
  /** 执法人员 — officers' names, published by rule (SPEC D1) and never reported. */
  officers?: string[];
}
