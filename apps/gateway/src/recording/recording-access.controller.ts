import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CaseNumberPipe, IdParamPipe, ReadRecordedBy } from '@enforcement/platform';
import { ApplyForAccessDto, DecideAccessDto } from './recording-access.dto';
import { RecordingForwardClient } from './recording-forward.client';

type Req = { id?: string };

/**
 * 调阅、复制 at the edge (SPEC R8): applications and decisions, a case's records and their watermarked PDF export.
 * recording-svc decides who may, and logs every read with who, approver, what and why.
 */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1')
export class RecordingAccessController {
  constructor(private readonly recording: RecordingForwardClient) {}

  @Post('recording/access-applications')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.access-apply')
  @ApiOperation({
    summary: '调阅、复制申请 — apply; staff → supervising leader, police/court → unit head, party → agency head (R8)',
  })
  async apply(@Body() dto: ApplyForAccessDto, @Headers('authorization') authorization: string, @Req() req: Req) {
    return (
      await this.recording.send('POST', '/access-applications', { authorization, requestId: req.id }, { body: dto })
    ).json;
  }

  @Get('recording/access-applications/:id')
  @ReadRecordedBy('recording-svc', 'GET /access-applications/:id')
  @Access('recording.access-read')
  @ApiOperation({ summary: 'R8 — one access application and its decision' })
  async read(@Param('id', IdParamPipe) id: string, @Headers('authorization') authorization: string, @Req() req: Req) {
    return (
      await this.recording.send('GET', `/access-applications/${encodeURIComponent(id)}`, {
        authorization,
        requestId: req.id,
      })
    ).json;
  }

  @Post('recording/access-applications/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Access('recording.access-decide')
  @ApiOperation({ summary: 'R8 — the approver approves or refuses, within the deadline' })
  async decide(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: DecideAccessDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = `/access-applications/${encodeURIComponent(id)}/decision`;
    return (await this.recording.send('POST', path, { authorization, requestId: req.id }, { body: dto })).json;
  }

  @Get('cases/:caseNumber/records')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/records')
  @Access('recording.records-view')
  @ApiOperation({ summary: 'R8 — a case’s records and AV files with hashes: by right or approval; every view logged' })
  async records(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return (
      await this.recording.send('GET', `/cases/${encodeURIComponent(caseNumber)}/records`, {
        authorization,
        requestId: req.id,
      })
    ).json;
  }

  @Get('cases/:caseNumber/export.pdf')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/export.pdf')
  @Access('recording.records-export')
  @ApiOperation({ summary: 'R8 — the records as a PDF with the requester and time watermarked on every page; logged' })
  async exportPdf(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Query('reason') reason: string | undefined,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ): Promise<StreamableFile> {
    const file = await this.recording.send(
      'GET',
      `/cases/${encodeURIComponent(caseNumber)}/export.pdf`,
      { authorization, requestId: req.id },
      { query: { reason } },
    );
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      ...(file.disposition === null ? {} : { disposition: file.disposition }),
    });
  }
}
