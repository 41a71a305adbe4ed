import { eachMatch, type Detector } from './detector.types';

/**
 * 机动车号牌 (GA 36) — province abbreviation + issuing-office letter + serial: five characters for ordinary plates
 * (the last may be 挂 trailer, 学 learner, 警 police, 港/澳, 领 consulate, 试, 超), six for new-energy plates
 * (a letter A–K first or last), 使 + six digits for embassy plates, and WJ plates. I and O never occur. A plate
 * partly masked by hand (湘A·1**45) is reported while any serial character is visible.
 */
export const detectPlates: Detector = ({ text }) => [
  ...eachMatch(PLATE, text, (m) => {
    const serial = m[1] ?? m[2] ?? '';
    const visible = serial.replace(/[*×]/g, '');
    if (visible.length === 0) return null;
    // An ordinary serial needs digits; five letters in a row are a word or a code, not a plate.
    if (m[2] !== undefined && serial.replace(/[^0-9*×]/g, '').length < 2) return null;
    return { type: 'plate', start: m.index, end: m.index + m[0].length };
  }),
  ...eachMatch(SPECIAL, text, (m) => ({ type: 'plate', start: m.index, end: m.index + m[0].length })),
];

const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';
const LETTER = 'A-HJ-NP-Z';
const SEP = '[·. -]?';
const PLATE = new RegExp(
  String.raw`(?<![0-9A-Za-z])${PROVINCE}[${LETTER}]${SEP}` +
    String.raw`(?:((?:[A-HJK][${LETTER}0-9*×][0-9*×]{4}|[0-9*×]{5}[A-HJK]))|([${LETTER}0-9*×]{4}[${LETTER}0-9*×挂学警港澳领试超]))` +
    String.raw`(?![0-9A-Za-z*×])`,
);
const SPECIAL = new RegExp(
  String.raw`(?<![0-9A-Za-z])(?:使[0-9]{6}|WJ${PROVINCE}?[0-9]{4,5}[0-9A-Z消边通森金警电]?)(?![0-9A-Za-z])`,
);
