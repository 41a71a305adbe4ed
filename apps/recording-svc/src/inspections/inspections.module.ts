import { Module } from '@nestjs/common';
import { InspectionsController } from './inspections.controller';

/** 双随机 — maintained lists, reproducible draws, inspection forms (SPEC R12). */
@Module({ controllers: [InspectionsController] })
export class InspectionsModule {}
