import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  DisclosureRuleError,
  OBJECTION_WORKFLOW_TYPE,
  TaskQueues,
  checkObjectionDecision,
  decideObjectionUpdate,
  maySeeUnit,
  objectionViewQuery,
  objectionWorkflowId,
  publicationCommandUpdate,
  publicationViewQuery,
  publicationWorkflowId,
  type Actor,
  type ObjectionDecision,
  type ObjectionView,
  type ObjectionWorkflowInput,
  type PublicationView,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';
import type { DecideObjectionDto, SubmitObjectionDto } from '../portal/objection.dto';
import { toMarkChanges } from './mark-changes';

const PUBLICATION_PREFIX = publicationWorkflowId('');

function notFound(): AppError {
  return new AppError('PORTAL.NOT_FOUND', HttpStatus.NOT_FOUND, {
    zh: '没有该公示信息或更正申请',
    en: 'No such published item or objection',
  });
}

function ruleError(error: unknown): unknown {
  if (error instanceof DisclosureRuleError) {
    return new AppError(error.code, HttpStatus.UNPROCESSABLE_ENTITY, { zh: error.zh, en: error.en }, error.details);
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const d = (error.cause.details?.[0] ?? {}) as { code?: string; zh?: string; en?: string };
    if (d.code) {
      const status = d.code === 'DISCLOSURE.OTHER_UNIT' ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
      return new AppError(d.code, status, { zh: d.zh ?? d.code, en: d.en ?? d.code });
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    return new AppError('DISCLOSURE.OBJECTION_DECIDED', HttpStatus.CONFLICT, {
      zh: '该更正申请已处理',
      en: 'The objection has been answered',
    });
  }
  return error;
}

/** 更正申请 (SPEC D9) at the edge: the public files one, the handling unit's disclosure officer answers it. */
@Injectable()
export class ObjectionWorkflowClient {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  async submit(dto: SubmitObjectionDto, requestId: string): Promise<{ objectionId: string; decideBy: string | null }> {
    if (!dto.itemId.startsWith(PUBLICATION_PREFIX)) throw notFound();
    let item: PublicationView;
    try {
      item = await this.temporal.workflow.getHandle(dto.itemId).query(publicationViewQuery);
    } catch {
      throw notFound();
    }
    if (item.status !== 'published') throw notFound();
    const objectionId = randomUUID();
    const input: ObjectionWorkflowInput = {
      correlationId: requestId,
      submission: {
        objectionId,
        publicationId: item.publicationId,
        decisionNumber: item.decisionNumber,
        unitId: item.unitId,
        caseNumber: item.caseNumber,
        submitter: { name: dto.name, contact: dto.contact },
        content: dto.content,
        evidenceRefs: dto.evidenceRefs,
        urgent: dto.urgent === true,
        urgencyReason: dto.urgent === true ? (dto.urgencyReason ?? null) : null,
        receivedAt: new Date().toISOString(),
      },
    };
    const handle = await this.temporal.workflow.start(OBJECTION_WORKFLOW_TYPE, {
      taskQueue: TaskQueues.disclosure,
      workflowId: objectionWorkflowId(objectionId),
      args: [input],
    });
    const view = await this.waitForView(handle.workflowId);
    return { objectionId, decideBy: view?.decideBy?.deadline ?? null };
  }

  /** The public answer: status, limit and the decision with reasons — never the submitter's details. */
  async status(objectionId: string) {
    const view = await this.view(objectionId);
    return {
      objectionId: view.objectionId,
      status: view.status,
      urgent: view.urgent,
      receivedAt: view.receivedAt,
      decideBy: view.decideBy?.deadline ?? null,
      decideByProvisional: view.decideBy?.provisional ?? false,
      decision: view.decision
        ? { outcome: view.decision.outcome, reasons: view.decision.reasons, decidedAt: view.decision.decidedAt }
        : null,
    };
  }

  async decide(objectionId: string, dto: DecideObjectionDto, actor: Actor): Promise<ObjectionView> {
    const objection = await this.view(objectionId);
    if (!maySeeUnit(actor, objection.unitId)) throw notFound();
    const decision: ObjectionDecision = {
      outcome: dto.outcome,
      reasons: dto.reasons,
      correction: dto.correction
        ? { changes: toMarkChanges(dto.correction.changes), summary: dto.correction.summary }
        : null,
    };
    const acting = { id: actor.id, roles: actor.roles, unitId: actor.unitId };
    try {
      // Checked before any effect, so a bad answer never leaves a correction half made.
      checkObjectionDecision(decision);
      if (decision.outcome === 'corrected' && decision.correction !== null) {
        await this.temporal.workflow.getHandle(objection.publicationId).executeUpdate(publicationCommandUpdate, {
          args: [
            {
              type: 'correct',
              actor: acting,
              changes: decision.correction.changes,
              summary: decision.correction.summary,
              objectionId,
            },
          ],
        });
      }
      return await this.temporal.workflow
        .getHandle(objectionWorkflowId(objectionId))
        .executeUpdate(decideObjectionUpdate, { args: [{ actor: acting, decision }] });
    } catch (error) {
      throw ruleError(error);
    }
  }

  private async view(objectionId: string): Promise<ObjectionView> {
    try {
      return await this.temporal.workflow.getHandle(objectionWorkflowId(objectionId)).query(objectionViewQuery);
    } catch {
      throw notFound();
    }
  }

  /** The workflow answers queries once it has recorded the objection (its first two activities). */
  private async waitForView(workflowId: string): Promise<ObjectionView | null> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      try {
        return await this.temporal.workflow.getHandle(workflowId).query(objectionViewQuery);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return null;
  }
}
