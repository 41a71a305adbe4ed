// First: tracing patches http, pg and fetch before Nest loads them (issue 12, operations).
import '@enforcement/platform/tracing/tracing.register';
import 'reflect-metadata';
import { runService } from '@enforcement/platform';
import { AppModule } from './app.module';

runService(AppModule);
