import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller';

/** 执法记录仪 — register, checks, checkout log with approver, return and export (SPEC R11). */
@Module({ controllers: [DevicesController] })
export class DevicesModule {}
