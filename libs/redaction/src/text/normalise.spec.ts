import { compactNumber, normalise } from './normalise';

describe('D6: one-to-one normalisation keeps offsets into the original text', () => {
  it('folds full-width digits, letters and punctuation without changing the length', () => {
    const original = '身份证号：４３０４２１１９８５０３１２１２３Ｘ，电话（０７３１）８４５６１２３４';
    const folded = normalise(original);
    expect(folded.length).toBe(original.length);
    expect(folded).toBe('身份证号:43042119850312123X,电话(0731)84561234');
  });

  it('folds ideographic spaces, dashes and brackets one for one', () => {
    expect(normalise('138\u30000013—8000〔2026〕【1】')).toBe('138 0013-8000[2026][1]');
  });

  it('compacts a number written with separators', () => {
    expect(compactNumber('430 223-1990 0101 123x')).toBe('43022319900101123X');
  });
});
