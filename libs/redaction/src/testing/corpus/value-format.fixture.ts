import type { SeededRandom } from './seeded-random';

/**
 * How people actually type numbers into decision texts: full-width digits, spaces and hyphens in groups,
 * brackets around area codes, +86, masks applied by hand. Every variant keeps the value's characters in place,
 * so a label covering the formatted value stays exact.
 */
export function fullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function maybeFullWidth(r: SeededRandom, s: string): string {
  return r.chance(0.15) ? fullWidth(s) : s;
}

export function formatMobile(r: SeededRandom, n: string): { text: string; masked: boolean } {
  const roll = r.next();
  if (roll < 0.08) return { text: `${n.slice(0, 3)}****${n.slice(7)}`, masked: true };
  const body =
    roll < 0.25
      ? `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`
      : roll < 0.37
        ? `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`
        : roll < 0.42
          ? `+86 ${n}`
          : roll < 0.45
            ? `+86-${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`
            : n;
  return { text: maybeFullWidth(r, body), masked: false };
}

export function formatLandline(r: SeededRandom, area: string, local: string): string {
  const split = local.length === 8 ? `${local.slice(0, 4)} ${local.slice(4)}` : local;
  const roll = r.next();
  const body =
    roll < 0.45
      ? `${area}-${local}`
      : roll < 0.6
        ? `(${area})${local}`
        : roll < 0.7
          ? `（${area}）${local}`
          : roll < 0.8
            ? `${area} ${split}`
            : roll < 0.87
              ? `+86-${area.slice(1)}-${local}`
              : `${area}${local}`;
  const extension = r.chance(0.12) ? r.pick([`转${r.int(100, 899)}`, `-${r.int(10, 99)}`]) : '';
  return maybeFullWidth(r, body + extension);
}

export function formatId(r: SeededRandom, id: string): { text: string; masked: boolean } {
  const roll = r.next();
  if (roll < 0.12) return { text: `${id.slice(0, 6)}********${id.slice(14)}`, masked: true };
  if (roll < 0.16) return { text: `${id.slice(0, 4)}**********${id.slice(14)}`, masked: true };
  if (roll < 0.24) return { text: `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`, masked: false };
  const body = roll < 0.28 ? id.replace('X', 'x') : id;
  return { text: maybeFullWidth(r, body), masked: false };
}

export function formatCard(r: SeededRandom, card: string): { text: string; masked: boolean } {
  const roll = r.next();
  if (roll < 0.08) return { text: `${card.slice(0, 4)} **** **** ${card.slice(-4)}`, masked: true };
  if (roll < 0.35) return { text: card.replace(/(\d{4})(?=\d)/g, '$1 '), masked: false };
  if (roll < 0.4) return { text: card.replace(/(\d{4})(?=\d)/g, '$1-'), masked: false };
  return { text: maybeFullWidth(r, card), masked: false };
}

export function formatPlate(r: SeededRandom, p: string): string {
  const roll = r.next();
  if (roll < 0.3) return `${p.slice(0, 2)}·${p.slice(2)}`;
  if (roll < 0.35) return `${p.slice(0, 2)}${r.pick([' ', '-'])}${p.slice(2)}`;
  if (roll < 0.4) return `${p.slice(0, 2)}${fullWidth(p.slice(2))}`;
  if (roll < 0.45 && /^[^挂学警]*$/.test(p) && p.length === 7) return `${p.slice(0, 3)}**${p.slice(5)}`;
  return p;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const CN_DIGITS = '〇一二三四五六七八九';

function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]);
  return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]);
}

/** A date as written in decisions: 2026年3月12日, 2026年03月12日, 2026-03-12, 2026.3.12, 二〇二六年三月十二日. */
export function formatDate(r: SeededRandom, d: Ymd, allowMonthOnly = false): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  const roll = r.next();
  if (roll < 0.45) return maybeFullWidth(r, `${d.year}年${d.month}月${d.day}日`);
  if (roll < 0.6) return `${d.year}年${mm}月${dd}日`;
  if (roll < 0.72) return `${d.year}-${mm}-${dd}`;
  if (roll < 0.8) return `${d.year}.${d.month}.${d.day}`;
  if (roll < 0.86)
    return `${[...String(d.year)].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnNumber(d.month)}月${cnNumber(d.day)}日`;
  if (allowMonthOnly && roll < 0.92) return `${d.year}年${d.month}月`;
  return `${d.year}/${mm}/${dd}`;
}
