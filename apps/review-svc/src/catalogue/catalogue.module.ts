import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';

/** 目录清单 (SPEC L1): review-svc's record of every catalogue version; published by a workflow, read here. */
@Module({ controllers: [CatalogueController] })
export class CatalogueModule {}
