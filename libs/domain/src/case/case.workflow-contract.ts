import { defineQuery } from '@temporalio/workflow';
import type { CaseParty, CaseStep, InitiationMode } from '../recording/recording.types';
import type { EnforcementCategory } from './case.types';

/** Input of `caseWorkflow`: one workflow per case, identified by `caseWorkflowId(caseNumber)`. */
export interface CaseWorkflowInput {
  caseNumber: string;
  category: EnforcementCategory;
  title: string;
  unitId: string;
  /** ISO instant the case was initiated. */
  initiatedAt: string;
  /** ISO instant by which the case must be decided, if the law sets one. */
  handlingDeadline: string | null;
  /** User id of the officer who initiated it. */
  initiatedBy: string;
  /** Request id of the call that started it; every event of the case carries it. */
  correlationId: string;
  /** 当事人 (R1); absent on cases started before the case record carried it. */
  party?: CaseParty | null;
  /** How the case started (R2); absent means ex officio. */
  initiationMode?: InitiationMode;
  /** The decision is major (catalogue, L1): the decision step waits for a passed review (L12). */
  needsReview?: boolean;
}

/** Where the case stands, as its workflow knows it. */
export interface CaseStatus {
  caseNumber: string;
  unitId: string;
  /** 案件名称 as initiated; documents of the case print it. */
  title: string;
  step: 'initiation' | 'registered' | 'closed';
  registeredAt: string | null;
  /** 执法环节 the case is in (R1). */
  phase: CaseStep;
  /** `not-taken-up`: a complaint answered without a case (R2). */
  outcome: 'open' | 'not-taken-up' | 'closed' | 'archived';
}

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
