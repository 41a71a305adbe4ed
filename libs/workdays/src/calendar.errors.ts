/**
 * Errors raised by the working-day calendar. Each carries a stable `code` so callers (gateway, workflows,
 * alerting) can branch on it without parsing the message, and a message in Chinese and English because the
 * text may reach an enforcement officer as well as an engineer.
 */

/** The input is not a real 'YYYY-MM-DD' civil date (e.g. '2025-02-30', '2025-2-3'). */
export class InvalidCivilDateError extends RangeError {
  readonly code = 'WORKDAYS.INVALID_DATE' as const;
  readonly input: unknown;

  constructor(input: unknown) {
    super(
      `日期 ${describe(input)} 不是有效的公历日期，应为 YYYY-MM-DD 格式（如 2025-10-09）。` +
        ` / ${describe(input)} is not a valid civil date; expected YYYY-MM-DD (e.g. 2025-10-09).`,
    );
    this.name = 'InvalidCivilDateError';
    this.input = input;
  }
}

/**
 * 日历未覆盖 — the calendar holds no State Council arrangement for `year` (SPEC W3). Thrown instead of guessing
 * from weekends, because a guessed deadline that ignores a holiday is a wrong legal deadline.
 */
export class CalendarNotCoveredError extends Error {
  readonly code = 'WORKDAYS.CALENDAR_NOT_COVERED' as const;
  readonly year: number;

  constructor(year: number) {
    super(
      `工作日历未收录 ${year} 年的节假日安排，无法计算工作日；请先导入国务院办公厅关于${year}年部分节假日安排的通知。` +
        ` / The working-day calendar has no holiday arrangement for ${year}; load the State Council notice for ${year} first.`,
    );
    this.name = 'CalendarNotCoveredError';
    this.year = year;
  }
}

/** One problem found by `validateYearArrangement`, phrased so an administrator can fix the input. */
export interface YearArrangementIssue {
  /** Where in the submitted document, e.g. `holidays[1].days[3]`; '' for the document itself. */
  readonly path: string;
  /** Stable machine-readable code, e.g. `WORKDAYS.DATE_OUTSIDE_YEAR`. */
  readonly code: string;
  readonly message_zh: string;
  readonly message_en: string;
}

/** A year arrangement was rejected; `issues` lists every problem at once so it can be fixed in one pass. */
export class InvalidYearArrangementError extends Error {
  readonly code = 'WORKDAYS.INVALID_YEAR_ARRANGEMENT' as const;
  readonly issues: readonly YearArrangementIssue[];

  constructor(issues: readonly YearArrangementIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
    super(
      `节假日安排数据无效：${first ? first.message_zh : ''}${more} / Invalid holiday arrangement: ${first ? first.message_en : ''}${more}`,
    );
    this.name = 'InvalidYearArrangementError';
    this.issues = issues;
  }
}

function describe(input: unknown): string {
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return String(input);
}
