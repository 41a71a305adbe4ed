import { SeededRandom } from '../testing/corpus/seeded-random';
import { uscc, REGIONS } from '../testing/corpus/personal-values.fixture';
import { idCheckCharacter, isValidCivilDate, isValidId15, isValidId18 } from './id-number.check';
import { luhnCheckDigit, passesLuhn } from './luhn.check';
import { isValidOrganisationCode, isValidUscc, isValidUsccStrict, usccCheckCharacter } from './uscc.check';

describe('D6: check characters of the numbers the redaction engine must tell apart', () => {
  it('GB 11643: the MOD 11-2 check character, including X for 10', () => {
    // Hand-computed: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 1101051990010100 + 2 → sum mod 11.
    const body = '11010519900101002';
    const sum = [...body].reduce(
      (s, d, i) => s + Number(d) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i],
      0,
    );
    expect(idCheckCharacter(body)).toBe('10X98765432'[sum % 11]);
    expect(isValidId18(body + idCheckCharacter(body))).toBe(true);
    let withX = '';
    for (let n = 0; withX === ''; n++) {
      const b = `4304211985031${String(n).padStart(4, '0')}`;
      if (idCheckCharacter(b) === 'X') withX = b + 'X';
    }
    expect(isValidId18(withX)).toBe(true);
  });

  it('GB 11643: a wrong check character, a bad region or an impossible date is refused', () => {
    const good = '11010519900101002' + idCheckCharacter('11010519900101002');
    expect(isValidId18(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'))).toBe(false);
    const region99 = '99010519900101002';
    expect(isValidId18(region99 + idCheckCharacter(region99))).toBe(false);
    const feb30 = '11010519900230002';
    expect(isValidId18(feb30 + idCheckCharacter(feb30))).toBe(false);
  });

  it('GB 11643-1989: 15-digit numbers are checked for region and a date in the 1900s', () => {
    expect(isValidId15('430421850312123')).toBe(true);
    expect(isValidId15('430421851332123')).toBe(false);
    expect(isValidId15('990421850312123')).toBe(false);
    expect(isValidCivilDate(2000, 2, 29)).toBe(true);
    expect(isValidCivilDate(1900, 2, 29)).toBe(false);
  });

  it('GB 32100: generated codes pass both checks; one changed character fails', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 200; i++) {
      const code = uscc(r, REGIONS[0].cities[1]);
      expect(isValidUsccStrict(code)).toBe(true);
      const changed = code.slice(0, 5) + (code[5] === '1' ? '2' : '1') + code.slice(6);
      expect(isValidUscc(changed)).toBe(false);
    }
    expect(usccCheckCharacter('I1430100MA4L0XNB3')).toBeUndefined();
    expect(isValidUscc('91430100MA4L0XNB3I')).toBe(false);
  });

  it('GB 11714: the organisation code check inside a USCC', () => {
    // 12345678 → weighted sum 3+14+27+40+25+48+28+16 = 201; 201 mod 11 = 3; 11 - 3 = 8.
    expect(isValidOrganisationCode('123456788')).toBe(true);
    expect(isValidOrganisationCode('123456780')).toBe(false);
  });

  it('Luhn: the textbook number passes, a changed digit fails, the check digit completes any body', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    const body = '621700192000123456';
    expect(passesLuhn(body + luhnCheckDigit(body))).toBe(true);
  });
});
