import { canonicalJson } from './canonical-json';
import { asLogged } from './ledger-leaves';

describe('ledger rows against their leaves (SPEC R7)', () => {
  const leaf = canonicalJson({
    checkout_id: 'c-1',
    received_by: 'u-officer-1',
    returned_at: '2026-03-10T02:00:00.000Z',
  });

  it('R7, R11: a column a later migration added (null on a row logged before it) does not count as a change', () => {
    const stored = {
      checkout_id: 'c-1',
      received_by: 'u-officer-1',
      returned_at: '2026-03-10T02:00:00.000Z',
      received_by_name: null,
    };
    expect(canonicalJson(asLogged(stored, leaf))).toBe(leaf);
  });

  it('R7: a value written into such a column afterwards, or a logged column set to null, is still a change', () => {
    const filled = {
      checkout_id: 'c-1',
      received_by: 'u-officer-1',
      returned_at: '2026-03-10T02:00:00.000Z',
      received_by_name: '某人',
    };
    expect(canonicalJson(asLogged(filled, leaf))).not.toBe(leaf);
    const nulled = { checkout_id: 'c-1', received_by: null, returned_at: '2026-03-10T02:00:00.000Z' };
    expect(canonicalJson(asLogged(nulled, leaf))).not.toBe(leaf);
  });
});
