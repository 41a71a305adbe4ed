import { locale } from './index';

/** Chinese characters and full-width punctuation: what marks the Chinese half of a server's bilingual text. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const CHINESE_ALL = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g;

/** The field a problem names before its text ("name: …"), as the API writes some of them: kept in front. */
const FIELD_PREFIX = /^[A-Za-z_][\w.[\]]*: /;

/**
 * The halves of a problem text as the API writes it: "中文 / English" (its validation and our own rules), or
 * "English (中文)" (a few short ones), either after a "field: " prefix. The halves split at the first " / " after the
 * last Chinese character, so a " / " inside the Chinese half ("须为是或否（true / false）") stays where it is. Null when
 * the text is not one of these forms (one language only, or Chinese quoted inside the English): shown as it is.
 */
export function splitBilingual(text: string): { prefix: string; zh: string; en: string } | null {
  const prefix = FIELD_PREFIX.exec(text)?.[0] ?? '';
  const body = text.slice(prefix.length);
  const chinese = [...body.matchAll(CHINESE_ALL)];
  if (chinese.length === 0) return null;
  const slash = body.indexOf(' / ', chinese[chinese.length - 1].index ?? 0);
  if (slash > 0) {
    const zh = body.slice(0, slash).trim();
    const en = body.slice(slash + 3).trim();
    return zh && en ? { prefix, zh, en } : null;
  }
  const paren = /^([^\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+?)\s*[(（]([^()（）]+)[)）]$/.exec(body);
  if (paren && CHINESE.test(paren[2])) return { prefix, zh: paren[2].trim(), en: paren[1].trim() };
  return null;
}

/**
 * A bilingual text from the API in the reader's order: the interface's language first, the other after it
 * ("English / 中文" in English). Texts in one language pass unchanged.
 */
export function readerFirst(text: string): string {
  const halves = splitBilingual(text);
  if (!halves) return text;
  const { prefix, zh, en } = halves;
  return locale.value === 'zh' ? `${prefix}${zh} / ${en}` : `${prefix}${en} / ${zh}`;
}
