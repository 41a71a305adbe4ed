import { passesLuhn } from '../checks/luhn.check';
import { compactNumber } from '../text/normalise';
import {
  AGENCY_ACCOUNT_SENTENCE,
  BANK_CUE,
  PUBLISHED_NUMBER_CUE,
  clauseBefore,
  lineBefore,
  sentenceBefore,
} from '../text/text-context';
import { eachMatch, type Detector } from './detector.types';

/**
 * 银行卡号 / 银行账号 — a party's bank card or account number, natural person or organisation (SPEC D6 hides
 * both). Announced numbers (卡号, 账号, 开户行 … shortly before) of 12–25 digits are taken, Luhn-checked when
 * called a card and 16–19 digits long; an unannounced number is taken only when it looks like a UnionPay card
 * (62…, 16 or 19 digits, Luhn). The account a fine is paid into (国库, 非税收入, 缴至 …) belongs to the state and
 * stays. Partly masked numbers (6222 **** **** 1234) after a bank word are reported too.
 */
export const detectBankCards: Detector = ({ text }) => [
  ...eachMatch(DIGIT_RUN, text, (m) => {
    const digits = compactNumber(m[0]);
    const cue = bankCue(text, m.index);
    if (isStateAccount(text, m.index) || PUBLISHED_NUMBER_CUE.test(clauseBefore(text, m.index, 30))) return null;
    if (cue === 'card' && digits.length >= 16 && digits.length <= 19 && !passesLuhn(digits)) return null;
    if (cue === null && !looksLikeUnionPayCard(digits)) return null;
    return { type: 'bank-card', start: m.index, end: m.index + m[0].length };
  }),
  ...eachMatch(MASKED_RUN, text, (m) => {
    const symbols = compactNumber(m[0]);
    const digits = symbols.replace(/[^0-9]/g, '').length;
    if (symbols.length < 12 || digits === 0 || digits === symbols.length) return null;
    if (bankCue(text, m.index) === null || isStateAccount(text, m.index)) return null;
    return { type: 'bank-card', start: m.index, end: m.index + m[0].length };
  }),
];

const DIGIT_RUN = /(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){11,24}(?![0-9A-Za-z])/;
const MASKED_RUN = /(?<![0-9A-Za-z*×])[0-9*×](?:[ -]?[0-9*×]){11,24}(?![0-9A-Za-z*×])/;

function bankCue(text: string, index: number): 'card' | 'account' | null {
  const before = lineBefore(text, index, 30);
  const m = [...before.matchAll(new RegExp(BANK_CUE.source, 'g'))].pop();
  if (m === undefined) return null;
  // A cue far back that another number already answered is not this number's cue.
  if (/[0-9]{6}/.test(before.slice(m.index + m[0].length))) return null;
  return /卡/.test(m[0]) ? 'card' : 'account';
}

function looksLikeUnionPayCard(digits: string): boolean {
  return digits.startsWith('62') && (digits.length === 16 || digits.length === 19) && passesLuhn(digits);
}

function isStateAccount(text: string, index: number): boolean {
  return AGENCY_ACCOUNT_SENTENCE.test(sentenceBefore(text, index, 120));
}
