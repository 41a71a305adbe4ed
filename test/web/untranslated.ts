/**
 * What of a page in English is still Chinese where it should not be: every visible text and every placeholder, label
 * (aria-label) and title holding Chinese, less the data values a test names (party names, titles, people) and less
 * what the page itself marks as Chinese with `lang="zh…"` (the switch back to 中文, quoted Chinese originals).
 */
import type { Page } from 'playwright-core';

/** Chinese characters and full-width punctuation. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

export interface ChineseText {
  text: string;
  /** Where it sits: the nearest test ids and tags, innermost first. */
  where: string;
}

/** The visible texts and attributes of the page holding Chinese outside a `lang="zh…"` element. */
export async function chineseTexts(page: Page): Promise<ChineseText[]> {
  return page.evaluate((pattern: string) => {
    const chinese = new RegExp(pattern);
    type El = {
      tagName: string;
      parentElement: El | null;
      dataset: Record<string, string | undefined>;
      closest(selector: string): El | null;
      checkVisibility(options?: object): boolean;
      getAttribute(name: string): string | null;
    };
    type TextNode = { textContent: string | null; parentElement: El | null };
    const doc = globalThis as unknown as {
      document: {
        body: El;
        createTreeWalker(root: El, what: number): { nextNode(): TextNode | null };
        querySelectorAll(selector: string): Iterable<El>;
      };
    };
    const where = (el: El) => {
      const path: string[] = [];
      for (let e: El | null = el; e && path.length < 4; e = e.parentElement) {
        path.push(`${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''}`);
      }
      return path.join(' < ');
    };
    const markedChinese = (el: El) => (el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh');
    const out: { text: string; where: string }[] = [];
    const walker = doc.document.createTreeWalker(doc.document.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!el || !chinese.test(text) || markedChinese(el)) continue;
      if (el.closest('script, style') || !el.checkVisibility({ visibilityProperty: true })) continue;
      out.push({ text, where: where(el) });
    }
    for (const el of doc.document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
      if (markedChinese(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value && chinese.test(value)) out.push({ text: value, where: `@${name} of ${where(el)}` });
      }
    }
    return out;
  }, CHINESE.source);
}

/**
 * The Chinese left once the given data values are taken out of each text: labels that were not translated. A value is
 * a string, or a pattern for a kind of data (any decision number); longer strings are taken out first, so a name inside
 * a longer title does not leave the rest behind.
 */
export async function untranslated(page: Page, data: readonly (string | RegExp)[]): Promise<ChineseText[]> {
  const strings = data.filter((d): d is string => typeof d === 'string' && CHINESE.test(d));
  const values = [...new Set(strings)].sort((a, b) => b.length - a.length);
  const patterns = data.filter((d): d is RegExp => d instanceof RegExp).map((p) => new RegExp(p.source, 'gu'));
  return (await chineseTexts(page)).filter(({ text }) => {
    let rest = text;
    for (const value of values) rest = rest.split(value).join(' ');
    for (const pattern of patterns) rest = rest.replace(pattern, ' ');
    return CHINESE.test(rest);
  });
}
