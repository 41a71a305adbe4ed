import { Module } from '@nestjs/common';
import { ReviewReadApi } from '../reviews/review-read.api';
import { SupervisionController } from './supervision.controller';

/** Time-limit supervision at the edge (C2): reads from review-svc's board. */
@Module({ controllers: [SupervisionController], providers: [ReviewReadApi] })
export class SupervisionModule {}
