/** Codes of every disclosure rule a command can break; stable, so clients and tests can rely on them. */
export type DisclosureErrorCode =
  | 'DISCLOSURE.EXEMPTION_REASON_REQUIRED'
  | 'DISCLOSURE.EXEMPTION_FILING_REQUIRED'
  | 'DISCLOSURE.EXEMPTION_OVERRIDDEN'
  | 'DISCLOSURE.FULL_TEXT_REQUIRED'
  | 'DISCLOSURE.NEVER_PUBLISHED'
  | 'DISCLOSURE.MARK_OUT_OF_RANGE'
  | 'DISCLOSURE.MARK_OVERLAPS'
  | 'DISCLOSURE.MARK_NOT_FOUND'
  | 'DISCLOSURE.NOT_IN_REVIEW'
  | 'DISCLOSURE.ROLE_NOT_ALLOWED'
  | 'DISCLOSURE.OTHER_UNIT'
  | 'DISCLOSURE.OBJECTION_REASONS_REQUIRED'
  | 'DISCLOSURE.CORRECTION_REQUIRED'
  | 'DISCLOSURE.NOT_PUBLISHED'
  | 'DISCLOSURE.OBJECTION_DECIDED'
  | 'DISCLOSURE.EX_ANTE_CONTENT_REQUIRED'
  | 'DISCLOSURE.EX_ANTE_WRONG_STEP'
  | 'DISCLOSURE.EX_ANTE_REASONS_REQUIRED'
  | 'DISCLOSURE.ANNUAL_REPORT_SUBMITTED'
  | 'DISCLOSURE.ANNUAL_REPORT_PUBLISHED'
  | 'DISCLOSURE.ANNUAL_REPORT_REFERENCE';

/** A disclosure rule refused a command: a client mistake (4xx at the edge), never a server fault. */
export class DisclosureRuleError extends Error {
  constructor(
    readonly code: DisclosureErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(en);
    this.name = 'DisclosureRuleError';
  }
}
