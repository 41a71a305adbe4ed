import type { LegalPeriod } from '@enforcement/workdays';
import type { EnforcementCategory } from '../case/case.types';
import type { DecisionPartyKind } from '../events/case-decision-issued.v1';

/**
 * 7个工作日 — decisions published within 7 working days of the decision (SPEC D4; 003 附件 (十五): 行政处罚、行政强制、
 * 行政许可、行政征收). Every other category has 20 working days (其他执法决定; 000 附件1 第十八条).
 */
const SEVEN_DAY_CATEGORIES: readonly EnforcementCategory[] = ['permit', 'penalty', 'coercive-measure', 'expropriation'];

/** D4: the publication limit of a decision of `category`, counted from the civil date of the decision. */
export function publicationPeriod(category: EnforcementCategory): LegalPeriod {
  return { workdays: SEVEN_DAY_CATEGORIES.includes(category) ? 7 : 20 };
}

/** D8: 3个工作日 — a revoked or changed decision is taken down within 3 working days of receiving the legal document. */
export const TAKE_DOWN_PERIOD: LegalPeriod = { workdays: 3 };

/**
 * D9: an objection is decided within 10 working days of receipt, or 2 when a late correction would cause
 * irreparable harm (000 附件1 第二十一条).
 */
export function objectionPeriod(urgent: boolean): LegalPeriod {
  return { workdays: urgent ? 2 : 10 };
}

/**
 * D7: 公开期限 — 5 years; 2 years when the party (行政相对人) is a natural person (003 附件 (十七)). An individual
 * business (个体工商户) is a registered market entity and keeps the 5 years; the choice is ours and said here.
 * "N years" is W5 arithmetic: the same-numbered day, extended past a non-working day. Counted from publication.
 */
export function retentionPeriod(partyKind: DecisionPartyKind): { readonly years: number } {
  return { years: partyKind === 'natural-person' ? 2 : 5 };
}

/** C2: warnings go out one working day before a limit runs out (the default of SPEC C2). */
export const WARNING_WORKDAYS_BEFORE = 1;
