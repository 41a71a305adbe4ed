import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { reviewWorkflowId } from '@enforcement/domain';
import { TEMPORAL_CLIENT } from '@enforcement/platform';

/** Rounds a case may have; far above any real case (each needs a refusal or withdrawal first), a guard on the probe. */
const MAX_ROUNDS = 50;

/**
 * 审核轮次 (SPEC L5): a case is reviewed in rounds — a refused (不予受理) or withdrawn submission ends its round and the
 * unit may submit again as the next one. Each round is its own workflow (`reviewWorkflowId(caseNo, n)`); commands,
 * the view and the decision gate follow the latest round. Found by id (strongly consistent), not by visibility.
 */
@Injectable()
export class ReviewRounds {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** The latest round's number, or 0 when the case was never submitted. */
  async latest(caseNo: string): Promise<number> {
    if (!(await this.exists(reviewWorkflowId(caseNo, 1)))) return 0;
    let round = 1;
    while (round < MAX_ROUNDS && (await this.exists(reviewWorkflowId(caseNo, round + 1)))) round += 1;
    return round;
  }

  /** The workflow id commands and reads of the case go to: its latest round's (round 1 before any submission). */
  async latestWorkflowId(caseNo: string): Promise<string> {
    return reviewWorkflowId(caseNo, Math.max(1, await this.latest(caseNo)));
  }

  private async exists(workflowId: string): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(workflowId).describe();
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }
}
