import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, NotPersonalData } from '@enforcement/platform';
import { DisclosureReadApi } from '../portal/disclosure-read.api';
import { RecordLawChangeDto } from './law-change.dto';

/**
 * D3 (000 附件1 第八条) at the edge: a law change or a moved function, recorded by the legal section or the
 * disclosure officer; disclosure-svc flags every published ex-ante item citing it (20 working days to update).
 */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1/disclosure/law-changes')
export class LawChangeController {
  constructor(private readonly reads: DisclosureReadApi) {}

  @Post()
  @Access('disclosure.ex-ante.flag')
  @ApiOperation({ summary: 'D3: record a law change or a moved function; the items citing it are flagged' })
  record(
    @Body() dto: RecordLawChangeDto,
    @Headers('authorization') authorization: string,
    @Headers('x-request-id') requestId?: string,
  ): Promise<unknown> {
    const body = { cause: dto.cause, reference: dto.reference, legalBases: dto.legalBases, itemIds: dto.itemIds };
    return this.reads.json('/disclosure/law-changes', { method: 'POST', body, authorization, requestId });
  }

  @Get()
  @NotPersonalData('changed laws and functions, and the published items they flag (D3)')
  @Access('disclosure.ex-ante.read')
  @ApiOperation({ summary: 'D3: the law changes recorded, newest first, with the items each flagged' })
  list(@Headers('authorization') authorization: string, @Headers('x-request-id') requestId?: string): Promise<unknown> {
    return this.reads.json('/disclosure/law-changes', { authorization, requestId });
  }
}
