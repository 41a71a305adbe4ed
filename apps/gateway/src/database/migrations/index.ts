import { Initial1764000000000 } from './1764000000000-initial';
import { Calendar1764100000000 } from './1764100000000-calendar';
import { CatalogueVersions1764300000000 } from './1764300000000-catalogue-versions';
import { PreliminaryReviews1764400000000 } from './1764400000000-preliminary-reviews';
import { RequestKeys1764600000000 } from './1764600000000-request-keys';
import { HandOverPreliminaryReviews1765100000000 } from './1765100000000-hand-over-preliminary-reviews';
import { DropPreliminaryReviews1765100000001 } from './1765100000001-drop-preliminary-reviews';
import { HandOverCatalogueVersions1765100200000 } from './1765100200000-hand-over-catalogue-versions';
import { DropCatalogueVersions1765100200001 } from './1765100200001-drop-catalogue-versions';
import { AuditTrail1766400000000 } from './1766400000000-audit-trail';
import { OutboxTraceContext1767100000000 } from './1767100000000-outbox-trace-context';
import { RequestKeyLeases1767200000002 } from './1767200000002-request-key-leases';
import { AccessLog1767600000000 } from './1767600000000-access-log';
import { RateLimitHits1767800000000 } from './1767800000000-rate-limit-hits';

/** Every migration of the gateway, oldest first. The migrate step applies them as the schema owner (migrate.ts); there is no `synchronize`. */
export const migrations = [
  Initial1764000000000,
  Calendar1764100000000,
  CatalogueVersions1764300000000,
  PreliminaryReviews1764400000000,
  RequestKeys1764600000000,
  HandOverPreliminaryReviews1765100000000,
  DropPreliminaryReviews1765100000001,
  HandOverCatalogueVersions1765100200000,
  DropCatalogueVersions1765100200001,
  AuditTrail1766400000000,
  OutboxTraceContext1767100000000,
  RequestKeyLeases1767200000002,
  AccessLog1767600000000,
  RateLimitHits1767800000000,
];
