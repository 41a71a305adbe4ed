/** 每日时限提醒 (C2): the digest workflow that review-svc's schedule starts every working morning. */
export const DEADLINE_DIGEST_WORKFLOW_TYPE = 'deadlineDigestWorkflow';
export const DEADLINE_DIGEST_SCHEDULE_ID = 'supervision-deadline-digest';

export interface DeadlineDigestWorkflowInput {
  /** The civil day (YYYY-MM-DD, Asia/Shanghai) to assemble; absent: the day the run starts. */
  readonly day?: string;
}

export interface DeadlineDigestResult {
  readonly day: string;
  /** Units a digest was stored for (a unit with nothing overdue or due soon gets none). */
  readonly units: number;
}
