import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { CaseTimelineController } from '../cases/case-timeline.controller';
import { CheckpointSigner } from './checkpoint.signer';
import { CHECKPOINT_SIGNER, IntegrityController } from './integrity.controller';

/** recording-svc's read API: case timelines and the integrity log (SPEC R1, R7, R8). */
@Module({
  controllers: [IntegrityController, CaseTimelineController],
  providers: [
    {
      provide: CHECKPOINT_SIGNER,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        CheckpointSigner.fromEnvironment(
          (name) => config.get<string>(name),
          join(process.cwd(), '.local', 'integrity', 'checkpoint-signing-key.pem'),
        ),
    },
  ],
})
export class IntegrityModule {}
