import { eachMatch, type Detector } from './detector.types';

/**
 * 出生日期 — a natural person's date of birth: after 出生日期/出生于/生于/出生年月, or before 出生/生
 * ("1985年3月12日出生", "(1985.03.12生)"). Only the date is reported, not the cue. Dates of decisions, filing and
 * service have no such cue and stay. Chinese-numeral dates (一九八五年三月十二日) and compact 19850312 after a cue are
 * understood.
 */
export const detectBirthDates: Detector = ({ text }) => [
  ...eachMatch(CUE_THEN_DATE, text, (m) => {
    const start = m.index + m[1].length;
    return { type: 'birth-date', start, end: start + m[2].length };
  }),
  ...eachMatch(DATE_THEN_CUE, text, (m) => ({ type: 'birth-date', start: m.index, end: m.index + m[1].length })),
];

const MONTH = '(?:0?[1-9]|1[0-2])';
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const CN = '[〇零一二三四五六七八九]';
const DATE = [
  String.raw`(?:19|20)[0-9]{2}\s?年\s?${MONTH}\s?月(?:\s?${DAY}\s?日)?`,
  String.raw`(?:19|20)[0-9]{2}[-./]${MONTH}[-./]${DAY}(?![0-9])`,
  String.raw`${CN}{4}年(?:十[一二]?|[一二三四五六七八九])月(?:(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])日)?`,
].join('|');
const CUE_THEN_DATE = new RegExp(
  String.raw`((?:出生日期|出生年月日|出生年月|出生时间|出生于|生于|生日)\s?(?:为|是)?\s?:?\s?)((?:${DATE})|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9]))`,
);
const DATE_THEN_CUE = new RegExp(String.raw`(?<![0-9])(${DATE})\s?(?:出生|生(?=[,。;)、\s]|$))`);
