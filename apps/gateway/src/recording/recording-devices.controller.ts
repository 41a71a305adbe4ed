import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, IdParamPipe } from '@enforcement/platform';
import { RecordingForwardClient } from './recording-forward.client';
import {
  CheckoutDeviceDto,
  DecideCheckoutDto,
  DeviceCheckDto,
  ExportDeviceDto,
  RegisterDeviceDto,
  ReturnDeviceDto,
} from './recording-devices.dto';

type Req = { id?: string };
const api = '/devices';

/**
 * 执法记录仪 at the edge (SPEC R11): the register, checks, checkout with the unit head's approval, return, and the
 * export of the footage within the limit after the return — served by recording-svc, which checks unit and borrower.
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
  @Access('recording.device-read')
  @ApiOperation({ summary: 'R11 — the register with each device’s status' })
  async list(@Headers('authorization') authorization: string, @Req() req: Req) {
    return (await this.recording.send('GET', api, { authorization, requestId: req.id })).json;
  }

  @Get(':assetNumber')
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

  @Post(':assetNumber/checkouts')
  @HttpCode(HttpStatus.CREATED)
  @Access('recording.device-checkout')
  @ApiOperation({ summary: '领用 — ask for a device with the pre-use check (R11)' })
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
}
