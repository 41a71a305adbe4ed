import 'reflect-metadata';
import { runService } from '@enforcement/platform';
import { AppModule } from './app.module';

runService(AppModule);
