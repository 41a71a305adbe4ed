import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CaseListController } from '../cases/case-list.controller';
import { CaseTimelineController } from '../cases/case-timeline.controller';
import { checkpointSignerFrom } from './checkpoint.store';
import { CheckpointScheduleStarter } from './checkpoint-schedule.starter';
import { CHECKPOINT_SIGNER, IntegrityController } from './integrity.controller';

/** recording-svc's read API: case timelines, the case list and the integrity log (SPEC R1, R7, R8). */
@Module({
  controllers: [IntegrityController, CaseTimelineController, CaseListController],
  providers: [
    CheckpointScheduleStarter,
    {
      provide: CHECKPOINT_SIGNER,
      inject: [ConfigService],
      useFactory: checkpointSignerFrom,
    },
  ],
})
export class IntegrityModule {}
