import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AnnualReportCommand, AnnualStatistics } from './annual-report.rules';
import type { PublicationLimit } from './publication.workflow-contract';
import type { StepFailure } from '../faults/activity-faults';

/** Workflow type of one year's annual report (SPEC D10), on task queue `disclosure`. */
export const ANNUAL_REPORT_WORKFLOW_TYPE = 'annualReportWorkflow';

/** Id of the Temporal Schedule that starts the report every 1 January (Asia/Shanghai). */
export const ANNUAL_REPORT_SCHEDULE_ID = 'disclosure-annual-report';

export interface AnnualReportWorkflowInput {
  /** The year reported; absent when the schedule starts it, then the year before the start's civil date. */
  readonly year?: number;
}

/** What the report's page shows: the figures, both limits and what has been done. */
export interface AnnualReportView {
  readonly year: number;
  readonly statistics: AnnualStatistics;
  /** D10: to the justice bureau by 15 January. */
  readonly submitBy: PublicationLimit;
  /** D10: to the public by 31 January. */
  readonly publicBy: PublicationLimit;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly submissionReference: string | null;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  /** Steps that failed for good (issue 12): a refused write or announcement, with its code and reason. */
  readonly failures?: readonly StepFailure[];
}

export const annualReportCommandUpdate = defineUpdate<AnnualReportView, [AnnualReportCommand]>('annualReportCommand');
export const annualReportViewQuery = defineQuery<AnnualReportView>('annualReportView');
