import { Module } from '@nestjs/common';
import { ArchiveController } from './archive.controller';

/** 归档 and 留存 — the case file bundle and disposals after retention (SPEC R9, R10). */
@Module({ controllers: [ArchiveController] })
export class ArchiveModule {}
