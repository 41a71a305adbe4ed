import { Module } from '@nestjs/common';
import { MyTasksController } from './my-tasks.controller';

/** 我的待办 (C2): the personal inbox over the review inbox and the supervision board. */
@Module({ controllers: [MyTasksController] })
export class MyTasksModule {}
