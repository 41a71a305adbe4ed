import { eachMatch, type Detector } from './detector.types';

/**
 * 不动产权证号 / 房产证号 / 土地证号 — property certificate numbers. The current national form is
 * 湘(2023)长沙市不动产权第0123456号 (also 不动产证明第… for registration certificates); older ones are
 * 长房权证岳麓字第711012345号 and 衡国用(2015)第01234号. Anything after an explicit 房产证号/不动产权证号 cue that
 * holds digits is taken as well, whatever its local shape.
 */
export const detectPropertyCertificates: Detector = ({ text }) => [
  ...eachMatch(NATIONAL, text, (m) => span(m.index, m[0])),
  ...eachMatch(OLD_HOUSE, text, (m) => span(m.index, m[0])),
  ...eachMatch(OLD_LAND, text, (m) => span(m.index, m[0])),
  ...eachMatch(AFTER_CUE, text, (m) => {
    const value = m[2];
    if (value.replace(/[^0-9]/g, '').length < 3) return null;
    return span(m.index + m[1].length, value);
  }),
];

function span(start: number, raw: string) {
  // A shape that begins with a small word (为, 是, 号) took one character too many to its left.
  const lead = /^[为是号的即:]+/.exec(raw)?.[0].length ?? 0;
  return { type: 'property-certificate' as const, start: start + lead, end: start + raw.length };
}

const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';
const YEAR = String.raw`\s?[(\[]\s?(?:19|20)[0-9]{2}\s?[)\]]\s?`;
const NATIONAL = new RegExp(
  String.raw`${PROVINCE}${YEAR}[\u4e00-\u9fa5]{0,12}?不动产(?:权|证明)\s?第?\s?[0-9]{4,10}\s?号`,
);
const OLD_HOUSE = /[\u4e00-\u9fa5]{1,2}房(?:屋所有)?权证[\u4e00-\u9fa5]{0,6}?字?\s?第?\s?[0-9A-Z-]{3,12}\s?号/;
const OLD_LAND = new RegExp(String.raw`[\u4e00-\u9fa5]{1,3}(?:国用|集用|集建|房地)${YEAR}第?\s?[0-9]{3,10}\s?号`);
const AFTER_CUE =
  /((?:不动产权证(?:书)?|不动产证|不动产登记证明|房产证|房屋所有权证|产权证|土地使用权证|土地证)(?:号码|编号|号)?\s?(?:为|是)?\s?:?\s?)([^\s,。;、()]{4,40}?)(?=[\s,。;、()]|$)/;
