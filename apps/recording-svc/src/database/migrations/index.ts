import { Initial1764000000000 } from './1764000000000-initial';
import { CaseLifecycle1764900000000 } from './1764900000000-case-lifecycle';
import { IntegrityLog1764910000000 } from './1764910000000-integrity-log';
import { EvidenceStore1765200000000 } from './1765200000000-evidence-store';
import { AccessApplications1765300000000 } from './1765300000000-access-applications';
import { ArchiveBundles1765310000000 } from './1765310000000-archive-bundles';
import { Inspections1765320000000 } from './1765320000000-inspections';
import { CaseEvaluations1765330000000 } from './1765330000000-case-evaluations';
import { Devices1766100000000 } from './1766100000000-devices';
import { IntegrityLeafKinds1766110000000 } from './1766110000000-integrity-leaf-kinds';
import { AuditTrail1766400100000 } from './1766400100000-audit-trail';
import { OutboxTraceContext1767100000002 } from './1767100000002-outbox-trace-context';
import { DeviceExportException1767400000000 } from './1767400000000-device-export-exception';
import { DeviceLifecycle1767500000000 } from './1767500000000-device-lifecycle';
import { DeviceCheckoutLosses1767600000000 } from './1767600000000-device-checkout-losses';
import { AccessLog1767600000002 } from './1767600000002-access-log';
import { HearingRooms1767700300000 } from './1767700300000-hearing-rooms';
import { StoreCheckRuns1767712000000 } from './1767712000000-store-check-runs';

/** Every migration of recording-svc, oldest first. The migrate step applies them as the schema owner (migrate.ts); there is no `synchronize`. */
export const migrations = [
  Initial1764000000000,
  CaseLifecycle1764900000000,
  IntegrityLog1764910000000,
  EvidenceStore1765200000000,
  AccessApplications1765300000000,
  ArchiveBundles1765310000000,
  Inspections1765320000000,
  CaseEvaluations1765330000000,
  Devices1766100000000,
  IntegrityLeafKinds1766110000000,
  AuditTrail1766400100000,
  OutboxTraceContext1767100000002,
  DeviceExportException1767400000000,
  DeviceLifecycle1767500000000,
  DeviceCheckoutLosses1767600000000,
  AccessLog1767600000002,
  HearingRooms1767700300000,
  StoreCheckRuns1767712000000,
];
