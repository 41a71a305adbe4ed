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
