import { defineQuery, defineSignal } from '@temporalio/workflow';
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
}

/** Where the case stands, as its workflow knows it. */
export interface CaseStatus {
  caseNumber: string;
  unitId: string;
  /** 案件名称 as initiated; documents of the case print it. */
  title: string;
  step: 'initiation' | 'registered' | 'closed';
  registeredAt: string | null;
}

export const caseStatusQuery = defineQuery<CaseStatus>('caseStatus');
/** Closes the case's lifecycle workflow; the full step sequence (R1) arrives with recording-svc's own issue. */
export const closeCaseSignal = defineSignal<[{ reason: string }]>('closeCase');
