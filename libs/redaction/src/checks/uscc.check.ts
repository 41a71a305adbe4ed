/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V, Z); character 18 is a
 * MOD 31 check over the first 17 with weights 3^i mod 31. Characters 9–17 are the organisation code of GB 11714,
 * which carries its own MOD 11 check; checking both makes a chance match by an ID number about 1 in 341.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code[17];
}

/** 组织机构代码 (GB 11714): eight body characters and a check character, 0–9 or X. */
export function isValidOrganisationCode(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55;
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  const expected = check === 10 ? 'X' : check === 11 ? '0' : String(check);
  return code[8] === expected;
}

/** Valid as a whole and in its embedded organisation code. */
export function isValidUsccStrict(code: string): boolean {
  return isValidUscc(code) && isValidOrganisationCode(code.slice(8, 17));
}
