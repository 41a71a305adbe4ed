import {
  compareForSupervision,
  deadlineKey,
  foldDeadlineFact,
  isOverdue,
  supervisionKindOf,
  type DeadlineEntry,
  type DeadlineFact,
} from './deadline-board';
import { assembleDigests, type DigestSource } from './deadline-digest';

// Instants relative to the clock, so the suite means the same under faketime.
const NOW = new Date();
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

const base = {
  process: 'disclosure',
  limit: 'publication-limit',
  subjectId: 'publication:D-1',
  caseNo: 'C-1',
  unitId: 'unit-a',
  responsibleUserId: null,
  responsibleRoles: ['disclosure-officer'],
  round: null,
  deadline: at(48),
  calendarFingerprint: null,
};
const started: DeadlineFact = { kind: 'started', time: at(-10), notice: { ...base, startedAt: at(-10) } };
const warned: DeadlineFact = {
  kind: 'warning',
  time: at(24),
  notice: { ...base, warningAt: at(24), workdaysLeft: 1 },
};
const missed: DeadlineFact = { kind: 'missed', time: at(48), notice: { ...base, missedAt: at(48) } };
const met: DeadlineFact = { kind: 'met', time: at(50), notice: { ...base, metAt: at(50) } };

const fold = (facts: DeadlineFact[]) =>
  facts.reduce<DeadlineEntry | undefined>((e, f) => foldDeadlineFact(e, f), undefined)!;

describe('deadline board (C2)', () => {
  it('C2: started → warned → missed → met, the late act recorded as late', () => {
    expect(fold([started]).state).toBe('running');
    expect(fold([started, warned]).state).toBe('warned');
    expect(fold([started, warned, missed]).state).toBe('missed');
    const done = fold([started, warned, missed, met]);
    expect([done.state, done.late, done.missedAt, done.metAt]).toEqual(['met', true, at(48), at(50)]);
    expect(fold([started, met]).late).toBe(false);
  });

  it('C2: the fold is order-free and idempotent (at-least-once delivery, facts overtaking each other)', () => {
    const inOrder = fold([started, warned, missed, met]);
    expect(fold([met, missed, started, warned])).toEqual(inOrder);
    expect(fold([started, started, warned, warned, missed, met, met])).toEqual(inOrder);
  });

  it('C2, W7: a re-timed limit keeps the newest deadline; the state never moves back', () => {
    const later = at(96);
    const retimed: DeadlineFact = {
      kind: 'started',
      time: at(30),
      notice: { ...base, deadline: later, provisional: true, startedAt: at(30) },
    };
    const e = fold([started, warned, retimed]);
    expect([e.state, e.deadline, e.provisional, e.startedAt]).toEqual(['warned', later, true, at(-10)]);
    expect(fold([retimed, started]).deadline).toBe(later);
  });

  it('C2: every limit the services announce maps to a supervision kind', () => {
    expect(supervisionKindOf('review-limit')).toBe('review');
    expect(supervisionKindOf('blocked:opinion')).toBe('review');
    expect(supervisionKindOf('av-handover')).toBe('av-handover');
    expect(supervisionKindOf('initiation-approval')).toBe('approval-backfill');
    expect(supervisionKindOf('archiving')).toBe('archiving');
    expect(supervisionKindOf('publication-limit')).toBe('publication');
    expect(supervisionKindOf('objection-limit')).toBe('objection');
    expect(supervisionKindOf('annual-report-public')).toBe('annual-report');
    expect(supervisionKindOf('ex-ante-update')).toBe('ex-ante-update');
    expect(supervisionKindOf('take-down-limit')).toBe('take-down');
    expect(supervisionKindOf('device-export')).toBe('device-export');
    expect(supervisionKindOf('device-return')).toBe('device-return');
    expect(supervisionKindOf('something-new')).toBe('other');
    expect(deadlineKey({ ...base, process: 'legal-review', limit: 'review-limit', round: 2 })).toBe(
      'legal-review|review-limit|publication:D-1|2',
    );
  });

  it('C2: overdue first (longest overdue first), then the nearest deadline', () => {
    const e = (key: string, state: DeadlineEntry['state'], hours: number) => ({ key, state, deadline: at(hours) });
    const list = [e('a', 'running', 72), e('b', 'missed', -5), e('c', 'warned', 10), e('d', 'running', -30)];
    expect(isOverdue(e('x', 'running', -1), NOW)).toBe(true);
    expect(isOverdue(e('x', 'met', -1), NOW)).toBe(false);
    expect(list.sort((x, y) => compareForSupervision(x, y, NOW)).map((x) => x.key)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('daily digest per unit (C2)', () => {
  const src = (key: string, unitId: string, hours: number, workdaysLeft: number | null, state = 'running') =>
    ({
      key,
      kind: 'review',
      limit: 'review-limit',
      caseNo: key,
      unitId,
      responsibleUserId: null,
      deadline: at(hours),
      state,
      workdaysLeft,
    }) as DigestSource;

  it('C2: each unit gets its overdue and due-soon limits, most urgent first; far-off and met ones stay out', () => {
    const day = NOW.toISOString().slice(0, 10);
    const digests = assembleDigests(
      [
        src('a-far', 'unit-a', 400, 12),
        src('a-soon', 'unit-a', 40, 2),
        src('a-late', 'unit-a', -20, 0),
        src('a-later', 'unit-a', -50, 0, 'missed'),
        src('a-done', 'unit-a', -50, 0, 'met'),
        src('b-uncounted', 'unit-b', 100, null),
        src('c-far', 'unit-c', 500, 20),
      ],
      day,
      NOW,
    );
    expect(digests.map((d) => d.unitId)).toEqual(['unit-a', 'unit-b']);
    expect(digests[0].overdue.map((l) => l.key)).toEqual(['a-later', 'a-late']);
    expect(digests[0].dueSoon.map((l) => l.key)).toEqual(['a-soon']);
    expect(digests[1]).toMatchObject({ day, overdue: [], dueSoon: [{ key: 'b-uncounted', workdaysLeft: null }] });
  });
});
