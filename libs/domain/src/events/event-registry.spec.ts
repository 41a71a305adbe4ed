import { parseEvent } from './event-registry';

const valid = {
  id: '0b6f1d2e-5a7c-4e7b-9f3d-2c1a0e9b8d7f',
  type: 'case.initiated.v1',
  source: 'recording-svc',
  subject: 'CASE-1',
  time: '2026-03-02T09:00:00+08:00',
  correlationId: 'req-1',
  data: {
    caseNumber: 'CASE-1',
    category: 'penalty',
    title: 't',
    unitId: 'unit-1',
    initiatedAt: '2026-03-02T09:00:00+08:00',
    handlingDeadline: null,
  },
};

describe('parseEvent — runtime validation of every consumed message', () => {
  it('accepts a message that matches the envelope and its contract', () => {
    const parsed = parseEvent(Buffer.from(JSON.stringify(valid)));
    expect(parsed.ok && parsed.event.data).toEqual(valid.data);
  });

  it.each([
    ['malformed-json', '{not json', /JSON/],
    ['invalid-envelope', JSON.stringify({ ...valid, id: 'x' }), /id/],
    ['invalid-envelope', JSON.stringify({ ...valid, type: 'CaseInitiated' }), /type/],
    ['unknown-type', JSON.stringify({ ...valid, type: 'case.exploded.v1' }), /case\.exploded\.v1/],
    ['invalid-data', JSON.stringify({ ...valid, data: { ...valid.data, category: 'parking' } }), /category/],
    ['malformed-json', null, /JSON/],
  ])('refuses a %s message and says why', (reason, raw, detail) => {
    const parsed = parseEvent(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.violation.reason).toBe(reason);
      expect(parsed.violation.detail).toMatch(detail);
    }
  });
});

describe('workflow.step-failed.v1 — a failed step for the supervision board (C2, issue 12)', () => {
  const failed = {
    ...valid,
    type: 'workflow.step-failed.v1',
    data: {
      workflowId: 'case:CASE-1',
      subject: 'CASE-1',
      unitId: null,
      step: 'recordCaseChanges:add-record',
      code: 'STORE.REFUSED',
      reason: 'new row violates check constraint (23514)',
      failedAt: '2026-03-02T09:00:00+08:00',
    },
  };

  it('C2: is accepted with or without a unit (the agency’s own workflows belong to none)', () => {
    expect(parseEvent(Buffer.from(JSON.stringify(failed))).ok).toBe(true);
    const ofUnit = { ...failed, data: { ...failed.data, unitId: 'unit-1' } };
    expect(parseEvent(Buffer.from(JSON.stringify(ofUnit))).ok).toBe(true);
  });

  it('C2: a reason past 500 characters is refused, so no dump of refused data travels on the board', () => {
    const long = { ...failed, data: { ...failed.data, reason: 'x'.repeat(501) } };
    const parsed = parseEvent(Buffer.from(JSON.stringify(long)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.violation.detail).toMatch(/reason/);
  });
});
