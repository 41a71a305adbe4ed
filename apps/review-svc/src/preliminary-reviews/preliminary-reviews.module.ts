import { Module } from '@nestjs/common';
import { PreliminaryReviewsController } from './preliminary-reviews.controller';

/** 初审 (SPEC L2): review-svc's record of the unit heads' sign-offs; written by a workflow, read here. */
@Module({ controllers: [PreliminaryReviewsController] })
export class PreliminaryReviewsModule {}
