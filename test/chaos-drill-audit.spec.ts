// The chaos run's deadline drill audit (issue 12, "Faults": no deadline missed or fired twice): what it accepts and
// what it reports, on notices and board answers given to it directly (the run itself needs the whole stack).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { auditDrills } = require('../tools/chaos-lib/drill-audit') as {
  auditDrills: (o: {
    query: (env: unknown, schema: string, sql: string, params: unknown[]) => Promise<Notice[]>;
    env: unknown;
    client: { call: () => Promise<{ status: number; body: { items: BoardItem[] } }> };
    drills: Drill[];
    v: (kind: string, what: string) => void;
    waitMs: number;
    boardWaitMs: number;
  }) => Promise<{ drills: number; lagsMs: number[] }>;
};

interface Notice {
  case_number: string;
  deadline_key: string;
  kind: 'warning' | 'missed';
  due_at: Date;
  noticed_at: Date;
}
type BoardItem = { kind: string; state: string };
interface Drill {
  caseNo: string;
  dueAt: string;
  met: { recordId: string; handedOverAt: string };
  owed: { recordId: string };
}

const SECOND = 1000;
// Instants relative to the clock: the limits ran out a minute ago.
const due = new Date(Date.now() - 60 * SECOND);
const at = (offsetMs: number) => new Date(due.getTime() + offsetMs);
const drill = (metAt = at(-30 * SECOND)): Drill => ({
  caseNo: 'CHX0D-1',
  dueAt: due.toISOString(),
  met: { recordId: 'CHX0D-1/r2', handedOverAt: metAt.toISOString() },
  owed: { recordId: 'CHX0D-1/r3' },
});
const notice = (record: string, kind: Notice['kind'], noticedAt: Date): Notice => ({
  case_number: 'CHX0D-1',
  deadline_key: `av-handover:CHX0D-1/${record}`,
  kind,
  due_at: due,
  noticed_at: noticedAt,
});
const OWED_ON_BOARD = [{ kind: 'av-handover', state: 'missed' }];

async function run(notices: Notice[], board: BoardItem[] = OWED_ON_BOARD, d = drill()) {
  const violations: string[] = [];
  const figures = await auditDrills({
    query: async () => notices,
    env: {},
    client: { call: async () => ({ status: 200, body: { items: board } }) },
    drills: [d],
    v: (kind, what) => violations.push(`${kind}: ${what}`),
    waitMs: 0,
    boardWaitMs: 0,
  });
  return { violations, figures };
}

describe('chaos deadline drill audit (issue 12 faults)', () => {
  const warnedBoth = [notice('r2', 'warning', at(-40 * SECOND)), notice('r3', 'warning', at(-40 * SECOND))];

  it('C2: a limit that ran out is reported once, after its instant; the one met in time is not; the lag is measured', async () => {
    const { violations, figures } = await run([...warnedBoth, notice('r3', 'missed', at(7 * SECOND))]);
    expect(violations).toEqual([]);
    expect(figures).toEqual({ drills: 1, lagsMs: [7 * SECOND] });
  });

  it('C2: a limit that ran out and was never reported is a missed deadline', async () => {
    const { violations } = await run(warnedBoth);
    expect(violations).toEqual([expect.stringMatching(/^deadline: .*r3: ran out at .*never reported/)]);
  });

  it('C2: a missed notice written before its instant, and one for footage handed over in time, are violations', async () => {
    const { violations } = await run([
      ...warnedBoth,
      notice('r3', 'missed', at(-1 * SECOND)),
      notice('r2', 'missed', at(2 * SECOND)),
    ]);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/r2: reported missed although the footage came/),
        expect.stringMatching(/r3: reported missed 1000 ms before its instant/),
      ]),
    );
  });

  it('C2: a warning given twice, or never for the owed limit, is a violation', async () => {
    const twice = await run([...warnedBoth, warnedBoth[1], notice('r3', 'missed', at(SECOND))]);
    expect(twice.violations).toEqual([expect.stringMatching(/r3: warned 2 times/)]);
    const never = await run([warnedBoth[0], notice('r3', 'missed', at(SECOND))]);
    expect(never.violations).toEqual([expect.stringMatching(/r3: never warned/)]);
  });

  it('C2: footage held up past the instant by the faults makes its miss correct, and the board then shows both', async () => {
    const late = drill(at(20 * SECOND));
    const notices = [...warnedBoth, notice('r2', 'missed', at(SECOND)), notice('r3', 'missed', at(SECOND))];
    const both = [...OWED_ON_BOARD, ...OWED_ON_BOARD];
    expect((await run(notices, both, late)).violations).toEqual([]);
    expect((await run(notices, OWED_ON_BOARD, late)).violations).toEqual([
      expect.stringMatching(/the board shows av-handover:missed; expected/),
    ]);
  });

  it('C2: a board still showing the met limit, or the owed one as running, is a violation', async () => {
    const notices = [...warnedBoth, notice('r3', 'missed', at(SECOND))];
    for (const board of [
      [...OWED_ON_BOARD, { kind: 'av-handover', state: 'running' }],
      [{ kind: 'av-handover', state: 'warned' }],
      [],
    ])
      expect((await run(notices, board)).violations).toEqual([expect.stringMatching(/: the board shows/)]);
  });
});
