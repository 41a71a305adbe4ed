import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames.data';

/** A name found at a position; `masked` when the given name is already hidden (张某某, 李*, 王××). */
export interface ParsedName {
  start: number;
  end: number;
  masked: boolean;
}

/** Characters people write in place of a hidden given name. */
const MASK = new Set(['某', '*', '×', 'X', 'x', '○', '〇', '●']);
/** Characters that never begin a given name: function words, time words, pronouns. */
const NOT_FIRST_GIVEN = new Set(
  '的了在是于与及等称说证系为将已未对向到从被把也都均亦现当日年月时所其该本此各人之因并曾又再即经拒不没无有后场'.split(
    '',
  ),
);
/** Characters that end a name when they follow its first given character (张三称, 李四证实, 王五律师). */
const ENDS_NAME = new Set(
  '称说讲证系的在于是与及等向到将已未对作为出陈供表承男女年岁时当从被把也都均亦现住签确认告提就因并曾又再即经该拒不没无有之后律陪给让叫以遂驾持携拨报举投反介负担属所处共各本独参核知问答至入离联只仅尚需受接收支付交申指了着过'.split(
    '',
  ),
);
const CONJUNCTIONS = new Set(['和', '及', '与']);
/** Everyday words that begin with a surname character and often follow a name or a list of names. */
const NOT_NAMES = new Set([
  '陈述',
  '陈列',
  '金额',
  '方面',
  '方式',
  '周边',
  '周围',
  '高度',
  '程序',
  '安全',
  '常规',
  '温度',
  '黄色',
  '白色',
  '石材',
  '文件',
  '马路',
  '江边',
  '孔洞',
  '许可',
  '申请',
]);
/** Beyond ENDS_NAME, characters that often follow a name but may also sit inside one (正在, 未持有, 负责). */
const FOLLOWS_NAME = new Set('正未负现因曾也已不在'.split(''));
/** Characters that may stand right before a name: 据张三称, 经李四介绍, 由王五签收. */
const PRECEDES_NAME = new Set('据经由向对与和及让请令被将把称为'.split(''));

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && /[\u4e00-\u9fa5]/.test(char);
}

/** The surname's length at `pos` (2 for 欧阳, 1 for 王), or 0. */
export function surnameAt(text: string, pos: number): number {
  if (COMPOUND_SURNAMES.has(text.slice(pos, pos + 2))) return 2;
  return SINGLE_SURNAMES.has(text[pos] ?? '') ? 1 : 0;
}

/**
 * Reads a name starting at `pos`: a surname and one or two given characters. The second given character is kept
 * unless it is a word that typically follows a name, or a conjunction that joins another name (张三和李四).
 */
export function parseNameAt(text: string, pos: number): ParsedName | null {
  const surname = surnameAt(text, pos);
  if (surname === 0) return null;
  const g1 = text[pos + surname];
  if (g1 !== undefined && MASK.has(g1)) return masked(text, pos, pos + surname);
  if (!isCjk(g1) || NOT_FIRST_GIVEN.has(g1)) return null;
  const g2 = text[pos + surname + 1];
  if (g2 !== undefined && MASK.has(g2)) return masked(text, pos, pos + surname + 1);
  // A common word (陈述, 金额) is no name, unless a third character makes it one (安全秀).
  const two = { start: pos, end: pos + surname + 1, masked: false };
  const isWord = NOT_NAMES.has(text.slice(pos, pos + 2));
  if (!isCjk(g2) || ENDS_NAME.has(g2)) return isWord ? null : two;
  if (CONJUNCTIONS.has(g2) && parseNameAt(text, pos + surname + 2) !== null) return isWord ? null : two;
  return { start: pos, end: pos + surname + 2, masked: false };
}

function masked(text: string, start: number, from: number): ParsedName {
  let end = from;
  while (end < from + 2 && MASK.has(text[end] ?? '')) end++;
  return { start, end, masked: true };
}

/** Whether what follows `end` closes the name clearly: punctuation, a digit, a conjunction or a follow-on word. */
export function endsCleanly(text: string, end: number): boolean {
  const next = text[end];
  return next === undefined || !isCjk(next) || ENDS_NAME.has(next) || FOLLOWS_NAME.has(next) || CONJUNCTIONS.has(next);
}

/** Reads a name that ends at `end` ("张三（证人）"): it must start after punctuation, a space or the text's start. */
export function parseNameEndingAt(text: string, end: number): ParsedName | null {
  for (const length of [3, 2, 4]) {
    const start = end - length;
    const before = text[start - 1];
    if (start < 0 || (isCjk(before) && !PRECEDES_NAME.has(before))) continue;
    const name = parseNameAt(text, start);
    if (name !== null && name.end === end) return name;
  }
  return null;
}

/**
 * Reads a list of names from `pos`: 张三、李四和王五, each optionally followed by a bracketed remark
 * (张三（男，35岁）、李四). With `commas`, "张三，李四" continues the list when the next name ends cleanly.
 */
export function parseNameList(text: string, pos: number, commas: boolean): ParsedName[] {
  const names: ParsedName[] = [];
  let at = pos;
  for (;;) {
    const name = parseNameAt(text, at);
    if (name === null) break;
    names.push(name);
    let next = name.end;
    if (text[next] === '(') {
      const close = text.indexOf(')', next);
      if (close !== -1 && close - next <= 40) next = close + 1;
    }
    const joiner = text[next];
    if (joiner === '、' || (joiner !== undefined && CONJUNCTIONS.has(joiner))) {
      at = next + 1;
    } else if (commas && joiner === ',') {
      const following = parseNameAt(text, next + 1);
      if (following === null || following.masked || !endsCleanly(text, following.end)) break;
      at = next + 1;
    } else {
      break;
    }
  }
  return names;
}
