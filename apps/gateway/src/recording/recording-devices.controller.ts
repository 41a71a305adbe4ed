import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, IdParamPipe, NotPersonalData } from '@enforcement/platform';
import { RecordingForwardClient } from './recording-forward.client';
import {
  AppointAdministratorDto,
  CheckoutDeviceDto,
  DecideCheckoutDto,
  DeviceCheckDto,
  ExportDeviceDto,
  ReassignDeviceDto,
  RegisterDeviceDto,
  RemoveAdministratorDto,
  ReportDeviceLossDto,
  RetireDeviceDto,
  ReturnDeviceDto,
} from './recording-devices.dto';

type Req = { id?: string };
const api = '/devices';

/**
 * 执法记录仪 at the edge (SPEC R11): the register, checks, checkout with the unit head's approval and an expected
 * return, return (or the report of a loss or damage while out), the export of the footage within the limit after the
 * return, retirement and reassignment — served by recording-svc, which checks unit and borrower.
 */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/recording/devices')
export class RecordingDevicesController {
  constructor(private readonly recording: RecordingForwardClient) {}

  private async post(path: string, body: unknown, authorization: string, req: Req) {
    return (await this.recording.send('POST', path, { authorization, requestId: req.id }, { body })).json;
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-register')
  @ApiOperation({ summary: '执法记录仪登记 — register a device (R11)' })
  register(@Body() dto: RegisterDeviceDto, @Headers('authorization') authorization: string, @Req() req: Req) {
    return this.post(api, dto, authorization, req);
  }

  @Get()
  @NotPersonalData('the device register (R11): asset numbers, holders, checks')
  @Access('recording.device-read')
  @ApiOperation({ summary: 'R11 — the register with each device’s status' })
  async list(@Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', api, { authorization, requestId: req.id })).json;
  }

  @Get(':assetNumber')
  @NotPersonalData('one device of the register (R11)')
  @Access('recording.device-read')
  @ApiOperation({ summary: 'R11 — one device: status, checks and checkout log (使用档案)' })
  async read(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = `${api}/${encodeURIComponent(assetNumber)}`;
    return (await this.recording.send('GET', path, { authorization, requestId: req.id })).json;
  }

  @Post(':assetNumber/checks')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-register')
  @ApiOperation({ summary: '定期核查 — the administrator’s periodic check (R11)' })
  check(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: DeviceCheckDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/${encodeURIComponent(assetNumber)}/checks`, dto, authorization, req);
  }

  @Post(':assetNumber/retirement')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-lifecycle')
  @ApiOperation({ summary: '报废/停用/丢失 — retire a device with the reason; it stays in the register (R11)' })
  retire(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: RetireDeviceDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/${encodeURIComponent(assetNumber)}/retirement`, dto, authorization, req);
  }

  @Post(':assetNumber/reassignments')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-lifecycle')
  @ApiOperation({ summary: '调拨 — move a device to another unit or administrator (R11)' })
  reassign(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: ReassignDeviceDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/${encodeURIComponent(assetNumber)}/reassignments`, dto, authorization, req);
  }

  @Post(':assetNumber/checkouts')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-checkout')
  @ApiOperation({ summary: '领用 — ask for a device with the pre-use check and the expected return (R11)' })
  checkout(
    @Param('assetNumber', IdParamPipe) assetNumber: string,
    @Body() dto: CheckoutDeviceDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/${encodeURIComponent(assetNumber)}/checkouts`, dto, authorization, req);
  }

  @Post('checkouts/:id/decision')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-approve')
  @ApiOperation({ summary: '批准 — the head of the borrower’s unit decides; never the borrower (R11)' })
  decide(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: DecideCheckoutDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/checkouts/${id}/decision`, dto, authorization, req);
  }

  @Post('checkouts/:id/return')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-handback')
  @ApiOperation({
    summary:
      '交回 — the device comes back; its footage is due for export the same day, or in 24 h on an exception (R11)',
  })
  giveBack(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: ReturnDeviceDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/checkouts/${id}/return`, dto, authorization, req);
  }

  @Post('checkouts/:id/export')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-handback')
  @ApiOperation({ summary: '导出保存 — the footage handed over as evidence, memory cleared (R11)' })
  exported(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: ExportDeviceDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/checkouts/${id}/export`, dto, authorization, req);
  }

  @Post('checkouts/:id/loss')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-handback')
  @ApiOperation({
    summary:
      '丢失/损坏 — a device lost or damaged while out ends its checkout (who, when, why); a lost one is retired as ' +
      'lost and owes no export, a damaged one’s footage is due as after a return (R11)',
  })
  reportLoss(
    @Param('id', IdParamPipe) id: string,
    @Body() dto: ReportDeviceLossDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return this.post(`${api}/checkouts/${id}/loss`, dto, authorization, req);
  }
}

const roster = '/device-administrators';

/**
 * 执法记录仪管理员名册 at the edge (SPEC R11; 000 附件6 第六条): who keeps the devices — name, unit, phone, since and how
 * many devices — appointed and removed by the records administrator.
 */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/recording/device-administrators')
export class RecordingDeviceAdministratorsController {
  constructor(private readonly recording: RecordingForwardClient) {}

  @Get()
  @NotPersonalData('the device administrators’ roster (R11): staff names and units')
  @Access('recording.device-roster-read')
  @ApiOperation({ summary: 'R11 — 管理员名册: the device administrators' })
  async list(@Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', roster, { authorization, requestId: req.id })).json;
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-roster')
  @ApiOperation({ summary: 'R11 — appoint a device administrator, or bring their entry up to date' })
  async appoint(
    @Body() dto: AppointAdministratorDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    return (await this.recording.send('POST', roster, { authorization, requestId: req.id }, { body: dto })).json;
  }

  @Post(':userId/removal')
  @HttpCode(HttpStatus.OK)
  @Access('recording.device-roster')
  @ApiOperation({ summary: 'R11 — take an administrator off the roster (their devices reassigned first)' })
  async remove(
    @Param('userId', IdParamPipe) userId: string,
    @Body() dto: RemoveAdministratorDto,
    @Headers('authorization') authorization: string,
    @Req() req: Req,
  ) {
    const path = `${roster}/${encodeURIComponent(userId)}/removal`;
    return (await this.recording.send('POST', path, { authorization, requestId: req.id }, { body: dto })).json;
  }
}

/**
 * 执法记录仪配备 at the edge (SPEC R11; seed 000 每5名执法人员至少配备一台执法记录仪): each unit's officers, body cameras in
 * service, the number required and the shortfall — recording-svc counts them and keeps a unit head to their unit.
 */
@ApiTags('recording')
@ApiBearerAuth()
@Controller('api/v1/recording/device-coverage')
export class RecordingDeviceCoverageController {
  constructor(private readonly recording: RecordingForwardClient) {}

  @Get()
  @NotPersonalData('device counts per unit against officers (R11)')
  @Access('recording.device-coverage')
  @ApiOperation({ summary: 'R11 — body cameras per unit against one per 5 officers, with the shortfall' })
  async list(@Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', '/device-coverage', { authorization, requestId: req.id })).json;
  }
}
