import { locale } from './index';

/** Every date and deadline is shown in Asia/Shanghai, whatever the browser's zone (SPEC W1). */
export const AGENCY_TIME_ZONE = 'Asia/Shanghai';

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale.value === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: AGENCY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/**
 * A time limit: limits end at 24:00 of their last day (SPEC W5), which the clock calls 00:00 of the next; shown as
 * "24:00" of the last day so nobody reads the next day as still inside the limit.
 */
export function formatDeadline(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: AGENCY_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  if (time !== '00:00') return formatInstant(iso);
  const lastDay = new Intl.DateTimeFormat(locale.value === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: AGENCY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant.getTime() - 1));
  return `${lastDay} 24:00`;
}

/** Items of a list in the reader's language: 甲、乙 in Chinese, "a, b" in English. */
export function formatList(items: readonly string[]): string {
  return items.join(locale.value === 'zh' ? '、' : ', ');
}
