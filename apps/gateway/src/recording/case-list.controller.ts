import { Controller, Get, Headers, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseListPage } from '@enforcement/domain';
import { Access, ReadRecordedBy } from '@enforcement/platform';
import { CaseListQueryDto } from './case-list.dto';
import { RecordingReadApi } from './recording-read.api';

/**
 * 案件列表 at the edge (SPEC R1, R8, C1): the workbench's entry to the case page. recording-svc decides whose
 * cases a caller sees (an officer their own, a unit head their unit's, agency-wide roles all).
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseListController {
  constructor(private readonly reads: RecordingReadApi) {}

  @Get()
  @ReadRecordedBy('recording-svc', 'GET /cases')
  @Access('cases.list')
  @ApiOperation({ summary: 'The cases the caller may see — status, step, category, case number, party — newest first' })
  async list(
    @Query() query: CaseListQueryDto,
    @Headers('authorization') authorization: string,
    @Req() req: { id?: string },
  ): Promise<CaseListPage> {
    const params = Object.fromEntries(
      Object.entries(query).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
    );
    return (await this.reads.call('GET', '/cases', { authorization, requestId: req.id }, params)) as CaseListPage;
  }
}
