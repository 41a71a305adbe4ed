import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MajorDecisionAssessment, MajorDecisionCatalogue } from '@enforcement/domain';
import { Roles } from '@enforcement/platform';
import { AgencyCatalogue } from './agency-catalogue';
import { AssessmentDto, ProposedDecisionDto } from './proposed-decision.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: AgencyCatalogue) {}

  @Get()
  @Roles(
    'officer',
    'unit-head',
    'legal-reviewer',
    'legal-section-head',
    'supervising-leader',
    'agency-head',
    'leadership-meeting',
    'agency-it',
  )
  @ApiOperation({
    summary: '重大执法决定法制审核目录清单 — the catalogue of major decisions in force today (SPEC L1)',
    description: 'For now the demo catalogue shipped with the system; an agency must confirm its amounts.',
  })
  current(): MajorDecisionCatalogue {
    return this.catalogue.inForce(new Date());
  }

  @Post('assessments')
  @HttpCode(HttpStatus.OK)
  @Roles('officer', 'unit-head', 'legal-reviewer', 'legal-section-head')
  @ApiOperation({
    summary: '是否须经法制审核 — is legal review mandatory for this proposed decision, and under which entry (SPEC L1)',
  })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiBadRequestResponse({ description: 'REQUEST.VALIDATION_FAILED, REVIEW.INVALID_PROPOSED_DECISION' })
  assess(@Body() proposed: ProposedDecisionDto): MajorDecisionAssessment {
    return this.catalogue.assess(proposed, new Date());
  }
}
