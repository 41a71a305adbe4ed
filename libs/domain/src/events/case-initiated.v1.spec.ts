import { caseInitiatedV1 } from './case-initiated.v1';

const base = {
  caseNumber: 'C-1',
  category: 'penalty',
  title: 't',
  unitId: 'unit-1',
  initiatedAt: '2030-01-01T00:00:00Z',
  handlingDeadline: null,
};

describe('case.initiated.v1', () => {
  it("R1, L9: carries the party's name and kind when the case record has them; older messages without stay valid", () => {
    const party = { name: '某养老服务有限公司', kind: 'organisation' };
    expect(caseInitiatedV1.data.parse({ ...base, party }).party).toEqual(party);
    expect(caseInitiatedV1.data.safeParse(base).success).toBe(true);
    expect(caseInitiatedV1.data.safeParse({ ...base, party: null }).success).toBe(true);
    expect(caseInitiatedV1.data.safeParse({ ...base, party: { name: 'x', kind: 'person' } }).success).toBe(false);
  });
});
