/**
 * One-to-one normalisation: every UTF-16 code unit maps to exactly one code unit, so an offset found in the
 * normalised text is the same offset in the original. That is why detectors search the normalised text and
 * report offsets as they are; nothing here may insert or drop a character.
 */
export function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += mapUnit(text.charCodeAt(i), text[i]);
  }
  return out;
}

function mapUnit(code: number, char: string): string {
  // Full-width ASCII (１２３, ＡＢ, （ ）, ：, ，, ＊, －, ＋) to plain ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  switch (code) {
    case 0x3000: // ideographic space
    case 0x00a0: // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:
      return ' ';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe63:
      return '-';
    case 0xfe61: // small asterisk
    case 0x2217:
      return '*';
    case 0x2022: // bullet and katakana middle dot, as used between a plate's letter and serial
    case 0x30fb:
    case 0x2027:
      return '·';
    case 0x3014: // 〔 〕 and 【 】 as brackets around years in certificate and case numbers
    case 0x3010:
      return '[';
    case 0x3015:
    case 0x3011:
      return ']';
    default:
      return char;
  }
}

/** Digits and check letters of a number written with separators: "430 223-1990" → "4302231990". */
export function compactNumber(raw: string): string {
  return raw.replace(/[\s\-·]/g, '').toUpperCase();
}
