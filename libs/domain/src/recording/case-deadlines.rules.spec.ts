import {
  addMonths,
  boardNotices,
  dueNotices,
  newDeadline,
  nextDeadlineInstant,
  warningInstant,
} from './case-deadlines.rules';
import { applyCaseCommand, newCaseLifecycle } from './case-lifecycle.machine';
import { approval } from './testing/case.fixtures';

const s = newCaseLifecycle({
  caseNumber: 'C-1',
  category: 'penalty',
  unitId: 'u',
  party: null,
  initiationMode: 'emergency',
  initiatedAt: '2030-01-01T00:00:00Z',
  needsReview: false,
});
const H = 3_600_000;

describe('case deadlines', () => {
  it('R2: the 24-hour approval limit warns 6 hours before, then reports the miss; an approval on record stops both', () => {
    const d = newDeadline('initiation-approval', 'C-1', '2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z');
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    expect(d.warnAt).toBe('2030-01-01T18:00:00.000Z');
    expect(dueNotices([d], s, t0 + 17 * H)).toEqual([]);
    expect(dueNotices([d], s, t0 + 18 * H)).toEqual([{ key: 'initiation-approval', kind: 'warning' }]);
    expect(dueNotices([{ ...d, warned: true }], s, t0 + 24 * H)).toEqual([
      { key: 'initiation-approval', kind: 'missed' },
    ]);
    expect(nextDeadlineInstant([{ ...d, warned: true }], s)).toBe(t0 + 24 * H);
    const approved = applyCaseCommand(s, {
      type: 'add-record',
      record: approval(),
      at: '2030-01-01T05:00:00Z',
      by: 'u',
    });
    expect(approved.ok && dueNotices([d], approved.state, t0 + 30 * H)).toEqual([]);
    expect(approved.ok && nextDeadlineInstant([d], approved.state)).toBeNull();
  });

  it('C2, R2: the board hears a limit start, then its end once the approval is on record; retention stays off the board', () => {
    const d = newDeadline('initiation-approval', 'C-1', '2030-01-01T00:00:00Z', '2030-01-02T00:00:00Z');
    const kept = newDeadline('retention', 'C-1', '2030-01-01T00:00:00Z', addMonths('2030-01-01T00:00:00Z', 6));
    expect(d.startedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(boardNotices([d, kept], s)).toEqual([{ key: 'initiation-approval', kind: 'started' }]);
    expect(boardNotices([{ ...d, startAnnounced: true }], s)).toEqual([]);
    const approved = applyCaseCommand(s, {
      type: 'add-record',
      record: approval(),
      at: '2030-01-01T05:00:00Z',
      by: 'u',
    });
    if (!approved.ok) throw new Error('approval refused');
    expect(boardNotices([{ ...d, startAnnounced: true }], approved.state)).toEqual([
      { key: 'initiation-approval', kind: 'met' },
    ]);
    // Met before its start was announced: start first, then end, so the board never sees an end without a start.
    expect(boardNotices([d], approved.state).map((n) => n.kind)).toEqual(['started', 'met']);
    expect(boardNotices([{ ...d, startAnnounced: true, metAnnounced: true }], approved.state)).toEqual([]);
  });

  it('R10: the 30-day archiving limit warns one day before', () => {
    expect(new Date(warningInstant(0, 30 * 24 * H)).toISOString()).toBe(new Date(29 * 24 * H).toISOString());
  });

  it('R9: six months after closure are calendar months, clamped to the month end', () => {
    expect(addMonths('2030-08-31T04:00:00.000Z', 6)).toBe('2031-02-28T04:00:00.000Z');
    expect(addMonths('2030-01-15T00:00:00.000Z', 6)).toBe('2030-07-15T00:00:00.000Z');
  });

  it('R9: a long-term hold stops the end of retention from coming', () => {
    const d = newDeadline('retention', 'C-1', '2030-01-01T00:00:00Z', addMonths('2030-01-01T00:00:00Z', 6));
    const held = applyCaseCommand(s, {
      type: 'place-hold',
      reason: 'litigation',
      note: '已起诉',
      at: '2030-02-01T00:00:00Z',
      by: 'u',
    });
    expect(dueNotices([d], s, Date.parse('2031-01-01T00:00:00Z')).map((n) => n.kind)).toEqual(['warning', 'missed']);
    expect(held.ok && dueNotices([d], held.state, Date.parse('2031-01-01T00:00:00Z'))).toEqual([]);
  });
});
