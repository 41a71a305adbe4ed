'use strict';
/**
 * Throughput of findPersonalData over the seeded synthetic decisions of libs/redaction, beside a baseline measured
 * in the same process on the same texts: one pass of a single regex for 11-digit mobiles and 18-character IDs
 * (what a naive masker does).
 *
 *   node bench/redaction/run.js [--rounds 7] [--texts 360]
 */
require('../../tools/ts-hook');
const path = require('node:path');

const { findPersonalData } = require(path.join(__dirname, '../../libs/redaction/src/index.ts'));
const { redactionCorpus } = require(
  path.join(__dirname, '../../libs/redaction/src/testing/corpus/redaction.corpus.ts'),
);

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((a) => a.trim().split(/\s+/))
    .map(([k, v]) => [k, Number(v)]),
);
const ROUNDS = args.rounds ?? 7;
const texts = redactionCorpus(args.texts ?? 360).map((d) => d.text);
const chars = texts.reduce((n, t) => n + t.length, 0);

const NAIVE = /1[3-9]\d{9}|\d{17}[\dXx]/g;
const rows = {
  'findPersonalData(text)': (t) => findPersonalData(t).length,
  'baseline: one regex pass': (t) => (t.match(NAIVE) ?? []).length,
};

function measure(fn) {
  const rates = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const start = process.hrtime.bigint();
    let done = 0;
    while (Number(process.hrtime.bigint() - start) < 150e6) {
      for (const t of texts) fn(t);
      done += texts.length;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) rates.push(done / seconds); // round 0 warms up
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

console.log(
  `${texts.length} texts, ${Math.round(chars / texts.length)} UTF-16 units each on average; median of ${ROUNDS} rounds`,
);
for (const [name, fn] of Object.entries(rows)) {
  const rate = measure(fn);
  console.log(
    `${name.padEnd(28)} ${Math.round(rate).toString().padStart(9)} texts/s  ${((rate * chars) / texts.length / 1e6).toFixed(2).padStart(7)} M units/s`,
  );
}
