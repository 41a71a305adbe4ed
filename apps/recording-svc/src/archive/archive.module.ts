import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { ArchiveController } from './archive.controller';

/** 归档 and 留存 — the case file bundle and disposals after retention (SPEC R9, R10). */
// The bundle carries the AV files' bytes, so it reads the evidence store (R10).
@Module({ imports: [EvidenceModule], controllers: [ArchiveController] })
export class ArchiveModule {}
