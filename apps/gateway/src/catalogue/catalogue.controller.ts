import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, MajorDecisionAssessment, MajorDecisionCatalogue } from '@enforcement/domain';
import { Access, CurrentActor, NotPersonalData } from '@enforcement/platform';
import { AgencyCatalogue } from './agency-catalogue';
import type { StoredCatalogueVersion } from '@enforcement/domain';
import type { ForwardedCaller } from '../reviews/review-read.api';
import {
  CatalogueAgencyQueryDto,
  CatalogueQueryDto,
  CatalogueVersionSummaryDto,
  PublishCatalogueDto,
} from './catalogue.dto';
import { AssessmentDto, ProposedDecisionDto } from './proposed-decision.dto';

/** The request as the catalogue routes read it: the caller's token goes on to review-svc, which owns the versions. */
interface CatalogueRequest {
  id?: string;
  headers: { authorization?: string };
}

const forwarded = (req: CatalogueRequest): ForwardedCaller => ({
  authorization: req.headers.authorization ?? '',
  requestId: req.id,
});

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: AgencyCatalogue) {}

  @Get()
  @NotPersonalData('the agency’s catalogue of powers (public law)')
  @Access('catalogue.read')
  @ApiOperation({
    summary: '重大执法决定法制审核目录清单 — the catalogue in force today, or a stored version (SPEC L1)',
  })
  @ApiNotFoundResponse({ description: 'CATALOGUE.VERSION_NOT_FOUND' })
  current(@Query() query: CatalogueQueryDto, @Req() req: CatalogueRequest): Promise<MajorDecisionCatalogue> {
    const agencyId = query.agencyId ?? this.catalogue.agencyId;
    return query.version === undefined
      ? this.catalogue.inForce(new Date(), forwarded(req), agencyId)
      : this.catalogue.version(agencyId, query.version, forwarded(req));
  }

  @Get('versions')
  @NotPersonalData('the catalogue’s versions')
  @Access('catalogue.read')
  @ApiOperation({ summary: 'Every published version of an agency’s catalogue, oldest first (metadata only)' })
  @ApiOkResponse({ type: [CatalogueVersionSummaryDto] })
  versions(
    @Query() query: CatalogueAgencyQueryDto,
    @Req() req: CatalogueRequest,
  ): Promise<CatalogueVersionSummaryDto[]> {
    return this.catalogue.list(query.agencyId ?? this.catalogue.agencyId, new Date(), forwarded(req));
  }

  /**
   * Seed 000 第三条 has the bureau adopt the catalogue and seed 001's task table gives 编制目录清单 to the legal
   * section (法规科), so its head may publish it as well as agency IT, who administer the system.
   */
  @Put()
  @Access('catalogue.publish')
  @ApiOperation({
    summary: '发布新版目录清单 — publish the next version of an agency’s catalogue (SPEC L1)',
    description:
      'The server numbers it (previous + 1). Validated in full; effective today or later, never before the previous ' +
      'version. Stored append-only with an audit row; earlier versions and the reviews that used them are untouched.',
  })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED (shape), CATALOGUE.INVALID with every problem' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED' })
  publish(
    @Body() body: PublishCatalogueDto,
    @CurrentActor() actor: Actor,
    @Req() req: { id?: string },
  ): Promise<StoredCatalogueVersion> {
    return this.catalogue.publish(body, actor, req.id ?? `catalogue:${body.agencyId}`, new Date());
  }

  @Post('assessments')
  @HttpCode(HttpStatus.OK)
  @Access('catalogue.assess')
  @ApiOperation({
    summary: '是否须经法制审核 — is legal review mandatory for this proposed decision, and under which entry (SPEC L1)',
  })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED, REVIEW.INVALID_PROPOSED_DECISION' })
  assess(@Body() proposed: ProposedDecisionDto, @Req() req: CatalogueRequest): Promise<MajorDecisionAssessment> {
    return this.catalogue.assess(proposed, new Date(), forwarded(req));
  }
}
