import { Injectable } from '@nestjs/common';
import {
  assessMajorDecision,
  catalogueInForce,
  DEMO_CIVIL_AFFAIRS_CATALOGUE,
  ReviewRuleError,
  type MajorDecisionAssessment,
  type MajorDecisionCatalogue,
  type ProposedDecision,
} from '@enforcement/domain';
import { civilDate } from '@enforcement/workdays';
import { reviewRuleAppError } from '../reviews/review-errors';

/**
 * 重大执法决定法制审核目录清单 in force (SPEC L1). For now the agency's catalogue is the demo catalogue shipped in
 * libs/domain (one agency per deployment, version 1, amounts marked `configurable-default`): an agency must confirm
 * or replace it before going live. When catalogues become administrable (stored versions, like the calendar), only
 * `versions()` changes; the version in force on the day is chosen the same way.
 */
@Injectable()
export class AgencyCatalogue {
  readonly agencyId = DEMO_CIVIL_AFFAIRS_CATALOGUE.agencyId;

  versions(): readonly MajorDecisionCatalogue[] {
    return [DEMO_CIVIL_AFFAIRS_CATALOGUE];
  }

  /** The version in force on the civil date (Asia/Shanghai) of `at`. */
  inForce(at: Date): MajorDecisionCatalogue {
    return this.rule(() => catalogueInForce(this.versions(), this.agencyId, civilDate(at)));
  }

  /** Whether review is mandatory for the proposed decision, and under which entries of the version in force. */
  assess(proposed: ProposedDecision, at: Date): MajorDecisionAssessment {
    return this.rule(() => assessMajorDecision(this.inForce(at), proposed));
  }

  private rule<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ReviewRuleError) throw reviewRuleAppError(err.toJSON());
      throw err;
    }
  }
}
