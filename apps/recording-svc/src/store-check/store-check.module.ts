import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { StoreCheckController } from './store-check.controller';
import { StoreCheckService } from './store-check.service';

/** The whole-store integrity check as a background run (SPEC R7); its steps run in the service's worker. */
@Module({ imports: [EvidenceModule], controllers: [StoreCheckController], providers: [StoreCheckService] })
export class StoreCheckModule {}
