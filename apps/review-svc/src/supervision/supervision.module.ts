import { Module } from '@nestjs/common';
import { DeadlineDigestSchedule } from './deadline-digest.schedule';
import { SupervisionController } from './supervision.controller';

/** 时限监督 (C2): the read API over the deadline board and the morning digest's schedule. */
@Module({ controllers: [SupervisionController], providers: [DeadlineDigestSchedule] })
export class SupervisionModule {}
