import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { EX_ANTE_FLAG_CAUSES, type ExAnteFlagCause } from '@enforcement/domain';
import { IsStoreSafeText } from '@enforcement/platform';

/** D3: a law change or a function transfer, and what it affects (by name, or items named). */
export class RecordLawChangeDto {
  @ApiProperty({ enum: EX_ANTE_FLAG_CAUSES, description: 'law-changed: 立改废; function-reassigned: 职能调整' })
  @IsIn(EX_ANTE_FLAG_CAUSES)
  cause!: ExAnteFlagCause;

  @ApiProperty({ description: 'The amending instrument or the transfer document (文号)' })
  @IsString()
  @IsStoreSafeText({ max: 300 })
  reference!: string;

  @ApiProperty({ type: [String], description: 'Legal bases or catalogue items affected, by name (《》 optional)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsStoreSafeText({ max: 200 }, { each: true })
  legalBases!: string[];

  @ApiPropertyOptional({ type: [String], description: 'Ex-ante items affected, named explicitly' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  itemIds?: string[];
}
