'use strict';
/**
 * Throughput of @enforcement/workdays against chinese-days (the most-downloaded npm package with make-up working
 * days), on the same seeded random inputs in the same process, plus a check that both give the same answers.
 *
 *   node bench/workdays/run.js [--rounds 7] [--inputs 20000] [--seed 20251104]
 *
 * chinese-days reads dates through the process time zone, so its answers are only meaningful when TZ is UTC or
 * Asia/Shanghai; the header prints the zone in use and the agreement section shows the effect.
 */
require('../../tools/ts-hook');
const path = require('node:path');

const workdays = require(path.join(__dirname, '../../libs/workdays/src/index.ts'));
const chineseDays = require('chinese-days');
const chineseDaysVersion = require('chinese-days/package.json').version;

const args = parseArgs(process.argv.slice(2));
const ROUNDS = args.rounds ?? 7;
const INPUTS = args.inputs ?? 20_000;
const SEED = args.seed ?? 20_251_104;

// mulberry32: tiny, fast and good enough to spread dates; fixed seed so every run measures the same inputs.
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2015, 0, 1) / DAY_MS;
// Leave room so that d + 30 working days, or d + 60 calendar days, stays inside 2026 for both libraries.
const LAST_START = Date.UTC(2026, 9, 31) / DAY_MS;
const iso = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const random = prng(SEED);
const dates = [];
const steps = [];
const rangeEnds = [];
for (let i = 0; i < INPUTS; i++) {
  const day = FIRST + Math.floor(random() * (LAST_START - FIRST + 1));
  dates.push(iso(day));
  steps.push(1 + Math.floor(random() * 30));
  rangeEnds.push(iso(day + Math.floor(random() * 61)));
}

const ours = {
  isWorkday: (i) => workdays.isWorkday(dates[i]),
  addWorkdays: (i) => workdays.addWorkdays(dates[i], steps[i]),
  countWorkdays: (i) => workdays.countWorkdays(dates[i], rangeEnds[i]),
};
const theirs = {
  isWorkday: (i) => chineseDays.isWorkday(dates[i]),
  addWorkdays: (i) => chineseDays.findWorkday(steps[i], dates[i]),
  // The package lists working days in [start, end]; its natural count is the length of that list.
  countWorkdays: (i) => chineseDays.getWorkdaysInRange(dates[i], rangeEnds[i]).length,
};
/** chinese-days' count includes the start day; ours (from < d <= to) does not. Align before comparing. */
const theirsComparable = {
  isWorkday: theirs.isWorkday,
  addWorkdays: theirs.addWorkdays,
  countWorkdays: (i) => theirs.countWorkdays(i) - (chineseDays.isWorkday(dates[i]) ? 1 : 0),
};

const OPERATIONS = [
  ['isWorkday(d)', 'isWorkday'],
  ['addWorkdays(d, 1..30)', 'addWorkdays'],
  ['countWorkdays(d, d+0..60)', 'countWorkdays'],
];

let sink = 0;
function consume(value) {
  sink = (sink + (typeof value === 'string' ? value.charCodeAt(9) : Number(value))) | 0;
}

/** ops/second of one round; repeats the input set until the round lasts at least ~150 ms. */
function measure(fn, repeats) {
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeats; r++) for (let i = 0; i < INPUTS; i++) consume(fn(i));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return (repeats * INPUTS) / seconds;
}

function calibrate(fn) {
  const probe = measure(fn, 1);
  return Math.max(1, Math.round((0.15 * probe) / INPUTS));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function bench(fn) {
  const repeats = calibrate(fn); // also the warm-up
  measure(fn, repeats);
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) samples.push(measure(fn, repeats));
  return median(samples);
}

function formatRate(opsPerSecond) {
  if (opsPerSecond >= 1e6) return `${(opsPerSecond / 1e6).toFixed(2)} M/s`;
  if (opsPerSecond >= 1e3) return `${(opsPerSecond / 1e3).toFixed(1)} k/s`;
  return `${opsPerSecond.toFixed(0)} /s`;
}

const zone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
console.log(`@enforcement/workdays vs chinese-days@${chineseDaysVersion} — node ${process.version}, TZ=${zone}`);
console.log(
  `${INPUTS} seeded random inputs (seed ${SEED}), start dates 2015-01-01..2026-10-31, ${ROUNDS} rounds after warm-up, median ops/s\n`,
);

const rows = OPERATIONS.map(([label, key]) => {
  const oursRate = bench(ours[key]);
  const theirsRate = bench(theirs[key]);
  return [label, formatRate(oursRate), formatRate(theirsRate), `${(oursRate / theirsRate).toFixed(0)}x`];
});
printTable(['operation', '@enforcement/workdays', `chinese-days@${chineseDaysVersion}`, 'speed-up'], rows);

console.log('\nAgreement on the same inputs (chinese-days holds data for every date used here):');
for (const [label, key] of OPERATIONS) {
  const examples = [];
  let disagreements = 0;
  for (let i = 0; i < INPUTS; i++) {
    const a = ours[key](i);
    const b = theirsComparable[key](i);
    if (a !== b) {
      disagreements++;
      if (examples.length < 3)
        examples.push(
          `${dates[i]}${key === 'isWorkday' ? '' : key === 'addWorkdays' ? ` +${steps[i]}` : `..${rangeEnds[i]}`}: ours=${a} theirs=${b}`,
        );
    }
  }
  console.log(
    `  ${label.padEnd(26)} ${disagreements} disagreements of ${INPUTS}${examples.length ? `  e.g. ${examples.join('; ')}` : ''}`,
  );
}

// Every day of the covered range, not just the sample.
let fullDisagreements = 0;
const fullExamples = [];
for (let day = FIRST; day <= Date.UTC(2026, 11, 31) / DAY_MS; day++) {
  const date = iso(day);
  if (workdays.isWorkday(date) !== chineseDays.isWorkday(date)) {
    fullDisagreements++;
    if (fullExamples.length < 3) fullExamples.push(date);
  }
}
console.log(
  `  isWorkday, every day 2015–2026  ${fullDisagreements} disagreements${fullExamples.length ? `  e.g. ${fullExamples.join(', ')}` : ''}`,
);
if (sink === 0.5) console.log(sink); // keeps the measured calls observable to the optimiser

function printTable(header, body) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const line = (cells) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, column) => (column === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of body) console.log(line(row));
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!Number.isFinite(value)) throw new Error(`bad value for ${argv[i]}`);
    out[key] = value;
  }
  return out;
}
