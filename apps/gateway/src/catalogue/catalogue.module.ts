import { Module } from '@nestjs/common';
import { ReviewReadApi } from '../reviews/review-read.api';
import { AgencyCatalogue } from './agency-catalogue';
import { CatalogueController } from './catalogue.controller';

/** The catalogue (SPEC L1) at the edge; review-svc keeps the versions. */
@Module({
  controllers: [CatalogueController],
  providers: [AgencyCatalogue, ReviewReadApi],
  exports: [AgencyCatalogue],
})
export class CatalogueModule {}
