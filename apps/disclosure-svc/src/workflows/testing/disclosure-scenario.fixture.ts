import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { BUNDLED_YEAR_ARRANGEMENTS, WorkdayCalendar } from '@enforcement/workdays';
import { hypotheticalYearsThrough } from '@enforcement/workdays/src/testing/year-arrangement.fixture';

/*
 * Dates for disclosure workflow tests on the time-skipping server, which only moves forward from the machine's
 * clock: scenarios run in a year after both the clock's and the bundled data's, on the test-only hypothetical
 * arrangement (New Year's Day, 10–16 February, 1–3 May, National Day 1–7 October, a make-up Saturday between 8 and
 * 14 October) loaded for every later year; an independent day-walker gives the expected dates.
 */
export const YEAR = Math.max(new Date().getUTCFullYear(), ...BUNDLED_YEAR_ARRANGEMENTS.map((a) => a.year)) + 1;
export const testCalendar = WorkdayCalendar.fromYears([
  ...BUNDLED_YEAR_ARRANGEMENTS,
  ...hypotheticalYearsThrough(YEAR + 7),
]);

function isWorkdayInLayout(t: number): boolean {
  const d = new Date(t);
  const [m, day, wd] = [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCDay()];
  if (m === 10 && day >= 8 && day <= 14 && wd === 6) return true;
  const holiday =
    (m === 10 && day <= 7) || (m === 1 && day === 1) || (m === 2 && day >= 10 && day <= 16) || (m === 5 && day <= 3);
  return wd >= 1 && wd <= 5 && !holiday;
}

/** The n-th working day after a civil date, walking the hypothetical layout day by day. */
export function nthWorkdayAfter(date: string, n: number): string {
  let t = Date.parse(`${date}T00:00:00Z`);
  for (let left = n; left > 0;) {
    t += 86_400_000;
    if (isWorkdayInLayout(t)) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}
export const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
export const onOrAfter = (date: string) => nthWorkdayAfter(dayBefore(date), 1);
/** 24:00 Beijing at the end of a civil date, as ISO: how every working-day limit ends. */
export const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
/** Beijing wall-clock time as an instant. */
export const bj = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
/** Timers fire a few milliseconds after their instant; compare to the second. */
export const toSecond = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

export async function skipTo(env: TestWorkflowEnvironment, instant: Date): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant.getTime() <= now) throw new Error(`test instant ${instant.toISOString()} is already past`);
  await env.sleep(instant.getTime() - now);
}

export const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
