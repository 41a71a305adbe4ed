import { Module } from '@nestjs/common';
import { RecordingModule } from '../recording/recording.module';
import { CasesController } from './cases.controller';

@Module({ imports: [RecordingModule], controllers: [CasesController] })
export class CasesModule {}
