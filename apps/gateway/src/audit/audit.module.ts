import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditSources } from './audit-sources';

@Module({ controllers: [AuditController], providers: [AuditSources] })
export class AuditModule {}
