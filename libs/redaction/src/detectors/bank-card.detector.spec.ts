import { luhnCheckDigit } from '../checks/luhn.check';
import { foundOf } from '../testing/found.helper';

const body = '621700192000123456';
const CARD = body + luhnCheckDigit(body);
const BAD_CARD = body + ((Number(luhnCheckDigit(body)) + 1) % 10);

describe('D6: bank cards and accounts (银行卡号 / 银行账号)', () => {
  it('finds a card after its cue, in groups or not, and an account of any bank length', () => {
    const grouped = CARD.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(foundOf('bank-card', `银行卡号：${grouped}。`)).toEqual([grouped]);
    expect(foundOf('bank-card', '开户银行：长沙银行岳麓支行，账号：800012345678901234567。')).toEqual([
      '800012345678901234567',
    ]);
  });

  it('checks Luhn for a number called a card; finds an unannounced UnionPay card only when Luhn holds', () => {
    expect(foundOf('bank-card', `卡号：${BAD_CARD}`)).toEqual([]);
    expect(foundOf('bank-card', `转入${CARD}。`)).toEqual([CARD]);
    expect(foundOf('bank-card', `转入${BAD_CARD}。`)).toEqual([]);
  });

  it('leaves the account fines are paid into, and numbers named as something else', () => {
    expect(foundOf('bank-card', `罚款缴至财政局非税收入专户，开户银行：工商银行，账号：${CARD}。`)).toEqual([]);
    expect(foundOf('bank-card', `缴入国库，账号：1904001209000123456。`)).toEqual([]);
    expect(foundOf('bank-card', `投诉编号：${CARD}。`)).toEqual([]);
  });

  it('reports a hand-masked card number after a bank cue', () => {
    expect(foundOf('bank-card', '银行卡号：6222 **** **** 1234。')).toEqual(['6222 **** **** 1234']);
  });
});
