import 'reflect-metadata';
import { runService } from '@enforcement/platform';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';

runService(AppModule, setupOpenApi);
