import { Module } from '@nestjs/common';
import { PlatformModule } from '@enforcement/platform';
import { CasesModule } from './cases/cases.module';
import { migrations } from './database/migrations';

@Module({
  imports: [
    PlatformModule.forService({
      service: 'gateway',
      defaultPort: 3000,
      schema: 'gateway',
      database: { entities: [], migrations },
      messaging: { topics: [], handlers: [] },
    }),
    CasesModule,
  ],
})
export class AppModule {}
