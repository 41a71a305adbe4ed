import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  CASE_LIST_MAX_PAGE_SIZE,
  caseListStatuses,
  caseSteps,
  enforcementCategories,
  type CaseListFilter,
  type CaseListStatus,
  type CaseStep,
  type EnforcementCategory,
} from '@enforcement/domain';
import { IsCanonicalId, IsStoreSafeText, PageQuery } from '@enforcement/platform';

/** Filters of the case list at the edge (recording-svc checks the same shape again). */
export class CaseListQueryDto
  extends PageQuery({ defaultPageSize: 20, maxPageSize: CASE_LIST_MAX_PAGE_SIZE })
  implements CaseListFilter
{
  @ApiPropertyOptional({ enum: caseListStatuses, description: 'open, closed (结案), archived (归档), not-taken-up' })
  @IsOptional()
  @IsIn(caseListStatuses)
  status?: CaseListStatus;

  @ApiPropertyOptional({ enum: caseSteps, description: 'The step the case is at' })
  @IsOptional()
  @IsIn(caseSteps)
  step?: CaseStep;

  @ApiPropertyOptional({ enum: enforcementCategories })
  @IsOptional()
  @IsIn(enforcementCategories)
  category?: EnforcementCategory;

  @ApiPropertyOptional({ description: 'Part of the case number' })
  @IsOptional()
  @IsStoreSafeText({ max: 64 })
  caseNo?: string;

  @ApiPropertyOptional({ description: "Part of the party's name" })
  @IsOptional()
  @IsStoreSafeText({ max: 200 })
  party?: string;

  @ApiPropertyOptional({ description: 'One unit (agency-wide roles; a unit-scoped caller always gets their own)' })
  @IsOptional()
  @IsCanonicalId()
  unitId?: string;
}
