import { Controller, Get, HttpStatus, Injectable, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, identifierProblems, Public } from '@enforcement/platform';
import { PortalQuery, type PortalItem, type PortalPage } from './portal.dto';
import { PortalRepository } from './portal.repository';

/** `publication:<决定书文号>`: canonical text, no white space or URL-significant characters, at most 120 units. */
@Injectable()
export class PublicationIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const problems = identifierProblems(value, { max: 120, forbidden: /[/\\?#%]/, forbiddenLabel: '/ \\ ? # %' });
    if (problems.length > 0) {
      throw new AppError(
        'REQUEST.VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { zh: '请求字段不符合要求：id', en: 'These fields are not valid: id' },
        [{ field: 'id', problems }],
      );
    }
    return value as string;
  }
}

/**
 * 行政执法公示平台 — the public portal's read API (SPEC D11), open without a token. The gateway forwards to it and
 * rate-limits; withdrawn items are not in `portal_items`, so they are gone from here at once.
 */
@ApiTags('portal')
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalRepository) {}

  @Get('items')
  @Public()
  @ApiOperation({ summary: 'D11: browse and search published enforcement decisions (no login)' })
  async list(@Query() query: PortalQuery): Promise<PortalPage> {
    return this.portal.search(query);
  }

  @Get('items/:id')
  @Public()
  @ApiOperation({ summary: 'D11: one published decision (no login)' })
  async one(@Param('id', PublicationIdPipe) id: string): Promise<PortalItem> {
    const item = await this.portal.one(id);
    if (!item) {
      throw new AppError('PORTAL.NOT_FOUND', HttpStatus.NOT_FOUND, {
        zh: '没有该公示信息，或已撤下',
        en: 'No such published item, or it has been withdrawn',
      });
    }
    return item;
  }
}
