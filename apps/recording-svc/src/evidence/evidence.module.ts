import { Module, type OnModuleInit, Inject } from '@nestjs/common';
import { evidenceConfigFrom, type EvidenceConfig } from './evidence.config';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';
import { S3EvidenceStore } from './s3-evidence.store';
import { EVIDENCE_CONFIG } from './evidence.tokens';

/** The evidence store (SPEC R5–R7): tus uploads, content-addressed storage (local or S3), verification. */
@Module({
  controllers: [EvidenceController],
  providers: [{ provide: EVIDENCE_CONFIG, useFactory: () => evidenceConfigFrom(process.env) }, EvidenceService],
  exports: [EVIDENCE_CONFIG],
})
export class EvidenceModule implements OnModuleInit {
  constructor(@Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig) {}

  /** An S3 store must be reachable at start (its bucket is created on first use), not on the first upload. */
  async onModuleInit(): Promise<void> {
    if (this.config.store instanceof S3EvidenceStore) await this.config.store.ensureBucket();
  }
}
