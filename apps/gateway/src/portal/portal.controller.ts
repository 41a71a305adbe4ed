import {
  Body,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AppError, identifierProblems, NotPersonalData } from '@enforcement/platform';
import { pdfOf } from '../disclosure/annual-report.controller';
import { YearPipe } from '../disclosure/annual-report.dto';
import { ObjectionWorkflowClient } from '../disclosure/objection-workflow.client';
import { DisclosureReadApi } from './disclosure-read.api';
import { SubmitObjectionDto } from './objection.dto';
import { PortalQueryDto } from './portal.dto';
import { PublicAccess } from './portal-access';
import { PortalRateLimitGuard } from './portal-rate-limit.guard';

/**
 * 行政执法公示平台 — the public portal (SPEC D11): no login, rate-limited, served from disclosure-svc, which holds
 * only redacted text and drops a withdrawn item at once.
 */
@ApiTags('portal')
@Controller('api/v1/portal')
@UseGuards(PortalRateLimitGuard)
export class PortalController {
  constructor(
    private readonly reads: DisclosureReadApi,
    private readonly objections: ObjectionWorkflowClient,
  ) {}

  @Post('objections')
  @PublicAccess('portal.objection-submit')
  @ApiOperation({
    summary: '更正申请 — ask for a correction, with evidence (D9; no login): answered in 10 working days, 2 if urgent',
  })
  @ApiTooManyRequestsResponse({ description: 'PORTAL.RATE_LIMITED, with Retry-After' })
  submitObjection(@Body() dto: SubmitObjectionDto, @Req() req: { id?: string }) {
    return this.objections.submit(dto, String(req.id ?? 'portal'));
  }

  @Get('objections/:objectionId')
  @NotPersonalData('the status of an objection, for whoever holds its id (the objector) — no staff read')
  @PublicAccess('portal.objection-status')
  @ApiOperation({ summary: '更正申请 — where it stands and the answer with reasons (D9; no login)' })
  objectionStatus(@Param('objectionId', new ParseUUIDPipe()) objectionId: string) {
    return this.objections.status(objectionId);
  }

  @Get('items')
  @NotPersonalData('published, redacted portal items (D11), read by anyone')
  @PublicAccess('portal.browse')
  @ApiOperation({ summary: '公示查询 — browse by agency, category, decision date, or search the text (D11; no login)' })
  @ApiTooManyRequestsResponse({ description: 'PORTAL.RATE_LIMITED, with Retry-After' })
  list(@Query() query: PortalQueryDto, @Headers('x-request-id') requestId?: string): Promise<StreamableFile> {
    return this.passOn('/portal/items', { ...query }, requestId);
  }

  @Get('items/:id')
  @NotPersonalData('a published, redacted portal item (D11), read by anyone')
  @PublicAccess('portal.item')
  @ApiOperation({ summary: '公示详情 — one published decision, redacted (D11; no login)' })
  @ApiTooManyRequestsResponse({ description: 'PORTAL.RATE_LIMITED, with Retry-After' })
  one(@Param('id') id: string, @Headers('x-request-id') requestId?: string): Promise<StreamableFile> {
    const problems = identifierProblems(id, { max: 120, forbidden: /[/\\?#%]/, forbiddenLabel: '/ \\ ? # %' });
    if (problems.length > 0) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { zh: '请求字段不符合要求：id', en: 'These fields are not valid: id' },
        [{ field: 'id', problems }],
      );
    }
    return this.passOn(`/portal/items/${encodeURIComponent(id)}`, {}, requestId);
  }

  @Get('annual-reports/:year')
  @NotPersonalData('a published annual report (D10), read by anyone')
  @PublicAccess('portal.annual-report')
  @ApiOperation({ summary: '统计年报 — a year’s annual report once it is public (D10; no login)' })
  @ApiTooManyRequestsResponse({ description: 'PORTAL.RATE_LIMITED, with Retry-After' })
  annualReport(
    @Param('year', YearPipe) year: number,
    @Headers('x-request-id') requestId?: string,
  ): Promise<StreamableFile> {
    return this.passOn(`/portal/annual-reports/${year}`, {}, requestId);
  }

  @Get('annual-reports/:year/pdf')
  @NotPersonalData('a published annual report (D10), read by anyone')
  @PublicAccess('portal.annual-report')
  @ApiOperation({ summary: '统计年报 — a public annual report as a PDF (D10; no login)' })
  @ApiTooManyRequestsResponse({ description: 'PORTAL.RATE_LIMITED, with Retry-After' })
  annualReportPdf(
    @Param('year', YearPipe) year: number,
    @Headers('x-request-id') requestId?: string,
  ): Promise<StreamableFile> {
    return pdfOf(this.reads, `/portal/annual-reports/${year}/pdf`, undefined, requestId);
  }

  /**
   * disclosure-svc's JSON answer as it came (checked, validated and rate-limited here first): the portal's pages are
   * served without a second parse and serialisation at the edge (issue 10).
   */
  private async passOn(
    path: string,
    query: Record<string, string | number | undefined>,
    requestId?: string,
  ): Promise<StreamableFile> {
    const { body, type } = await this.reads.jsonBytes(path, { query, requestId });
    return new StreamableFile(body, { type, length: body.length });
  }
}
