import { Body, Controller, Get, Param, ParseIntPipe, Put, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@enforcement/domain';
import { Access, CalendarSync, CurrentActor, NotPersonalData } from '@enforcement/platform';
import { CalendarService } from './calendar.service';
import { CalendarYearStoredDto, YearArrangementDto } from './year-arrangement.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/admin/calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly sync: CalendarSync,
  ) {}

  @Put('years/:year')
  @Access('calendar.publish')
  @ApiOperation({
    summary: '发布或更正某年节假日安排 — publish or correct a year’s working-day arrangement (SPEC W4)',
    description:
      'Validated (dates inside the year, no date both off and working, make-up days on weekends, plausible counts), ' +
      'stored, audited and applied by every service within seconds, without a restart.',
  })
  @ApiOkResponse({ type: CalendarYearStoredDto })
  @ApiBadRequestResponse({ description: 'CALENDAR.INVALID_ARRANGEMENT with every error in details' })
  publish(
    @Param('year', ParseIntPipe) year: number,
    @Body() body: YearArrangementDto,
    @CurrentActor() actor: Actor,
    @Req() req: { id?: string },
  ): Promise<CalendarYearStoredDto> {
    return this.calendar.publish(year, body, actor, req.id ?? `calendar:${year}`);
  }

  @Get()
  @NotPersonalData('the working-day calendars (W)')
  @Access('calendar.read')
  @ApiOperation({
    summary: 'The calendar in use: years covered, fingerprint, and the arrangements published at run time',
  })
  async current() {
    return { inUse: this.sync.status(), published: await this.calendar.stored() };
  }
}
