/**
 * The shape of one year's holiday arrangement, as bundled in `holidays.data.ts`, as accepted at run time through
 * the admin API (SPEC W4), and as derived for the provisional year (SPEC W7). All dates are 'YYYY-MM-DD' civil dates
 * in Asia/Shanghai and lie inside `year`.
 */

/** 通知 — the official notice a year's data comes from, so every date can be traced to a document. */
export interface SourceNotice {
  /** Full title, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  readonly title: string;
  /** 发文字号, e.g. 国办发明电〔2024〕12号. Optional because a local correction may have none. */
  readonly docNo?: string;
  /** 成文日期 — the date on the notice, 'YYYY-MM-DD' (usually in the previous year). */
  readonly issuedOn: string;
  /** What this notice contributed when a year has several (e.g. a mid-year change). */
  readonly note?: string;
}

/** 放假 — one holiday break. */
export interface HolidayBreak {
  /** Chinese name as in the notice, e.g. 春节. */
  readonly name: string;
  /** English name, e.g. Spring Festival. */
  readonly nameEn: string;
  /**
   * Every date of this year on which the break is taken, weekend days inside the break included, as one run of
   * consecutive dates. Weekend days only matter for display; weekdays listed here become non-working days.
   */
  readonly days: readonly string[];
}

/** 部分节假日安排 — the holidays and make-up working days of one calendar year. */
export interface YearArrangement {
  readonly year: number;
  /** At least one notice; a year changed mid-way (2015, 2019, 2020) cites each notice that changed it. */
  readonly sources: readonly SourceNotice[];
  readonly holidays: readonly HolidayBreak[];
  /** 调休上班 — weekend days that are working days. */
  readonly makeupWorkdays: readonly string[];
  /**
   * 暂定 — set only on the provisional year the calendar derives itself from the national holiday regulation
   * (SPEC W7, `provisional-year.rules.ts`); its source is the regulation, not a notice. An agency publishes official
   * data only, so `validateYearArrangement` refuses any input carrying this field.
   */
  readonly provisional?: true;
}
