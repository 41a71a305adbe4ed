/** Helpers that look at the words around a candidate; they read the normalised text. */

/** Characters that end a sentence: what is said before one no longer describes what follows. */
const SENTENCE_END = /[。!?\n]/;

/** The text from the start of the sentence holding `index` up to `index`, at most `max` code units. */
export function sentenceBefore(text: string, index: number, max = 200): string {
  const from = Math.max(0, index - max);
  for (let i = index - 1; i >= from; i--) {
    if (SENTENCE_END.test(text[i])) return text.slice(i + 1, index);
  }
  return text.slice(from, index);
}

/** The text from the start of the clause holding `index` (sentence end, ；, ;) up to `index`. */
export function clauseBefore(text: string, index: number, max = 60): string {
  const from = Math.max(0, index - max);
  for (let i = index - 1; i >= from; i--) {
    if (/[。!?\n;]/.test(text[i])) return text.slice(i + 1, index);
  }
  return text.slice(from, index);
}

/** The last `max` code units before `index`, cut at a line break. */
export function lineBefore(text: string, index: number, max = 40): string {
  const slice = text.slice(Math.max(0, index - max), index);
  const nl = slice.lastIndexOf('\n');
  return nl === -1 ? slice : slice.slice(nl + 1);
}

/** Position of the last match of `pattern` in `text`, or -1. */
export function lastMatchEnd(text: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let end = -1;
  for (const m of text.matchAll(global)) end = m.index + m[0].length;
  return end;
}

/**
 * Sentences about the agency itself (本机关地址, 举报电话, the account fines are paid into): what they hold is
 * published by rule (SPEC D1), not a person's data.
 */
export const AGENCY_SENTENCE =
  /(本机关|本局|我局|本委|本厅|本大队|本支队|执法机关|行政机关|复议机关|办案机关)[^,。;]{0,8}(地址|联系|电话|邮箱|邮编|传真|联系人)|举报电话|投诉电话|监督电话|咨询电话|投诉举报|服务热线|办公电话|办公地址|值班电话/;

/** Sentences about paying a fine into the state's account (国库, 非税收入, 财政专户): the agency's account. */
export const AGENCY_ACCOUNT_SENTENCE =
  /国库|非税|财政|罚没|缴入|缴至|缴纳至|缴款|代收|收款人|收款单位|收款账户|汇缴|本机关|本局|执收/;

/** An officer's certificate, a case, a licence or a complaint: numbers after these are published by rule. */
export const PUBLISHED_NUMBER_CUE =
  /(执法证|执法证件|证件编号|执法证号|工作证|案号|文号|决定书编号|编号|单号|流水号|登记号|注册号|许可证号|许可证编号|许可证|批准文号|批号|条码|投诉号|受理号|工单号|订单号|运单号|发票号码|发票代码|凭证号)[号码]?\s*[:为是]?\s*$/;

/** Words that announce a bank card or account number. */
export const BANK_CUE = /(银行卡|卡号|账号|帐号|账户|帐户|开户行|开户银行|银行)/;
