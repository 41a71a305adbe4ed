// Applies gateway's pending migrations and exits: the init step of a multi-replica deployment (infra/k8s).
import 'reflect-metadata';
import { runMigrationsAndExit } from '@enforcement/platform';
import { migrations } from './database/migrations';

runMigrationsAndExit('gateway', migrations);
