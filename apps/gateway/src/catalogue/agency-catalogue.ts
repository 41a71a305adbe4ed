import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  assessMajorDecision,
  catalogueInForce,
  publicationIssues,
  versionInForce,
  ReviewRuleError,
  type Actor,
  type MajorDecisionAssessment,
  type MajorDecisionCatalogue,
  type ProposedDecision,
} from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import { civilDate } from '@enforcement/workdays';
import { reviewRuleAppError } from '../reviews/review-errors';
import { CatalogueVersionsRepository, type StoredCatalogueVersion } from './catalogue-versions.repository';
import type { CatalogueVersionSummaryDto, PublishCatalogueDto } from './catalogue.dto';

/** Audit subject of an agency's catalogue. */
export const catalogueSubject = (agencyId: string): string => `catalogue:${agencyId}`;

/**
 * 重大执法决定法制审核目录清单 (SPEC L1), stored per agency in versions that are never changed once published
 * (`gateway.catalogue_versions`, append-only). This is the one place that answers "which version is in force for
 * agency X on day D"; assessments and review submissions go through it, so each records the version it used.
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: CatalogueVersionsRepository,
    config: ConfigService,
  ) {
    this.agencyId = config.getOrThrow<string>('AGENCY_ID');
  }

  /** The version in force on the civil date (Asia/Shanghai) of `at`. */
  async inForce(at: Date, agencyId: string = this.agencyId): Promise<MajorDecisionCatalogue> {
    const stored = (await this.versions.all(agencyId)).map((v) => v.catalogue);
    return this.rule(() => catalogueInForce(stored, agencyId, civilDate(at)));
  }

  /** Whether review is mandatory for the proposed decision, and under which entries of the version in force. */
  async assess(proposed: ProposedDecision, at: Date): Promise<MajorDecisionAssessment> {
    return (await this.assessInForce(proposed, at)).assessment;
  }

  /**
   * The version in force together with the assessment made against it, read once: a submission takes both the
   * entries and the review settings (`reviewPolicy`) from the same version, even if another is published meanwhile.
   */
  async assessInForce(
    proposed: ProposedDecision,
    at: Date,
  ): Promise<{ catalogue: MajorDecisionCatalogue; assessment: MajorDecisionAssessment }> {
    const catalogue = await this.inForce(at);
    return { catalogue, assessment: this.rule(() => assessMajorDecision(catalogue, proposed)) };
  }

  /** A stored version, in force or not (what an older review was assessed against). */
  async version(agencyId: string, version: number): Promise<MajorDecisionCatalogue> {
    const stored = await this.versions.one(agencyId, version);
    if (!stored) {
      throw new AppError('CATALOGUE.VERSION_NOT_FOUND', HttpStatus.NOT_FOUND, {
        zh: `${agencyId} 没有第 ${version} 版目录清单`,
        en: `${agencyId} has no catalogue version ${version}`,
      });
    }
    return stored.catalogue;
  }

  async list(agencyId: string, at: Date): Promise<CatalogueVersionSummaryDto[]> {
    const stored = await this.versions.all(agencyId);
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
   * Publishes the agency's next version: the server numbers it (previous + 1, serialised per agency), validates
   * it in full, appends it and its audit row in one transaction. Nothing stored before is touched.
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
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.versions.latestLocked(manager, body.agencyId);
      const candidate = normalise(body, (previous?.catalogue.version ?? 0) + 1);
      const issues = publicationIssues(candidate, previous?.catalogue ?? null, civilDate(at));
      if (issues.length > 0) {
        const first = issues[0];
        throw new AppError(
          'CATALOGUE.INVALID',
          HttpStatus.BAD_REQUEST,
          {
            zh: `目录清单有 ${issues.length} 处问题，例如 ${first.path}：${first.message_zh}`,
            en: `The catalogue has ${issues.length} problem(s), e.g. ${first.path}: ${first.message_en}`,
          },
          issues,
        );
      }
      const stored = await this.versions.append(manager, candidate, actor.id, correlationId);
      await manager.query(`insert into audit_log (actor, action, subject, detail) values ($1, $2, $3, $4)`, [
        actor.id,
        'catalogue.publish',
        catalogueSubject(candidate.agencyId),
        {
          version: candidate.version,
          effectiveFrom: candidate.effectiveFrom,
          adoptedBy: candidate.adoptedBy,
          previousVersion: previous?.catalogue.version ?? null,
          correlationId,
        },
      ]);
      return stored;
    });
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
