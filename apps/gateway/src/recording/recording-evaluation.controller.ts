import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Access, IsCaseNumber, IsStoreSafeText, NotPersonalData } from '@enforcement/platform';
import { IsBoundedInt, IsBoundedNumber } from '@enforcement/platform/validation/number.decorators';
import { RecordingForwardClient } from './recording-forward.client';

type Req = { id?: string };

export class EvaluationItemDto {
  @ApiProperty() @IsString() @IsStoreSafeText({ max: 200 }) criterion!: string;
  @ApiProperty() @IsBoundedNumber(0, 1000) score!: number;
  @ApiProperty() @IsBoundedNumber(1, 1000) max!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsStoreSafeText({ max: 500 }) note?: string;
}

/** 案卷评查表 — one evaluation sheet of one case file (R13). */
export class EvaluateCaseDto {
  @ApiProperty() @IsCaseNumber() caseNumber!: string;
  @ApiProperty({ description: 'The evaluation year (案卷评查 at least yearly)' })
  @IsBoundedInt(2000, 2200)
  year!: number;
  @ApiProperty({ type: [EvaluationItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemDto)
  items!: EvaluationItemDto[];
  @ApiProperty({ description: '评查意见' })
  @IsString()
  @IsStoreSafeText({ max: 4000, multiline: true })
  findings!: string;
}

/** 案卷评查 and accountability counts at the edge (SPEC R13), served by recording-svc. */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/recording/evaluations')
export class RecordingEvaluationController {
  constructor(private readonly recording: RecordingForwardClient) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.evaluate')
  @ApiOperation({ summary: '案卷评查 — record an evaluation sheet of a case file (R13)' })
  async evaluate(@Body() dto: EvaluateCaseDto, @Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('POST', '/evaluations', { authorization, requestId: req.id }, { body: dto }))
      .json;
  }

  @Get('accountability')
  @NotPersonalData('counts per unit of missed limits and evaluation grades (R13)')
  @Access('recording.accountability')
  @ApiOperation({ summary: 'R13 — per unit: missed recording limits and unqualified evaluations of a year' })
  async accountability(
    @Query('year') year: string | undefined,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const caller = { authorization, requestId: req.id };
    return (await this.recording.send('GET', '/evaluations/accountability', caller, { query: { year } })).json;
  }
}
