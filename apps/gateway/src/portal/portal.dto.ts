import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { enforcementCategories, type EnforcementCategory } from '@enforcement/domain';
import { IsCanonicalId, IsStoreSafeText, PageQuery } from '@enforcement/platform';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** D11: what the public may ask the portal — bounded, so no request can ask for the whole table. */
export class PortalQueryDto extends PageQuery({ defaultPageSize: 20, maxPageSize: 50, maxPage: 200 }) {
  @ApiPropertyOptional({ description: '全文检索 — words to find in the published text, separated by spaces' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @IsStoreSafeText({ max: 50 })
  q?: string;

  @ApiPropertyOptional({ description: '执法主体 id' })
  @IsOptional()
  @IsString()
  @IsCanonicalId()
  agencyId?: string;

  @ApiPropertyOptional({ enum: enforcementCategories })
  @IsOptional()
  @IsIn(enforcementCategories)
  category?: EnforcementCategory;

  @ApiPropertyOptional({ enum: ['ex-ante', 'ex-post'], description: '事前公开 (D1) or 事后公开 (D4)' })
  @IsOptional()
  @IsIn(['ex-ante', 'ex-post'])
  section?: 'ex-ante' | 'ex-post';

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(CIVIL_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(CIVIL_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}
