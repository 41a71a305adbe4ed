import { Module } from '@nestjs/common';
import { CaseRecordsController } from './case-records.controller';

/** review-svc's copy of the case records it needs (unit, handling deadline), fed by `case.initiated.v1`. */
@Module({ controllers: [CaseRecordsController] })
export class CasesModule {}
