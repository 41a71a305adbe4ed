import { Module } from '@nestjs/common';
import { ReviewReadApi } from '../reviews/review-read.api';
import { MyTasksController } from './my-tasks.controller';

/** The personal inbox at the edge (C2): read from review-svc, which holds the review inbox and the board. */
@Module({ controllers: [MyTasksController], providers: [ReviewReadApi] })
export class TasksModule {}
