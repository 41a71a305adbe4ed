import { Initial1764000000000 } from './1764000000000-initial';
import { ReviewWorkflow1764200000000 } from './1764200000000-review-workflow';
import { OpinionDocuments1764300000000 } from './1764300000000-opinion-documents';
import { ProvisionalDeadlines1764450000000 } from './1764450000000-provisional-deadlines';
import { PreliminaryReviews1765100000000 } from './1765100000000-preliminary-reviews';
import { CaseParty1765100100000 } from './1765100100000-case-party';
import { CatalogueVersions1765100200000 } from './1765100200000-catalogue-versions';
import { AuditBySubject1765150000000 } from './1765150000000-audit-by-subject';
import { DeadlineBoard1766300000000 } from './1766300000000-deadline-board';
import { AuditTrail1766400200000 } from './1766400200000-audit-trail';
import { OutboxTraceContext1767100000001 } from './1767100000001-outbox-trace-context';
import { AuditSupervision1767200000000 } from './1767200000000-audit-supervision';
import { MyTasksBoard1767500000000 } from './1767500000000-my-tasks-board';
import { AccessLog1767600000001 } from './1767600000001-access-log';
import { ReviewSeats1767700120000 } from './1767700120000-review-seats';
import { StepFailuresBoard1767800000000 } from './1767800000000-step-failures-board';

/** Every migration of review-svc, oldest first. The migrate step applies them as the schema owner (migrate.ts); there is no `synchronize`. */
export const migrations = [
  Initial1764000000000,
  ReviewWorkflow1764200000000,
  OpinionDocuments1764300000000,
  ProvisionalDeadlines1764450000000,
  PreliminaryReviews1765100000000,
  CaseParty1765100100000,
  CatalogueVersions1765100200000,
  AuditBySubject1765150000000,
  DeadlineBoard1766300000000,
  AuditTrail1766400200000,
  OutboxTraceContext1767100000001,
  AuditSupervision1767200000000,
  MyTasksBoard1767500000000,
  AccessLog1767600000001,
  ReviewSeats1767700120000,
  StepFailuresBoard1767800000000,
];
