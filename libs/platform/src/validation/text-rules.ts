/**
 * What PostgreSQL (UTF-8 `text`, `jsonb`) and our identities accept, checked at the edge so nothing the store would
 * refuse ever reaches a workflow (a refused write there would otherwise be retried for ever).
 *
 * Text: well-formed UTF-16 (a lone surrogate cannot be encoded as UTF-8 and `jsonb` refuses its `\ud800` escape),
 * no control characters (NUL is refused by `text` outright; the others are invisible and corrupt documents), except
 * line feed and tab in multi-line text, and a bounded length.
 *
 * Identifiers (case numbers, unit ids…): additionally in Unicode NFKC form, with no format characters (zero-width
 * space, BOM, direction marks…) and no white space. We refuse a non-canonical identifier with a 400 that names the
 * form to send, rather than normalising it silently: an identifier is an identity others will quote, so the one the
 * client holds must be the one stored — `１２３`, `1\u200b23` and `123` can never become three cases.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LF_TAB = /[^\P{Cc}\n\t]/u;
const FORMAT = /\p{Cf}/u;
const SPACE = /[\s\p{Z}]/u;

export interface TextRules {
  /** Most UTF-16 code units allowed. */
  readonly max: number;
  /** Fewest code units (default 1). */
  readonly min?: number;
  /** Line feeds and tabs allowed (long text: reasons, opinions). */
  readonly multiline?: boolean;
}

/** The problems of a piece of text, in both languages; empty when it is acceptable. */
export function textProblems(value: unknown, rules: TextRules): string[] {
  if (typeof value !== 'string') return ['须为字符串 / must be a string'];
  const problems: string[] = [];
  const min = rules.min ?? 1;
  if (value.length < min || value.length > rules.max) {
    problems.push(`长度须为 ${min}–${rules.max} 个字符 / must be ${min}-${rules.max} characters long`);
  }
  if (LONE_SURROGATE.test(value)) {
    problems.push('含有无效的 Unicode 字符（孤立代理项）/ contains invalid Unicode (a lone surrogate)');
  }
  if ((rules.multiline ? CONTROL_EXCEPT_LF_TAB : CONTROL).test(value)) {
    problems.push(
      rules.multiline
        ? '不得含有控制字符（换行和制表符除外）/ must not contain control characters other than line feed and tab'
        : '不得含有控制字符（包括换行）/ must not contain control characters (line breaks included)',
    );
  }
  return problems;
}

export interface IdentifierRules {
  /** Most UTF-16 code units allowed. */
  readonly max: number;
  /** Characters refused besides white space (e.g. URL-significant ones in a case number). */
  readonly forbidden?: RegExp;
  /** How to describe `forbidden` in a message, both languages. */
  readonly forbiddenLabel?: string;
}

/** The problems of an identifier; empty when it is in canonical form. */
export function identifierProblems(value: unknown, rules: IdentifierRules): string[] {
  const problems = textProblems(value, { max: rules.max });
  if (typeof value !== 'string') return problems;
  if (FORMAT.test(value)) {
    problems.push('不得含有格式字符（如零宽空格）/ must not contain format characters (e.g. zero-width space)');
  }
  if (SPACE.test(value)) problems.push('不得含有空白字符 / must not contain white space');
  if (rules.forbidden?.test(value))
    problems.push(`不得含有 ${rules.forbiddenLabel} / must not contain ${rules.forbiddenLabel}`);
  if (problems.length === 0 && value.normalize('NFKC') !== value) {
    problems.push(
      `须为 Unicode NFKC 规范形式，请发送“${value.normalize('NFKC')}” / must be in Unicode NFKC form: send "${value.normalize('NFKC')}"`,
    );
  }
  return problems;
}

/** Case numbers: identifiers that also appear in URL paths and workflow ids. */
export const CASE_NUMBER_RULES: IdentifierRules = {
  max: 64,
  forbidden: /[/\\?#%:]/,
  forbiddenLabel: '/ \\ ? # % :',
};

/** Short ids chosen by clients or issued by the identity provider (unit ids, pause ids…). */
export const SHORT_ID_RULES: IdentifierRules = { max: 64, forbidden: /[/\\?#%]/, forbiddenLabel: '/ \\ ? # %' };
