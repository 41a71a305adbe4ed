import { Module } from '@nestjs/common';
import { EvaluationController } from './evaluation.controller';

/** 案卷评查 and accountability counts (SPEC R13). */
@Module({ controllers: [EvaluationController] })
export class EvaluationModule {}
