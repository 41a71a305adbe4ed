import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, IdParamPipe, NotPersonalData } from '@enforcement/platform';
import { RecordingForwardClient } from './recording-forward.client';
import { ChangeHearingRoomDto, RegisterHearingRoomDto } from './recording-rooms.dto';

type Req = { id?: string };
const api = '/hearing-rooms';

/**
 * 听证询问室 at the edge (seed 000 三(二)3(1): 每个单位必须配备一间带有视频监控录音录像功能的听证询问室): the register
 * of each unit's hearing/interview rooms and their changes — served by recording-svc, which keeps the history
 * append-only and a unit head to their own unit.
 */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/recording/hearing-rooms')
export class RecordingRoomsController {
  constructor(private readonly recording: RecordingForwardClient) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.room-register')
  @ApiOperation({ summary: '听证询问室登记 — register a hearing/interview room: name, unit, AV (R11, seed 000)' })
  async register(
    @Body() dto: RegisterHearingRoomDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return (await this.recording.send('POST', api, { authorization, requestId: req.id }, { body: dto })).json;
  }

  @Get()
  @NotPersonalData('the register of hearing/interview rooms and their AV equipment (R11)')
  @Access('recording.room-read')
  @ApiOperation({ summary: 'R11 (seed 000) — the rooms as they stand; a unit head sees their own unit’s' })
  async list(@Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', api, { authorization, requestId: req.id })).json;
  }

  /**
   * The record form's room picker (R5 place rule): whoever makes a case's records reads their own unit's rooms in
   * service — name, unit and AV only, what `roomId` would put into the record. Before `:id`, so `places` is no id.
   */
  @Get('places')
  @NotPersonalData('the hearing/interview rooms in service a transcript may name: name, unit, AV (R5, R11)')
  @Access('recording.room-place')
  @ApiOperation({ summary: 'R5, R11 (seed 000) — the rooms in service a transcript may name; the caller’s unit’s' })
  async places(@Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', `${api}/places`, { authorization, requestId: req.id })).json;
  }

  @Get(':id')
  @NotPersonalData('one room of the register and its history (R11)')
  @Access('recording.room-read')
  @ApiOperation({ summary: 'R11 (seed 000) — one room and its history' })
  async read(@Param('id', IdParamPipe) id: string, @Headers('authorization') authorization: string, @Req() req: Req) {
    const path = `${api}/${encodeURIComponent(id)}`;
    return (await this.recording.send('GET', path, { authorization, requestId: req.id })).json;
  }

  @Post(':id/changes')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.room-register')
  @ApiOperation({
    summary: 'R11 (seed 000) — change a room: name, AV, out of service with the reason, back in service',
  })
  async change(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: ChangeHearingRoomDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = `${api}/${encodeURIComponent(id)}/changes`;
    return (await this.recording.send('POST', path, { authorization, requestId: req.id }, { body: dto })).json;
  }
}
