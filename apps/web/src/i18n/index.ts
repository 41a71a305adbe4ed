import { computed, ref } from 'vue';
import { fillMessage } from './fill';
import { MESSAGES, type Messages } from './messages';

export type Locale = 'zh' | 'en';

const STORAGE_KEY = 'enforcement.locale';
const stored = localStorage.getItem(STORAGE_KEY);

/** The language of the interface: Chinese first, English on request (remembered in this browser). */
export const locale = ref<Locale>(stored === 'en' ? 'en' : 'zh');

export function setLocale(next: Locale): void {
  locale.value = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}
setLocale(locale.value);

/** Dotted paths of the message tree, e.g. `tasks.title`. */
type Path<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Path<T[K]>}` }[keyof T & string];
export type MessageKey = Path<Messages>;

function lookup(messages: Messages, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  return typeof value === 'string' ? value : key;
}

/** The text of a key in the current language, placeholders (and counted words) filled from `params` (see fill.ts). */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(lookup(MESSAGES[locale.value], key), params, locale.value);
}

/** A key chosen at run time (a role, a step or a category from the API); unknown ones show as they are. */
export function tDynamic(prefix: 'roles' | 'steps' | 'categories', value: string): string {
  return lookup(MESSAGES[locale.value], `${prefix}.${value}`).replace(`${prefix}.`, '');
}

/** A `{ zh, en }` pair from the API in the current language. */
export function bilingual(pair: { zh: string; en: string } | undefined | null): string {
  if (!pair) return '';
  return locale.value === 'zh' ? pair.zh : pair.en;
}

export const isZh = computed(() => locale.value === 'zh');
