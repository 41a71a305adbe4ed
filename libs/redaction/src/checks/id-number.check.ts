/**
 * 公民身份号码 (GB 11643-1999) checks: the 18-character number ends with an ISO 7064 MOD 11-2 check character;
 * the 15-digit number of the 1989 edition has none, so its date and region are all there is to check.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** First two digits of the region code (行政区划代码): provinces, plus 71/81/82 (Taiwan, Hong Kong, Macao). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

export function hasValidRegion(digits: string): boolean {
  return PROVINCES.has(Number(digits.slice(0, 2)));
}

/** An 18-character number: region, birth date 1900–2099, MOD 11-2 check character. */
export function isValidId18(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id) || !hasValidRegion(id)) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  if (!isValidCivilDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  return idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** A 15-digit number of the 1989 format: region and a birth date in the 1900s. */
export function isValidId15(id: string): boolean {
  if (!/^[0-9]{15}$/.test(id) || !hasValidRegion(id)) return false;
  return isValidCivilDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}
