import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Client } from '@temporalio/client';
import {
  assessMajorDecision,
  catalogueInForce,
  catalogueVersionWorkflowId,
  PUBLISH_CATALOGUE_VERSION_WORKFLOW_TYPE,
  TaskQueues,
  versionInForce,
  ReviewRuleError,
  type Actor,
  type MajorDecisionAssessment,
  type MajorDecisionCatalogue,
  type ProposedDecision,
  type PublishCatalogueVersionInput,
  type PublishCatalogueVersionResult,
  type StoredCatalogueVersion,
} from '@enforcement/domain';
import { AppError, TEMPORAL_CLIENT } from '@enforcement/platform';
import { civilDate } from '@enforcement/workdays';
import { reviewRuleAppError } from '../reviews/review-errors';
import { ReviewReadApi, type ForwardedCaller } from '../reviews/review-read.api';
import type { CatalogueVersionSummaryDto, PublishCatalogueDto } from './catalogue.dto';

export type { StoredCatalogueVersion } from '@enforcement/domain';

/** How long a publisher waits for review-svc to store a version before being told to check and try again. */
const PUBLISH_TIMEOUT_MS = 20_000;

/**
 * 重大执法决定法制审核目录清单 (SPEC L1) at the edge. review-svc owns the versions (its append-only
 * `catalogue_versions`, issue 8 §6): they are read from its read API with the caller's token, and a new version is
 * published by `publishCatalogueVersionWorkflow` on its task queue. Which version is in force for agency X on day D
 * is the domain's pure rule, applied here to what review-svc holds; assessments and review submissions go through
 * it, so each records the version it used.
 */
@Injectable()
export class AgencyCatalogue {
  /**
   * The agency this deployment serves (`AGENCY_ID`; one agency per deployment, so tokens need no agency claim):
   * assessments and submissions use its catalogue, and only its catalogue may be published here. The demo
   * catalogue, seeded by the migration, is version 1 of the default demo agency.
   */
  readonly agencyId: string;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly reads: ReviewReadApi,
    config: ConfigService,
  ) {
    this.agencyId = config.getOrThrow<string>('AGENCY_ID');
  }

  /** Every stored version of the agency's catalogue, oldest first, as review-svc holds them. */
  private async stored(agencyId: string, caller: ForwardedCaller): Promise<StoredCatalogueVersion[]> {
    const path = `/catalogue/${encodeURIComponent(agencyId)}/versions`;
    return (await this.reads.get(path, {}, caller)) as StoredCatalogueVersion[];
  }

  /** The version in force on the civil date (Asia/Shanghai) of `at`. */
  async inForce(at: Date, caller: ForwardedCaller, agencyId: string = this.agencyId): Promise<MajorDecisionCatalogue> {
    const stored = (await this.stored(agencyId, caller)).map((v) => v.catalogue);
    return this.rule(() => catalogueInForce(stored, agencyId, civilDate(at)));
  }

  /** Whether review is mandatory for the proposed decision, and under which entries of the version in force. */
  async assess(proposed: ProposedDecision, at: Date, caller: ForwardedCaller): Promise<MajorDecisionAssessment> {
    return (await this.assessInForce(proposed, at, caller)).assessment;
  }

  /**
   * The version in force together with the assessment made against it, read once: a submission takes both the
   * entries and the review settings (`reviewPolicy`) from the same version, even if another is published meanwhile.
   */
  async assessInForce(
    proposed: ProposedDecision,
    at: Date,
    caller: ForwardedCaller,
  ): Promise<{ catalogue: MajorDecisionCatalogue; assessment: MajorDecisionAssessment }> {
    const catalogue = await this.inForce(at, caller);
    return { catalogue, assessment: this.rule(() => assessMajorDecision(catalogue, proposed)) };
  }

  /** A stored version, in force or not (what an older review was assessed against). */
  async version(agencyId: string, version: number, caller: ForwardedCaller): Promise<MajorDecisionCatalogue> {
    const stored = (await this.stored(agencyId, caller)).find((v) => v.catalogue.version === version);
    if (!stored) {
      throw new AppError('CATALOGUE.VERSION_NOT_FOUND', HttpStatus.NOT_FOUND, {
        zh: `${agencyId} 没有第 ${version} 版目录清单`,
        en: `${agencyId} has no catalogue version ${version}`,
      });
    }
    return stored.catalogue;
  }

  async list(agencyId: string, at: Date, caller: ForwardedCaller): Promise<CatalogueVersionSummaryDto[]> {
    const stored = await this.stored(agencyId, caller);
    const today = civilDate(at);
    // The same rule as assessments use, so the list never marks another version than the one applied.
    const inForce = versionInForce(
      stored.map((v) => v.catalogue),
      agencyId,
      today,
    );
    return stored.map((v) => ({ ...summary(v), inForce: v.catalogue.version === inForce }));
  }

  /**
   * Publishes the agency's next version through review-svc: it numbers it (previous + 1, serialised per agency),
   * validates it in full and appends it with its audit row in one transaction. Nothing stored before is touched.
   */
  async publish(
    body: PublishCatalogueDto,
    actor: Actor,
    correlationId: string,
    at: Date,
  ): Promise<StoredCatalogueVersion> {
    if (body.agencyId !== this.agencyId) {
      throw new AppError('CATALOGUE.OTHER_AGENCY', HttpStatus.BAD_REQUEST, {
        zh: `本系统服务于 ${this.agencyId}，不能发布其他机关（${body.agencyId}）的目录清单；请核对 agencyId`,
        en: `This system serves ${this.agencyId}; it cannot publish the catalogue of another agency (${body.agencyId}). Check agencyId`,
      });
    }
    // One workflow and one stored version per call; review-svc returns that version if its activity is retried.
    const callKey = randomUUID();
    const input: PublishCatalogueVersionInput = {
      catalogue: normalise(body, 0),
      today: civilDate(at),
      publishedBy: actor.id,
      correlationId: `${correlationId}:${callKey}`,
    };
    const result = await this.run(catalogueVersionWorkflowId(body.agencyId, callKey), input);
    if ('stored' in result) return result.stored;
    const first = result.issues[0];
    throw new AppError(
      'CATALOGUE.INVALID',
      HttpStatus.BAD_REQUEST,
      {
        zh: `目录清单有 ${result.issues.length} 处问题，例如 ${first.path}：${first.message_zh}`,
        en: `The catalogue has ${result.issues.length} problem(s), e.g. ${first.path}: ${first.message_en}`,
      },
      result.issues,
    );
  }

  private async run(workflowId: string, input: PublishCatalogueVersionInput): Promise<PublishCatalogueVersionResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(publishUnavailable()), PUBLISH_TIMEOUT_MS);
    });
    try {
      const handle = await this.temporal.workflow.start(PUBLISH_CATALOGUE_VERSION_WORKFLOW_TYPE, {
        taskQueue: TaskQueues.review,
        workflowId,
        args: [input],
      });
      return await Promise.race([handle.result() as Promise<PublishCatalogueVersionResult>, timeout]);
    } catch (err) {
      // Not stored, or not known to be: the version list tells, and a repeat publishes at most one more version.
      throw err instanceof AppError ? err : publishUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  private rule<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ReviewRuleError) throw reviewRuleAppError(err.toJSON());
      throw err;
    }
  }
}

/** The body as a domain catalogue with its assigned version, without absent optional fields. */
function normalise(body: PublishCatalogueDto, version: number): MajorDecisionCatalogue {
  return JSON.parse(
    JSON.stringify({
      agencyId: body.agencyId,
      agencyName: body.agencyName,
      version,
      effectiveFrom: body.effectiveFrom,
      adoptedBy: body.adoptedBy,
      reviewAllOutsideSimplifiedProcedure: body.reviewAllOutsideSimplifiedProcedure,
      entries: body.entries,
      reviewPolicy: body.reviewPolicy,
    }),
  ) as MajorDecisionCatalogue;
}

function publishUnavailable(): AppError {
  return new AppError('CATALOGUE.PUBLISH_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: '目录清单暂未能发布，请查看版本列表确认后重试',
    en: 'The catalogue could not be published yet; check the list of versions, then try again',
  });
}

function summary(v: StoredCatalogueVersion): Omit<CatalogueVersionSummaryDto, 'inForce'> {
  return {
    agencyId: v.catalogue.agencyId,
    version: v.catalogue.version,
    effectiveFrom: v.catalogue.effectiveFrom,
    adoptedBy: v.catalogue.adoptedBy,
    entryCount: v.catalogue.entries.length,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt,
  };
}
