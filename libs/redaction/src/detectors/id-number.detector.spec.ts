import { idCheckCharacter, isValidId18 } from '../checks/id-number.check';
import { isValidUsccStrict } from '../checks/uscc.check';
import { found, foundOf } from '../testing/found.helper';
import { fullWidth } from '../testing/corpus/value-format.fixture';

const body = '43042119850312123';
const ID = body + idCheckCharacter(body);

describe('D6: ID numbers (公民身份号码)', () => {
  it('finds a valid 18-character number, plain, spaced, hyphenated or full-width, with exact offsets', () => {
    const spaced = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    const hyphen = `${ID.slice(0, 6)}-${ID.slice(6, 14)}-${ID.slice(14)}`;
    for (const written of [ID, spaced, hyphen, fullWidth(ID)]) {
      const text = `当事人身份证号码：${written}，住址略。`;
      const spans = found(text);
      expect(spans).toEqual([['id-number', written]]);
    }
  });

  it('finds a 15-digit number of the old format', () => {
    expect(foundOf('id-number', '身份证号：430421850312123。')).toEqual(['430421850312123']);
  });

  it('leaves a number with a wrong check character or an impossible date', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(foundOf('id-number', `号码${wrong}有误`)).toEqual([]);
    expect(foundOf('id-number', '序号430421851332123为无效编号')).toEqual([]);
  });

  it('leaves a valid USCC after its cue, even when all digits', () => {
    // An all-digit string valid both as an ID number and as a USCC with its organisation code (~1 in 341).
    let code = '';
    for (let n = 0; code === '' && n < 28_000; n++) {
      const first17 = `1101051990${String(1 + (n % 12)).padStart(2, '0')}${String(1 + Math.floor(n / 1000)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
      const candidate = first17 + idCheckCharacter(first17);
      if (isValidId18(candidate) && isValidUsccStrict(candidate)) code = candidate;
    }
    expect(code).not.toBe('');
    expect(foundOf('id-number', `统一社会信用代码：${code}`)).toEqual([]);
    expect(foundOf('id-number', `公民身份号码：${code}`)).toEqual([code]);
  });

  it('leaves numbers that are part of case, certificate and complaint numbers', () => {
    expect(foundOf('id-number', `衡市监罚〔2026〕${ID}号`)).toEqual([]);
    expect(foundOf('id-number', `执法证号：${ID}`)).toEqual([]);
    expect(foundOf('id-number', `投诉编号：${ID}`)).toEqual([]);
  });

  it('reports a hand-masked number with digits left, not one fully masked', () => {
    expect(foundOf('id-number', '证件号码：430223********773X')).toEqual(['430223********773X']);
    expect(foundOf('id-number', '证件号码：******************')).toEqual([]);
  });
});
