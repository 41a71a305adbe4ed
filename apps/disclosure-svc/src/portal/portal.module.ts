import { Module } from '@nestjs/common';
import { PortalController } from './portal.controller';
import { PortalRepository } from './portal.repository';

@Module({ controllers: [PortalController], providers: [PortalRepository] })
export class PortalModule {}
