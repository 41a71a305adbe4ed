/**
 * Fills a message's placeholders. `{name}` is the parameter's value; `{name|one|other}` is the word for that count
 * in the message's language — English says "1 task" but "2 tasks" (and "0 tasks"), which a fixed "{n} tasks" got
 * wrong for one. The choice is Intl.PluralRules', so a language with more forms only needs more words in its own
 * messages, never a change here; Chinese counts need no form and its messages use plain `{n}`.
 */
export function fillMessage(text: string, params: Record<string, string | number>, lang: 'zh' | 'en'): string {
  const rules = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en');
  return text
    .replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (_, name: string, one: string, other: string) =>
      rules.select(Number(params[name] ?? 0)) === 'one' ? one : other,
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
