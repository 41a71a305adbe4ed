import { AGENCY_SENTENCE, PUBLISHED_NUMBER_CUE, clauseBefore, sentenceBefore } from '../text/text-context';
import { eachMatch, type Detector } from './detector.types';
import type { PersonalDataSpan } from '../personal-data.types';

/**
 * 电话号码 — mobile numbers (1[3-9]x, eleven digits), landlines with an area code (010, 02x, 0xxx; in brackets, with
 * +86 and the trunk 0 dropped, with an extension 转/分机/-), local numbers after 电话/手机 without an area code,
 * and mobiles masked in the middle (138****8000). Numbers in sentences about the agency itself (本机关联系电话,
 * 举报电话) are published by rule and are left alone.
 */
export const detectPhones: Detector = ({ text }) => {
  const keep = (m: RegExpExecArray): PersonalDataSpan | null => {
    if (isAgencyNumber(text, m.index)) return null;
    if (PUBLISHED_NUMBER_CUE.test(clauseBefore(text, m.index, 30))) return null;
    return { type: 'phone', start: m.index, end: m.index + m[0].length };
  };
  return [
    ...eachMatch(MOBILE, text, keep),
    ...eachMatch(MASKED_MOBILE, text, keep),
    ...eachMatch(LANDLINE, text, keep),
    ...eachMatch(LOCAL_AFTER_CUE, text, (m) => {
      const start = m.index + m[1].length;
      if (isAgencyNumber(text, start)) return null;
      return { type: 'phone', start, end: start + m[2].length };
    }),
  ];
};

const SEP = '[ -]?';
const COUNTRY = String.raw`(?:(?:\+|00)86${SEP}|\(\+?86\)${SEP})`;
const MOBILE = new RegExp(String.raw`(?<![0-9A-Za-z])${COUNTRY}?1[3-9][0-9](?:${SEP}[0-9]){8}(?![0-9A-Za-z])`);
const MASKED_MOBILE = new RegExp(
  String.raw`(?<![0-9A-Za-z*×])${COUNTRY}?1[3-9][0-9]${SEP}(?:[*×]{4}${SEP}[0-9]{4}|[0-9]{2}[*×]{4}[0-9]{2}|[*×]{8}|[0-9]{4}${SEP}[*×]{4})(?![0-9A-Za-z*×])`,
);
// Area codes: 010, 02x, and four digits 03xx–09xx; the subscriber number starts 2–9 and has 7 or 8 digits.
const AREA = String.raw`(?:\(0(?:10|2[0-9]|[3-9][0-9]{2})\)|0(?:10|2[0-9]|[3-9][0-9]{2})|${COUNTRY}\(?(?:10|2[0-9]|[3-9][0-9]{2})\)?)`;
const EXTENSION = String.raw`(?:${SEP}(?:转|分机|ext\.?|-)${SEP}[0-9]{1,6})?`;
const LANDLINE = new RegExp(
  String.raw`(?<![0-9A-Za-z])${AREA}${SEP}[2-9][0-9]{2,3}${SEP}[0-9]{4}${EXTENSION}(?![0-9A-Za-z])`,
);
const LOCAL_AFTER_CUE = new RegExp(
  String.raw`((?:电话|手机|座机|联系方式|传真|Tel|TEL|tel)(?:号码)?\s*[:为是]?\s*)([2-9][0-9]{2,3}${SEP}[0-9]{4})(?![0-9A-Za-z])`,
);

function isAgencyNumber(text: string, index: number): boolean {
  return AGENCY_SENTENCE.test(sentenceBefore(text, index, 80));
}
