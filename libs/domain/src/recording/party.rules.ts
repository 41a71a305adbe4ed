import { partyKinds, type CaseParty, type MissingItem } from './recording.types';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 居民身份证号码 (GB 11643): 17 digits and a mod-11 check character. */
export function isResidentIdNumber(value: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

/** 统一社会信用代码 (GB 32100): 18 characters of a 31-letter alphabet with a mod-31 check character. */
export function isUnifiedCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(value[i]) * CREDIT_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === value[17];
}

/** Canonical spelling of an id number: trimmed, upper-case (a lower-case `x` check digit is the same id). */
export function canonicalIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim().length === 0;

/**
 * What is missing or wrong in a party (SPEC R1): every field is required; a natural person is identified by a resident
 * ID, an organisation by its unified social credit code, an individual business by either (the operator's ID when the
 * business has no code yet). Empty list: the party is complete.
 */
export function partyProblems(party: Partial<CaseParty> | undefined): MissingItem[] {
  const p = party ?? {};
  const out: MissingItem[] = [];
  if (blank(p.name)) out.push({ field: 'party.name', zh: '当事人姓名或名称', en: "the party's name" });
  if (!partyKinds.includes(p.kind as never)) {
    out.push({
      field: 'party.kind',
      zh: '当事人类型（自然人、个体工商户、法人或其他组织）',
      en: "the party's kind (natural person, individual business, organisation)",
    });
  }
  if (blank(p.idNumber)) {
    out.push({
      field: 'party.idNumber',
      zh: '身份证号码或统一社会信用代码',
      en: 'the ID number or unified social credit code',
    });
  } else {
    const id = canonicalIdNumber(p.idNumber as string);
    const ok =
      p.kind === 'natural-person'
        ? isResidentIdNumber(id)
        : p.kind === 'organisation'
          ? isUnifiedCreditCode(id)
          : isResidentIdNumber(id) || isUnifiedCreditCode(id);
    if (!ok && partyKinds.includes(p.kind as never)) {
      out.push({
        field: 'party.idNumber',
        zh:
          p.kind === 'natural-person'
            ? '有效的居民身份证号码（校验位不符）'
            : '有效的统一社会信用代码或身份证号码（校验位不符）',
        en:
          p.kind === 'natural-person'
            ? 'a valid resident ID number (the check character does not match)'
            : 'a valid unified social credit code or resident ID (the check character does not match)',
      });
    }
  }
  if (blank(p.address)) out.push({ field: 'party.address', zh: '当事人住所或地址', en: "the party's address" });
  if (blank(p.contact)) out.push({ field: 'party.contact', zh: '当事人联系方式', en: "the party's contact" });
  return out;
}
