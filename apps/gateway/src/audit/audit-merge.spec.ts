import type { AuditEntry } from '@enforcement/platform';
import { mergeAuditTrails } from './audit-merge';

const entry = (service: string, id: string, at: string): AuditEntry => ({
  service,
  kind: 'change',
  id,
  at,
  actor: 'u-1',
  action: 'cases.insert',
  subject: 'C-1',
  unitId: 'unit-1',
  correlationId: 'req-1',
  sourceIp: '10.0.0.1',
  userAgent: 'ua',
  detail: {},
});

describe('the merged audit trail (C3)', () => {
  it('C3: the services’ trails become one, newest first, cut at the limit', () => {
    const merged = mergeAuditTrails(
      [
        [entry('gateway', '1', '2026-01-01T00:00:03.000Z')],
        [entry('review-svc', '9', '2026-01-01T00:00:01.000Z'), entry('review-svc', '10', '2026-01-01T00:00:04.000Z')],
        [entry('recording-svc', '2', '2026-01-01T00:00:02.000Z')],
      ],
      3,
    );
    expect(merged.map((e) => `${e.service}#${e.id}`)).toEqual(['review-svc#10', 'gateway#1', 'recording-svc#2']);
  });

  it('C3: rows of the same instant keep a stable order (service, then newest row first)', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const merged = mergeAuditTrails(
      [[entry('review-svc', '2', at), entry('review-svc', '11', at)], [entry('gateway', '5', at)]],
      10,
    );
    expect(merged.map((e) => `${e.service}#${e.id}`)).toEqual(['gateway#5', 'review-svc#11', 'review-svc#2']);
  });
});
