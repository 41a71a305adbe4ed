import { Module } from '@nestjs/common';
import { CaseCommandClient } from './case-command.client';
import { RecordingController } from './recording.controller';
import { RecordingReadApi } from './recording-read.api';

/** The edge of the case record (SPEC R1–R9). */
@Module({ controllers: [RecordingController], providers: [CaseCommandClient, RecordingReadApi] })
export class RecordingModule {}
