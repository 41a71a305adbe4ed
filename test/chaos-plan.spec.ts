// The chaos script's kill plan (issue 12, "Faults"): reproducible from its seed, every part taken, bounded by time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { killPlan, PARTS } = require('../tools/chaos-lib/plan') as {
  killPlan: (seed: number, run: number, o: { seconds: number }) => { gapMs: number; part: string; downMs: number }[];
  PARTS: string[];
};

describe('chaos kill plan (issue 12 faults)', () => {
  it('C2, C3: the same seed and run give the same plan; another seed or run gives another', () => {
    expect(killPlan(42, 0, { seconds: 300 })).toEqual(killPlan(42, 0, { seconds: 300 }));
    expect(killPlan(42, 0, { seconds: 300 })).not.toEqual(killPlan(43, 0, { seconds: 300 }));
    expect(killPlan(42, 0, { seconds: 300 })).not.toEqual(killPlan(42, 1, { seconds: 300 }));
  });

  it('C2, C3: each service, Kafka, Temporal and PostgreSQL is killed once before any is killed again', () => {
    for (const seed of [1, 7, 99, 123456]) {
      const first = killPlan(seed, 0, { seconds: 600 })
        .slice(0, PARTS.length)
        .map((k) => k.part);
      expect([...first].sort()).toEqual([...PARTS].sort());
    }
    expect(PARTS).toEqual(
      expect.arrayContaining([
        'gateway',
        'review-svc',
        'recording-svc',
        'disclosure-svc',
        'kafka',
        'temporal',
        'postgres',
      ]),
    );
  });

  it('C2, C3: quiet times and pauses fit the window and stay within their bounds', () => {
    for (const seconds of [30, 120, 900]) {
      const plan = killPlan(5, 2, { seconds });
      const total = plan.reduce((s, k) => s + k.gapMs + k.downMs, 0);
      expect(total).toBeLessThanOrEqual(seconds * 1000);
      for (const k of plan) {
        expect(k.gapMs).toBeGreaterThanOrEqual(4000);
        expect(k.gapMs).toBeLessThanOrEqual(20000);
        expect(k.downMs).toBeGreaterThanOrEqual(1000);
        expect(k.downMs).toBeLessThanOrEqual(8000);
      }
    }
  });
});
