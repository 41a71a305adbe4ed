import { Module } from '@nestjs/common';
import { AgencyCatalogue } from './agency-catalogue';
import { CatalogueController } from './catalogue.controller';
import { CatalogueVersionsRepository } from './catalogue-versions.repository';

@Module({
  controllers: [CatalogueController],
  providers: [AgencyCatalogue, CatalogueVersionsRepository],
  exports: [AgencyCatalogue],
})
export class CatalogueModule {}
