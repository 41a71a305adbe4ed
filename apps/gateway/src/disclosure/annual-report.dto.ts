import { HttpStatus, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { AppError, IsStoreSafeText } from '@enforcement/platform';

export class StartAnnualReportDto {
  @ApiProperty({ description: 'The year reported (its report is due the following January)', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2999)
  year!: number;
}

export class SubmitAnnualReportDto {
  @ApiProperty({ description: '报送文号或回执 — reference of the submission to the justice bureau' })
  @IsString()
  @IsStoreSafeText({ max: 200 })
  reference!: string;
}

/** A four-digit year in the path, checked at the edge; anything else is a bilingual 400 naming the field. */
@Injectable()
export class YearPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    // The global ValidationPipe runs first and may already have turned the path's text into a number.
    const text = typeof value === 'number' ? String(value) : value;
    const year = typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= 2000 && year <= 2999)) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { zh: '请求字段不符合要求：year（四位年份）', en: 'These fields are not valid: year (a four-digit year)' },
        [{ field: 'year', problems: ['a four-digit year between 2000 and 2999'] }],
      );
    }
    return year;
  }
}
