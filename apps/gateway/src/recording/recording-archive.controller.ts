import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { Access, CaseNumberPipe, IsStoreSafeText, ReadRecordedBy } from '@enforcement/platform';
import { RecordingForwardClient } from './recording-forward.client';

type Req = { id?: string };

export class DisposeDto {
  @ApiProperty({ description: '处置说明 — why and how the AV is disposed of after its retention' })
  @IsString()
  @IsStoreSafeText({ max: 500 })
  reason!: string;
}

/** 立卷归档 and 留存 at the edge (SPEC R9, R10): recording-svc builds, guards and logs; the gateway forwards. */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/cases/:caseNumber')
export class RecordingArchiveController {
  constructor(private readonly recording: RecordingForwardClient) {}

  private path(caseNumber: string, rest: string) {
    return `/cases/${encodeURIComponent(caseNumber)}/${rest}`;
  }

  @Post('archive-bundle')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.archive')
  @ApiOperation({
    summary: '立卷归档 — build the case file: cover and 卷内文件目录, records, manifest; hash logged (R10)',
  })
  async build(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return (
      await this.recording.send('POST', this.path(caseNumber, 'archive-bundle'), { authorization, requestId: req.id })
    ).json;
  }

  @Get('archive-bundle')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/archive-bundle')
  @Access('recording.archive-read')
  @ApiOperation({ summary: 'R10 — the archive bundle’s manifest and hash; the view is logged (R8)' })
  async read(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return (
      await this.recording.send('GET', this.path(caseNumber, 'archive-bundle'), { authorization, requestId: req.id })
    ).json;
  }

  @Get('archive-bundle/cover.pdf')
  @ReadRecordedBy('recording-svc', 'GET /cases/:caseNumber/archive-bundle/cover.pdf')
  @Access('recording.archive-read')
  @ApiOperation({ summary: 'R10 — the cover and case-file index PDF, checked against its hash; logged (R8)' })
  async cover(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ): Promise<StreamableFile> {
    const file = await this.recording.send('GET', this.path(caseNumber, 'archive-bundle/cover.pdf'), {
      authorization,
      requestId: req.id,
    });
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      ...(file.disposition === null ? {} : { disposition: file.disposition }),
    });
  }

  @Post('retention/disposal')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.archive')
  @ApiOperation({ summary: 'R9 — dispose of AV after its retention; refused before it or under a long-term hold' })
  async dispose(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Body() dto: DisposeDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = this.path(caseNumber, 'retention/disposal');
    return (await this.recording.send('POST', path, { authorization, requestId: req.id }, { body: dto })).json;
  }
}
