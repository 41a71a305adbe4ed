import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ReadRecordedBy } from '@enforcement/platform';
import { DisclosureReadApi } from '../portal/disclosure-read.api';
import { StartAnnualReportDto, SubmitAnnualReportDto, YearPipe } from './annual-report.dto';

/** The PDF as disclosure-svc rendered it, passed on unchanged. */
export async function pdfOf(reads: DisclosureReadApi, path: string, authorization?: string, requestId?: string) {
  const doc = await reads.bytes(path, { authorization, requestId });
  return new StreamableFile(doc.body, { type: doc.type, length: doc.body.length, disposition: doc.disposition });
}

/**
 * 统计年报 (SPEC D10) at the edge: served by disclosure-svc (its annual_reports table and its annual-report
 * workflow) with the caller's token, so its own guard applies too.
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/annual-reports')
export class AnnualReportController {
  constructor(private readonly reads: DisclosureReadApi) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('disclosure.annual-report.manage')
  @ApiOperation({ summary: 'D10: start the report of a year by hand (when the 1 January schedule did not run)' })
  start(
    @Body() dto: StartAnnualReportDto,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    const body = { year: dto.year };
    return this.reads.json('/disclosure/annual-reports', { method: 'POST', body, authorization, requestId });
  }

  @Get(':year')
  @ReadRecordedBy('disclosure-svc', 'GET /disclosure/annual-reports/:year')
  @Access('disclosure.annual-report.read')
  @ApiOperation({ summary: 'D10: the year’s figures per unit, both limits and what was done' })
  get(
    @Param('year', YearPipe) year: number,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    return this.reads.json(`/disclosure/annual-reports/${year}`, { authorization, requestId });
  }

  @Get(':year/pdf')
  @ReadRecordedBy('disclosure-svc', 'GET /disclosure/annual-reports/:year/pdf')
  @Access('disclosure.annual-report.read')
  @ApiOperation({ summary: 'D10: the report as a PDF' })
  pdf(
    @Param('year', YearPipe) year: number,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<StreamableFile> {
    return pdfOf(this.reads, `/disclosure/annual-reports/${year}/pdf`, authorization, requestId);
  }

  @Post(':year/submit')
  @Access('disclosure.annual-report.manage')
  @ApiOperation({ summary: 'D10: record that the report went to the justice bureau (due 15 January)' })
  submit(
    @Param('year', YearPipe) year: number,
    @Body() dto: SubmitAnnualReportDto,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    const body = { reference: dto.reference };
    const path = `/disclosure/annual-reports/${year}/submit`;
    return this.reads.json(path, { method: 'POST', body, authorization, requestId });
  }

  @Post(':year/publish')
  @Access('disclosure.annual-report.manage')
  @ApiOperation({ summary: 'D10: make the report public on the portal (due 31 January)' })
  publish(
    @Param('year', YearPipe) year: number,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    const path = `/disclosure/annual-reports/${year}/publish`;
    return this.reads.json(path, { method: 'POST', authorization, requestId });
  }
}
