import { Module } from '@nestjs/common';
import { ObjectionWorkflowClient } from '../disclosure/objection-workflow.client';
import { DisclosureReadApi } from './disclosure-read.api';
import { PortalController } from './portal.controller';
import { PortalRateLimitGuard } from './portal-rate-limit.guard';

/** The public disclosure portal at the edge (SPEC D11). */
@Module({
  controllers: [PortalController],
  providers: [DisclosureReadApi, PortalRateLimitGuard, ObjectionWorkflowClient],
})
export class PortalModule {}
