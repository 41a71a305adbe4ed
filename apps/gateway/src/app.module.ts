import { Module } from '@nestjs/common';
import { edgeRateLimitGuard, edgeRateLimitModule, PlatformModule } from '@enforcement/platform';
import { CalendarYear } from './calendar/calendar-year.entity';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { migrations } from './database/migrations';
import { DisclosureModule } from './disclosure/disclosure.module';
import { EvidenceModule } from './evidence/evidence.module';
import { PortalModule } from './portal/portal.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TasksModule } from './tasks/tasks.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'gateway',
      defaultPort: 3000,
      schema: 'gateway',
      database: { entities: [CalendarYear], migrations },
      messaging: { topics: [], handlers: [] },
    }),
    AuditModule,
    CasesModule,
    CalendarModule,
    CatalogueModule,
    ReviewsModule,
    DisclosureModule,
    EvidenceModule,
    PortalModule,
    SupervisionModule,
    TasksModule,
    WebModule.forRoot(),
    edgeRateLimitModule(),
  ],
  providers: [edgeRateLimitGuard],
})
export class AppModule {}
