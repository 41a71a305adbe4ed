import { Module } from '@nestjs/common';
import { CaseCommandClient } from '../recording/case-command.client';
import { RecordingReadApi } from '../recording/recording-read.api';
import { EvidenceUploadProxy } from './evidence-upload.proxy';
import { EvidenceController } from './evidence.controller';

/** The edge of the evidence store (SPEC R5–R7). */
@Module({ controllers: [EvidenceController], providers: [EvidenceUploadProxy, CaseCommandClient, RecordingReadApi] })
export class EvidenceModule {}
