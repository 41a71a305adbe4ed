import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  QueryNotRegisteredError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  maySeeUnit,
  publicationCommandUpdate,
  publicationViewQuery,
  publicationWorkflowId,
  type Actor,
  type PublicationCommand,
  type PublicationView,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';

const COMMAND_TIMEOUT_MS = 30_000;

/** HTTP status of each refusal of the disclosure rules: a client mistake (4xx), never a 500. */
const STATUS_OF: Readonly<Record<string, HttpStatus>> = {
  'DISCLOSURE.NOT_IN_REVIEW': HttpStatus.CONFLICT,
  // Issue 12: the command's data could not be stored for good; nothing changed.
  'STORE.REFUSED': HttpStatus.BAD_REQUEST,
  'DISCLOSURE.ROLE_NOT_ALLOWED': HttpStatus.FORBIDDEN,
  'DISCLOSURE.OTHER_UNIT': HttpStatus.NOT_FOUND,
};

export function publicationNotFound(decisionNumber: string): AppError {
  return new AppError('DISCLOSURE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到决定书 ${decisionNumber} 的公示事项`,
    en: `No publication was found for decision ${decisionNumber}`,
  });
}

/** The gateway's side of disclosure-svc's `publicationWorkflow`: read its view, send the officer's commands. */
@Injectable()
export class PublicationWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /** C1: another unit's publication answers exactly like one that does not exist. */
  async view(decisionNumber: string, actor: Actor): Promise<PublicationView> {
    const handle = this.temporal.workflow.getHandle(publicationWorkflowId(decisionNumber));
    try {
      const view = await handle.query(publicationViewQuery);
      if (!maySeeUnit(actor, view.unitId)) throw publicationNotFound(decisionNumber);
      return view;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError) {
        throw publicationNotFound(decisionNumber);
      }
      throw error;
    }
  }

  /**
   * With the call's once-only key (`@Repeatable`) the update id is derived from it, so a retry of a command whose
   * answer was lost (a 503 while the update had already been admitted) gets the first outcome, not a refusal.
   */
  async command(
    decisionNumber: string,
    actor: Actor,
    command: PublicationCommand,
    requestKey?: string,
  ): Promise<PublicationView> {
    await this.view(decisionNumber, actor);
    const handle = this.temporal.workflow.getHandle(publicationWorkflowId(decisionNumber));
    try {
      // Bounded like the case commands: an update whose worker service is down waits with no end otherwise; on the
      // deadline it fails as DEADLINE_EXCEEDED, an honest 503 (issue 12 faults), and the repeat attaches by update id.
      return await this.temporal.withDeadline(Date.now() + COMMAND_TIMEOUT_MS, () =>
        handle.executeUpdate(publicationCommandUpdate, {
          args: [command],
          updateId: requestKey ? `${command.type}:${requestKey}` : undefined,
        }),
      );
    } catch (error) {
      throw toHttpError(error, decisionNumber);
    }
  }
}

function toHttpError(error: unknown, decisionNumber: string): unknown {
  if (error instanceof WorkflowNotFoundError) return publicationNotFound(decisionNumber);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    const detail = (failure.details?.[0] ?? {}) as { code?: string; zh?: string; en?: string; details?: unknown };
    if (detail.code) {
      return new AppError(
        detail.code,
        STATUS_OF[detail.code] ?? HttpStatus.UNPROCESSABLE_ENTITY,
        { zh: detail.zh ?? detail.code, en: detail.en ?? detail.code },
        detail.details ?? undefined,
      );
    }
  }
  return error;
}
