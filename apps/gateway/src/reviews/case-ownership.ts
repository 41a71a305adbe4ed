import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { caseStatusQuery, caseWorkflowId, type CaseStatus } from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';

/** C1 ownership at the edge: a case is acted on only after it was initiated, and only by its own unit. */
@Injectable()
export class CaseOwnership {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** The case as its lifecycle workflow knows it, or null when no such case was initiated. */
  async find(caseNo: string): Promise<CaseStatus | null> {
    try {
      return await this.temporal.workflow.getHandle(caseWorkflowId(caseNo)).query(caseStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    }
  }

  /** The unit the case belongs to, or null when no such case was initiated. */
  async ownerOf(caseNo: string): Promise<string | null> {
    return (await this.find(caseNo))?.unitId ?? null;
  }

  /** The case, if it exists and belongs to `unitId`; else CASE.NOT_FOUND (404): another unit's case is not disclosed. */
  async requireOwnCase(caseNo: string, unitId: string): Promise<CaseStatus> {
    const found = await this.find(caseNo);
    if (found?.unitId === unitId) return found;
    throw new AppError('CASE.NOT_FOUND', HttpStatus.NOT_FOUND, {
      zh: `本单位没有编号为 ${caseNo} 的案件；须先立案，才能初审或报送法制审核`,
      en: `Your unit has no case ${caseNo}; a case must be initiated before its preliminary review or submission`,
    });
  }
}
