import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, IdParamPipe, ReadRecordedBy } from '@enforcement/platform';
import { RecordingForwardClient } from './recording-forward.client';
import { DrawDto, InspectionFormDto, RosterEntryDto } from './recording-inspections.dto';

type Req = { id?: string };

/** 双随机 at the edge (SPEC R12): lists, reproducible draws and inspection forms, served by recording-svc. */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/recording/inspections')
export class RecordingInspectionsController {
  constructor(private readonly recording: RecordingForwardClient) {}

  @Post('roster')
  @HttpCode(HttpStatus.OK)
  @Access('recording.inspection-roster')
  @ApiOperation({ summary: 'R12 — keep the lists of targets and inspectors' })
  async roster(@Body() dto: RosterEntryDto, @Headers('authorization') authorization: string, @Req() req: Req) {
    return (
      await this.recording.send('POST', '/inspections/roster', { authorization, requestId: req.id }, { body: dto })
    ).json;
  }

  @Post('draws')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.inspection-draw')
  @ApiOperation({ summary: '双随机抽取 — draw targets and inspectors; seed, algorithm and lists recorded (R12)' })
  async draw(@Body() dto: DrawDto, @Headers('authorization') authorization: string, @Req() req: Req) {
    return (
      await this.recording.send('POST', '/inspections/draws', { authorization, requestId: req.id }, { body: dto })
    ).json;
  }

  @Get('draws/:id')
  @ReadRecordedBy('recording-svc', 'GET /inspections/draws/:id')
  @Access('recording.inspection-read')
  @ApiOperation({ summary: 'R12 — one draw as recorded, with its inspection forms' })
  async read(@Param('id', IdParamPipe) id: string, @Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', `/inspections/draws/${id}`, { authorization, requestId: req.id })).json;
  }

  @Get('draws/:id/rerun')
  @ReadRecordedBy('recording-svc', 'GET /inspections/draws/:id/rerun')
  @Access('recording.inspection-read')
  @ApiOperation({ summary: 'R12 — re-run a draw from its recorded seed and lists: does it reproduce?' })
  async rerun(
    @Param('id', IdParamPipe) id: string,
    @Query('seed') seed: string | undefined,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = `/inspections/draws/${id}/rerun`;
    return (await this.recording.send('GET', path, { authorization, requestId: req.id }, { query: { seed } })).json;
  }

  @Post('draws/:id/forms')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.inspection-form')
  @ApiOperation({ summary: '执法检查表 — the form of one drawn target, by the drawn inspectors (R12)' })
  async form(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: InspectionFormDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = `/inspections/draws/${id}/forms`;
    return (await this.recording.send('POST', path, { authorization, requestId: req.id }, { body: dto })).json;
  }
}
