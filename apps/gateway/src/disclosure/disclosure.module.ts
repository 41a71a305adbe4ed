import { Module } from '@nestjs/common';
import { DisclosureReadApi } from '../portal/disclosure-read.api';
import { AccountabilityController } from './accountability.controller';
import { AnnualReportController } from './annual-report.controller';
import { ExAnteController } from './ex-ante.controller';
import { ExAnteWorkflowClient } from './ex-ante-workflow.client';
import { DisclosureInboxController } from './inbox.controller';
import { LawChangeController } from './law-change.controller';
import { ObjectionWorkflowClient } from './objection-workflow.client';
import { ObjectionsController } from './objections.controller';
import { PublicationWorkflowClient } from './publication-workflow.client';
import { PublicationsController } from './publications.controller';

/** Disclosure at the edge (SPEC D1–D6, D9, D10, D12): the officer's review, sent to disclosure-svc's workflows. */
@Module({
  controllers: [
    PublicationsController,
    AccountabilityController,
    ObjectionsController,
    ExAnteController,
    DisclosureInboxController,
    AnnualReportController,
    LawChangeController,
  ],
  providers: [PublicationWorkflowClient, DisclosureReadApi, ObjectionWorkflowClient, ExAnteWorkflowClient],
})
export class DisclosureModule {}
