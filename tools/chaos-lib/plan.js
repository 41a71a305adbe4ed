'use strict';
// The kill plan of a chaos run: drawn up front from a seeded PRNG, so the same seed gives the same plan.

/** mulberry32: small, fast and reproducible; quality is ample for picking moments and victims. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every part the killer may take down: the four services and the three servers. */
const PARTS = ['gateway', 'review-svc', 'recording-svc', 'disclosure-svc', 'kafka', 'temporal', 'postgres'];

/**
 * Kills for one run: each after a random quiet time (measured from the previous part's restart), a random part,
 * down for a random short pause. Every part is taken at least once per run when the window allows (shuffled first
 * round), then parts are drawn freely.
 */
function killPlan(seed, run, { seconds, minGapMs = 4000, maxGapMs = 20000, minDownMs = 1000, maxDownMs = 8000 }) {
  const rand = prng((seed ^ Math.imul(run + 1, 0x9e3779b1)) >>> 0);
  const between = (lo, hi) => Math.round(lo + rand() * (hi - lo));
  const firstRound = [...PARTS];
  for (let i = firstRound.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [firstRound[i], firstRound[j]] = [firstRound[j], firstRound[i]];
  }
  const plan = [];
  let budget = seconds * 1000;
  for (;;) {
    const gapMs = between(minGapMs, maxGapMs);
    const downMs = between(minDownMs, maxDownMs);
    const part = plan.length < firstRound.length ? firstRound[plan.length] : PARTS[Math.floor(rand() * PARTS.length)];
    budget -= gapMs + downMs;
    if (budget < 0) break;
    plan.push({ gapMs, part, downMs });
  }
  return plan;
}

module.exports = { prng, killPlan, PARTS };
