import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  CASE_REFUSED,
  caseCommandUpdate,
  caseStatusQuery,
  caseWorkflowId,
  maySeeUnit,
  type Actor,
  type CaseCommandResult,
  type CasePersonCommand,
  type CaseRefusal,
  type CaseStatus,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';

const CALL_TIMEOUT_MS = 30_000;

/** HTTP status of each refusal of the case rules: what the caller must supply (422), or cannot do now (409). */
const STATUS_OF: Record<CaseRefusal['code'], HttpStatus> = {
  'CASE.RECORD_INCOMPLETE': HttpStatus.UNPROCESSABLE_ENTITY,
  'CASE.STEP_INCOMPLETE': HttpStatus.UNPROCESSABLE_ENTITY,
  'CASE.APPROVAL_MISSING': HttpStatus.UNPROCESSABLE_ENTITY,
  'CASE.WRONG_STEP': HttpStatus.CONFLICT,
  'CASE.DECISION_GATE_CLOSED': HttpStatus.CONFLICT,
  'CASE.NO_DECISION': HttpStatus.CONFLICT,
  'CASE.ENDED': HttpStatus.CONFLICT,
  'CASE.UNKNOWN_RECORD': HttpStatus.NOT_FOUND,
  'STORE.REFUSED': HttpStatus.BAD_REQUEST,
  'CASE.NO_PARTY': HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Commands on a case's lifecycle workflow (SPEC R1–R5, R9), owner-checked before they are sent (C1). */
@Injectable()
export class CaseCommandClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** The case, if the caller may see it; another unit's case is "not found" (C1). */
  async ownCase(caseNumber: string, actor: Actor): Promise<CaseStatus> {
    let status: CaseStatus;
    try {
      status = await this.temporal.workflow.getHandle(caseWorkflowId(caseNumber)).query(caseStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw caseNotFound(caseNumber);
      throw err;
    }
    if (!maySeeUnit(actor, status.unitId)) throw caseNotFound(caseNumber);
    return status;
  }

  /**
   * With the call's once-only key (`@Repeatable`), the update id is derived from it: a client retrying a command whose
   * answer it never got (a 503 after the update was already admitted, a dropped connection) attaches to the first
   * update and gets its result instead of recording the command twice.
   */
  async send(
    caseNumber: string,
    actor: Actor,
    command: CasePersonCommand,
    requestKey?: string,
  ): Promise<CaseCommandResult> {
    await this.ownCase(caseNumber, actor);
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(caseNumber));
    try {
      return await this.temporal.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        handle.executeUpdate(caseCommandUpdate, {
          args: [command],
          updateId: requestKey ? `${command.type}:${requestKey}` : undefined,
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const failure = err.cause;
        const refusal = failure.details?.[0] as CaseRefusal | undefined;
        if (failure.type === CASE_REFUSED && refusal) {
          throw new AppError(
            refusal.code,
            STATUS_OF[refusal.code] ?? HttpStatus.UNPROCESSABLE_ENTITY,
            refusal,
            refusal.missing,
          );
        }
      }
      if (err instanceof WorkflowNotFoundError) {
        throw new AppError('CASE.ENDED', HttpStatus.CONFLICT, {
          zh: `案件 ${caseNumber} 的全过程记录已终结，不能再办理`,
          en: `The record of case ${caseNumber} has ended; nothing more can be done in it`,
        });
      }
      throw err;
    }
  }
}

export function caseNotFound(caseNumber: string): AppError {
  return new AppError('CASE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到案件 ${caseNumber}`,
    en: `No case ${caseNumber} was found`,
  });
}
