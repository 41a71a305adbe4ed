import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { caseStatusQuery, caseWorkflowId } from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';

/** C1 ownership at the edge: a case is acted on only after it was initiated, and only by its own unit. */
@Injectable()
export class CaseOwnership {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** The unit the case belongs to, or null when no such case was initiated. */
  async ownerOf(caseNo: string): Promise<string | null> {
    try {
      return (await this.temporal.workflow.getHandle(caseWorkflowId(caseNo)).query(caseStatusQuery)).unitId;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  /** Throws CASE.NOT_FOUND (404) unless the case exists and belongs to `unitId`; another unit's case is not disclosed. */
  async requireOwnCase(caseNo: string, unitId: string): Promise<void> {
    const owner = await this.ownerOf(caseNo);
    if (owner !== unitId) {
      throw new AppError('CASE.NOT_FOUND', HttpStatus.NOT_FOUND, {
        zh: `本单位没有编号为 ${caseNo} 的案件；须先立案，才能初审或报送法制审核`,
        en: `Your unit has no case ${caseNo}; a case must be initiated before its preliminary review or submission`,
      });
    }
  }
}
