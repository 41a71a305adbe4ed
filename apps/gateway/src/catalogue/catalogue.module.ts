import { Module } from '@nestjs/common';
import { AgencyCatalogue } from './agency-catalogue';
import { CatalogueController } from './catalogue.controller';

@Module({ controllers: [CatalogueController], providers: [AgencyCatalogue], exports: [AgencyCatalogue] })
export class CatalogueModule {}
