import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StoredCatalogueVersion } from '@enforcement/domain';
import { Access, IdParamPipe } from '@enforcement/platform';
import { catalogueVersionsOf } from './catalogue-versions.records';

/**
 * Read API of the catalogue (SPEC L1): every stored version of an agency's catalogue, oldest first. Which one is in
 * force on a day is the domain's pure rule (`catalogueInForce`), applied by whoever reads — the gateway forwards.
 */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':agencyId/versions')
  @Access('catalogue.read')
  @ApiOperation({ summary: '重大执法决定法制审核目录清单 — every stored version of an agency’s catalogue (L1)' })
  versions(@Param('agencyId', IdParamPipe) agencyId: string): Promise<StoredCatalogueVersion[]> {
    return catalogueVersionsOf(this.dataSource, agencyId);
  }
}
