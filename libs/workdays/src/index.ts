export {
  addWorkdays,
  bundledCalendar,
  calendarVersion,
  countWorkdays,
  currentCalendar,
  deadline,
  isProvisional,
  isWorkday,
  loadYearArrangement,
  resetCalendar,
  touchesProvisional,
  useCalendar,
  workdaysBetween,
  workdaysLeft,
  type CalendarVersion,
} from './active-calendar';
export { WorkdayCalendar, type CalendarOptions } from './calendar';
export {
  CalendarNotCoveredError,
  InvalidCivilDateError,
  InvalidYearArrangementError,
  type YearArrangementIssue,
} from './calendar.errors';
export { civilDate, endOfCivilDay, isCivilDate, startOfCivilDay } from './civil-date';
export { COVERAGE_WARNING_DAYS, coverageWarning, type CoverageWarning } from './coverage';
export { BUNDLED_YEAR_ARRANGEMENTS } from './holidays.data';
export type { LegalPeriod } from './period';
export type { HolidayBreak, SourceNotice, YearArrangement } from './year-arrangement';
export {
  DEFAULT_PLAUSIBILITY_BOUNDS,
  validateYearArrangement,
  type PlausibilityBounds,
  type ValidateOptions,
  type YearArrangementValidation,
} from './year-arrangement.validator';
