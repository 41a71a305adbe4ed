import { Module } from '@nestjs/common';
import { AccessController } from './access.controller';

/** 调阅、复制 — access applications and the reads they open (SPEC R8). */
@Module({ controllers: [AccessController] })
export class AccessModule {}
