import { isValidId15, isValidId18, hasValidRegion } from '../checks/id-number.check';
import { isValidUsccStrict } from '../checks/uscc.check';
import { compactNumber } from '../text/normalise';
import { BANK_CUE, PUBLISHED_NUMBER_CUE, clauseBefore, lineBefore } from '../text/text-context';
import { eachMatch, type Detector } from './detector.types';

/**
 * 公民身份号码 — resident ID numbers, 18 characters with a valid check character or 15 digits of the old format,
 * written with or without spaces and hyphens. Also ID numbers already partly masked by hand
 * (430223********773X): the visible digits still tell region and more, so they are reported for hiding in full.
 */
export const detectIdNumbers: Detector = ({ text }) => [
  ...eachMatch(ID18, text, (m) => {
    const digits = compactNumber(m[0]);
    if (!isValidId18(digits) || isPublishedNumber(text, m.index, m[0].length)) return null;
    if (isValidUsccStrict(digits) && nearestCue(text, m.index) === 'uscc') return null;
    return { type: 'id-number', start: m.index, end: m.index + m[0].length };
  }),
  ...eachMatch(ID15, text, (m) => {
    const digits = compactNumber(m[0]);
    if (!isValidId15(digits) || isPublishedNumber(text, m.index, m[0].length)) return null;
    return { type: 'id-number', start: m.index, end: m.index + m[0].length };
  }),
  ...eachMatch(MASKED_ID, text, (m) => {
    const raw = m[0];
    const digits = raw.replace(/[^0-9]/g, '');
    const masks = raw.replace(/[0-9Xx]/g, '').length;
    if (digits.length === 0 || masks < 3) return null;
    if (BANK_CUE.test(lineBefore(text, m.index, 20)) && !saysIdNumber(text, m.index)) return null;
    // A visible head must be a region; a bare run of masks with one digit is no ID to speak of.
    if (/^[0-9]{2}/.test(raw) && !hasValidRegion(raw)) return null;
    if (!saysIdNumber(text, m.index) && !/^[0-9]{6}[*×]{8}/.test(raw) && !/^[0-9]{4,}[*×]+[0-9]{2,}[0-9Xx]$/.test(raw))
      return null;
    return { type: 'id-number', start: m.index, end: m.index + raw.length };
  }),
];

// Spaces or hyphens may split the digits anywhere; the ends must not touch other letters or digits.
const ID18 = /(?<![0-9A-Za-z*×])[1-9](?:[ -]?[0-9]){16}[ -]?[0-9Xx](?![0-9A-Za-z*×])/;
// The 15-digit form is rare now and its only checks are region and date: refuse it as the tail of a longer,
// spaced number (a bank card written in groups of four).
const ID15 = /(?<![0-9A-Za-z*×][ -]?)[1-9](?:[ -]?[0-9]){14}(?![0-9A-Za-z*×]|[ -][0-9])/;
const MASKED_ID = /(?<![0-9A-Za-z*×])(?:[0-9*×]{17}[0-9Xx*×]|[0-9*×]{15})(?![0-9A-Za-z*×])/;

const ID_CUE = /(身份证|身份号码|公民身份|证件号|驾驶证号|居民身份|身份证明|护照号)/;
const USCC_CUE = /(信用代码|统一代码|组织机构代码|注册号|纳税人识别号|机构代码)/;

/**
 * Which kind of number the nearest cue before `index` announces: first on the same line, then further back (a
 * table's header row names its column). An 18-digit string valid both as an ID number and as a USCC (about 1 in
 * 341 of the IDs from regions 11–13 and 51–53) is taken as an organisation code only after a USCC cue: with no
 * cue at all it is hidden, because leaking an ID costs more than hiding a public code.
 */
export function nearestCue(text: string, index: number): 'id' | 'uscc' | null {
  for (const before of [lineBefore(text, index, 40), text.slice(Math.max(0, index - 400), index)]) {
    const id = lastCue(before, ID_CUE);
    const uscc = lastCue(before, USCC_CUE);
    if (id >= 0 || uscc >= 0) return id > uscc ? 'id' : 'uscc';
  }
  return null;
}

export function saysIdNumber(text: string, index: number): boolean {
  return nearestCue(text, index) === 'id';
}

function lastCue(text: string, cue: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(cue.source, 'g'))) at = m.index;
  return at;
}

/** Case, certificate, licence and complaint numbers: "〔2026〕430400…号", "执法证号：…", "编号…". */
export function isPublishedNumber(text: string, start: number, length: number): boolean {
  const clause = clauseBefore(text, start, 30);
  if (ID_CUE.test(clause.slice(-12))) return false;
  if (PUBLISHED_NUMBER_CUE.test(clause)) return true;
  const before = text.slice(Math.max(0, start - 1), start);
  const after = text.slice(start + length, start + length + 1);
  return after === '号' || before === ']' || before === '第';
}
