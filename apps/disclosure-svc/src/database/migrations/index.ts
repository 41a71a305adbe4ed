import { Initial1764000000000 } from './1764000000000-initial';
import { Publications1764700000000 } from './1764700000000-publications';
import { Objections1764800000000 } from './1764800000000-objections';
import { ExAnte1765400000000 } from './1765400000000-ex-ante';
import { AnnualReports1765500000000 } from './1765500000000-annual-reports';
import { LawChanges1766000000000 } from './1766000000000-law-changes';
import { AuditTrail1766400300000 } from './1766400300000-audit-trail';
import { OutboxTraceContext1767100000003 } from './1767100000003-outbox-trace-context';
import { AuditLawChanges1767200000001 } from './1767200000001-audit-law-changes';
import { PortalGramStatistics1767300000000 } from './1767300000000-portal-gram-statistics';
import { PublicationStarts1767500000000 } from './1767500000000-publication-starts';
import { AnnualReportWarnings1767500000400 } from './1767500000400-annual-report-warnings';
import { AccessLog1767600000003 } from './1767600000003-access-log';

/** Every migration of disclosure-svc, oldest first. The migrate step applies them as the schema owner (migrate.ts); there is no `synchronize`. */
export const migrations = [
  Initial1764000000000,
  Publications1764700000000,
  Objections1764800000000,
  ExAnte1765400000000,
  AnnualReports1765500000000,
  LawChanges1766000000000,
  AuditTrail1766400300000,
  OutboxTraceContext1767100000003,
  AuditLawChanges1767200000001,
  PortalGramStatistics1767300000000,
  PublicationStarts1767500000000,
  AnnualReportWarnings1767500000400,
  AccessLog1767600000003,
];
