import { Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@enforcement/domain';
import { Access, CurrentActor, RecordsRead } from '@enforcement/platform';
import type { StoreCheckReport, StoreCheckRunView } from './store-check.reader';
import { StoreCheckService } from './store-check.service';

/**
 * The whole-store integrity check (SPEC R7) as a run started in one request and read in others: an agency's store is
 * gigabytes, and re-hashing it does not fit in a request. The per-case and per-file checks stay synchronous.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence/verify-runs')
export class StoreCheckController {
  constructor(private readonly checks: StoreCheckService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('recording.verify-store')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — start re-hashing the whole store in the background, or answer the run under way' })
  @ApiResponse({ status: 202, description: 'The run (new or already running); `Location` is where to read it' })
  async start(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StoreCheckRunView & { started: boolean }> {
    const { run, started } = await this.checks.start(actor);
    res.location(`/evidence/verify-runs/${run.id}`);
    return { ...run, started };
  }

  @Get()
  @Access('recording.verify-store')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — the latest whole-store checks, newest first, with their progress or outcome' })
  list(@CurrentActor() actor: Actor): Promise<StoreCheckRunView[]> {
    return this.checks.list(actor);
  }

  @Get(':id')
  @Access('recording.verify-store')
  @RecordsRead()
  @ApiOperation({ summary: 'R7 — one whole-store check: progress while it runs, then every file or row found altered' })
  @ApiParam({ name: 'id', description: 'The run id its start answered' })
  read(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<StoreCheckReport> {
    return this.checks.read(actor, id);
  }
}
