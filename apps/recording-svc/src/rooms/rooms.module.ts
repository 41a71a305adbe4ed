import { Module } from '@nestjs/common';
import { HearingRoomsController } from './hearing-rooms.controller';

/** 听证询问室 (seed 000 三(二)3): each unit's hearing/interview rooms and whether they record sound and picture. */
@Module({ controllers: [HearingRoomsController] })
export class RoomsModule {}
