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

/** The civil date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function civilDateOf(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: AGENCY_TIME_ZONE }).format(instant);
}

/** End (24:00) of a civil date in Asia/Shanghai as an ISO instant; China keeps no daylight saving time. */
export function endOfCivilDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
}
