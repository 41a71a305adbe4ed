/**
 * 期间 — a legal time limit as the regulations state it (SPEC W5). Exactly one unit per period, because the rules
 * for "N个工作日" and "N日" differ and mixing them would hide which rule applies.
 */
export type LegalPeriod =
  /** N个工作日 — N working days. */
  | { readonly workdays: number }
  /** N日 — N calendar days, extended past a non-working last day. */
  | { readonly days: number }
  /** N小时 — exact elapsed hours. */
  | { readonly hours: number }
  /** N个月 — N months, same-numbered day, extended like days. */
  | { readonly months: number }
  /** N年 — N years, same-numbered day, extended like days. */
  | { readonly years: number };

const UNITS = ['workdays', 'days', 'hours', 'months', 'years'] as const;

/**
 * Rejects malformed periods before any arithmetic: counted units must be positive integers (a zero-length legal
 * period does not exist, and a fraction of a working day has no meaning); hours must be positive and finite.
 */
export function checkPeriod(period: LegalPeriod): void {
  const present = period && typeof period === 'object' ? UNITS.filter((unit) => unit in period) : [];
  if (present.length !== 1) {
    throw new RangeError(
      `期间必须且只能包含 workdays、days、hours、months、years 之一 / ` +
        `A period must have exactly one of workdays, days, hours, months, years; got ${safeJson(period)}`,
    );
  }
  const unit = present[0];
  const value = (period as Record<string, unknown>)[unit];
  const ok =
    typeof value === 'number' &&
    (unit === 'hours' ? Number.isFinite(value) && value > 0 : Number.isSafeInteger(value) && value > 0);
  if (!ok) {
    const [zh, en] = unit === 'hours' ? ['正数', 'a positive number'] : ['正整数', 'a positive integer'];
    throw new RangeError(
      `期间 ${unit} 必须是${zh}，实际为 ${String(value)} / Period ${unit} must be ${en}, got ${String(value)}`,
    );
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
