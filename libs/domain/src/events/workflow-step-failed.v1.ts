import { z } from 'zod';
import { defineEvent } from './event-contract';
import { Topics } from './topics';

/**
 * A step a workflow gave up on for good (issue 12, faults; C2/C3): the store refused its data or a rule refused it, so
 * retrying cannot help and a person has to look. The producing service keeps the audit row; this fact tells the
 * supervision board, so a unit head and the legal section see it beside the deadlines it may put at risk. It goes on
 * the supervision topic (`enforcement.deadline.v1`), which only the board reads.
 */
export const workflowStepFailedV1 = defineEvent({
  type: 'workflow.step-failed.v1',
  topic: Topics.deadline,
  data: z.object({
    /** The workflow that gave up (`case-…`, `publication-…`, …). */
    workflowId: z.string().min(1).max(200),
    /** What it was about: a case number, or an item's own id where there is no case (device, ex-ante item…). */
    subject: z.string().min(1).max(200),
    /** The unit concerned; `null` when the workflow belongs to no unit (the agency's annual report, a checkpoint). */
    unitId: z.string().min(1).max(64).nullable(),
    /** The step, in the workflow's own words (`recordCaseChanges:add-record`, `deadline-notice`, …). */
    step: z.string().min(1).max(200),
    /** STORE.REFUSED, a rule's own code, or the failure's type. */
    code: z.string().min(1).max(100),
    /** The innermost message, cut to 500 characters: enough to act on, never a dump of the data refused. */
    reason: z.string().max(500),
    /** Workflow time of the failure. */
    failedAt: z.string().datetime({ offset: true }),
  }),
});
export type WorkflowStepFailedV1 = z.infer<typeof workflowStepFailedV1.data>;
