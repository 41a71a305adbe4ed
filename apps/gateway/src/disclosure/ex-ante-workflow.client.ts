import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  QueryNotRegisteredError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowIdReusePolicy } from '@temporalio/common';
import {
  DisclosureRuleError,
  EX_ANTE_WORKFLOW_TYPE,
  TaskQueues,
  exAnteCommandUpdate,
  exAnteViewQuery,
  exAnteWorkflowId,
  initialExAnteState,
  maySeeUnit,
  type Actor,
  type ExAnteCommand,
  type ExAnteContent,
  type ExAnteItemIdentity,
  type ExAnteView,
  type ExAnteWorkflowInput,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';

/** HTTP status of each refusal: a client mistake (4xx), never a 500. */
const STATUS_OF: Readonly<Record<string, HttpStatus>> = {
  'DISCLOSURE.EX_ANTE_WRONG_STEP': HttpStatus.CONFLICT,
  'DISCLOSURE.ROLE_NOT_ALLOWED': HttpStatus.FORBIDDEN,
  'DISCLOSURE.OTHER_UNIT': HttpStatus.NOT_FOUND,
};

function notFound(itemId: string): AppError {
  return new AppError('DISCLOSURE.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: `未找到事前公开事项 ${itemId}`,
    en: `No ex-ante item ${itemId}`,
  });
}

function ruleError(code: string, zh: string, en: string, details?: unknown): AppError {
  return new AppError(code, STATUS_OF[code] ?? HttpStatus.UNPROCESSABLE_ENTITY, { zh, en }, details ?? undefined);
}

function toHttpError(error: unknown, itemId: string): unknown {
  if (error instanceof DisclosureRuleError) return ruleError(error.code, error.zh, error.en, error.details);
  if (error instanceof WorkflowNotFoundError) return notFound(itemId);
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const d = (error.cause.details?.[0] ?? {}) as { code?: string; zh?: string; en?: string; details?: unknown };
    if (d.code) return ruleError(d.code, d.zh ?? d.code, d.en ?? d.code, d.details);
  }
  return error;
}

export const actingAs = (actor: Actor) => ({ id: actor.id, roles: actor.roles, unitId: actor.unitId });

/** The gateway's side of disclosure-svc's `exAnteItemWorkflow` (SPEC D1–D3). */
@Injectable()
export class ExAnteWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /**
   * Drafts a new item: the rules run here first, so an internal record is refused at the edge (D2) — and again in
   * the workflow. The answer is the state the workflow starts from.
   */
  async create(
    item: Omit<ExAnteItemIdentity, 'itemId' | 'kind'> & { kind: string },
    content: ExAnteContent,
    actor: Actor,
    requestId: string,
  ): Promise<ExAnteView> {
    const itemId = randomUUID();
    const identity = { ...item, itemId } as ExAnteItemIdentity;
    if (!maySeeUnit(actor, item.unitId)) {
      throw ruleError('DISCLOSURE.OTHER_UNIT', '不能为其他机构起草', 'You cannot draft for another unit');
    }
    let initial;
    try {
      initial = initialExAnteState(identity, content, actor.id);
    } catch (error) {
      throw toHttpError(error, itemId);
    }
    const input: ExAnteWorkflowInput = { item: identity, content, drafter: actingAs(actor), correlationId: requestId };
    await this.temporal.workflow.start(EX_ANTE_WORKFLOW_TYPE, {
      taskQueue: TaskQueues.disclosure,
      workflowId: exAnteWorkflowId(itemId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [input],
    });
    return { ...initial, updateBy: null };
  }

  /** C1: another unit's item answers like one that does not exist. */
  async view(itemId: string, actor: Actor): Promise<ExAnteView> {
    try {
      const view = await this.temporal.workflow.getHandle(exAnteWorkflowId(itemId)).query(exAnteViewQuery);
      if (!maySeeUnit(actor, view.unitId)) throw notFound(itemId);
      return view;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof QueryNotRegisteredError) throw notFound(itemId);
      throw error;
    }
  }

  async command(itemId: string, actor: Actor, command: ExAnteCommand): Promise<ExAnteView> {
    await this.view(itemId, actor);
    try {
      return await this.temporal.workflow
        .getHandle(exAnteWorkflowId(itemId))
        .executeUpdate(exAnteCommandUpdate, { args: [command] });
    } catch (error) {
      throw toHttpError(error, itemId);
    }
  }

  /** D3: flags each item; one result per item, so a refused one does not hide the others. */
  async flag(
    itemIds: readonly string[],
    actor: Actor,
    flag: Pick<Extract<ExAnteCommand, { type: 'flag' }>, 'cause' | 'reference'>,
  ): Promise<{ itemId: string; updateBy: string | null; refused: { code: string; zh: string; en: string } | null }[]> {
    const results = [];
    for (const itemId of itemIds) {
      try {
        const view = await this.command(itemId, actor, { type: 'flag', actor: actingAs(actor), ...flag });
        results.push({ itemId, updateBy: view.updateBy?.deadline ?? null, refused: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ itemId, updateBy: null, refused: { code: error.code, ...error.messages } });
      }
    }
    return results;
  }
}
