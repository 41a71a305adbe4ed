'use strict';
// Loading the portal benchmark's items (issue 10) into disclosure-svc's own `portal_items`, as fast as this machine
// allows: the secondary indexes are dropped, the rows are written by several COPY streams at once (one psql and one
// generating child per part, so both the text/gram work of Node and PostgreSQL's parsing use every core) in the
// order of their publication instants — the order in which the service itself appends published items, so the
// newest items share heap pages as they do in a real table (a load in item order scattered them over the whole
// heap, and every walk over the newest items read one page per row) — then the
// indexes are rebuilt from their own definitions (the GIN index on one connection while the b-trees build on
// another) and the table is vacuumed and analysed, so the first searches neither set hint bits nor wait for
// autovacuum. The index definitions are kept in the stack's folder until the rebuild has finished, so a run stopped
// half-way restores them on the next run.
//   node bench/portal/load.js --part K PARTS NOW ORDER-FILE   (internal: part K's rows as COPY text on stdout)
require('../../tools/ts-hook');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { item } = require('./corpus');
const { normaliseForSearch, gramsOf } = require('../../apps/disclosure-svc/src/portal/search.grams.ts');

const TABLE = 'disclosure.portal_items';
const COLUMNS = `publication_id, decision_number, agency_id, agency_name, category, target, decided_on, published_at,
  mode, body, search_text, grams, section`;

/** COPY text format: one field, escaped. */
const copyField = (s) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const arrayLiteral = (xs) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** Item numbers 0..items-1 ordered by publication instant (oldest first); `now` fixes the instants. */
function publicationOrder(items, now) {
  const at = new Float64Array(items);
  for (let i = 0; i < items; i++) at[i] = Date.parse(item(i, now).publishedAt);
  return Uint32Array.from({ length: items }, (_, i) => i).sort((a, b) => at[a] - at[b] || a - b);
}

/** Rows of the publication order one part writes at a time before the next part's turn. */
const CHUNK = 2_000;

/** Part `part` of `parts`: chunks part, part + parts, … of the publication order as COPY lines on stdout. */
async function writePart(part, parts, now, orderFile) {
  const order = new Uint32Array(fs.readFileSync(orderFile).buffer.slice(0));
  let buffer = '';
  for (let k = 0; k < order.length; k++) {
    if (Math.floor(k / CHUNK) % parts !== part) continue;
    const it = item(order[k], now);
    // The service's own normalisation and grams (publication.records.ts builds search_text the same way).
    const search = normaliseForSearch([it.decisionNumber, it.agencyName, it.body].join('\n'));
    buffer +=
      [
        it.id,
        it.decisionNumber,
        it.agencyId,
        it.agencyName,
        it.category,
        it.target,
        it.decidedOn,
        it.publishedAt,
        it.mode,
        it.body,
        search,
        arrayLiteral(gramsOf(search)),
        'ex-post',
      ]
        .map(copyField)
        .join('\t') + '\n';
    if (buffer.length > 1 << 20) {
      if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
      buffer = '';
    }
  }
  // The rest after the loop: the order's last row may be another part's, so no row of the loop can tell it is last.
  process.stdout.write(buffer);
}

/** One part: a generating child piped into its own psql COPY (the audit trigger off for these synthetic rows). */
function copyPart(adminUrl, part, parts, now, orderFile) {
  const gen = spawn(process.execPath, [__filename, '--part', String(part), String(parts), String(now), orderFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const psql = spawn(
    'psql',
    [
      adminUrl,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      // Synthetic rows are no state change of the service: the per-row audit trigger (C3) stays out of the load.
      '-c',
      'set session_replication_role = replica',
      '-c',
      `copy ${TABLE} (${COLUMNS}) from stdin`,
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  gen.stdout.pipe(psql.stdin);
  const exited = (p, name) =>
    new Promise((resolve, reject) =>
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited ${code}`)))),
    );
  return Promise.all([exited(gen, `generator of part ${part}`), exited(psql, `psql COPY of part ${part}`)]);
}

/** Secondary indexes of portal_items (all but the primary key), remembered in the stack's folder while dropped. */
async function secondaryIndexes(admin, keptFile) {
  const now = (
    await admin.query(
      `select indexname as name, indexdef as def from pg_indexes where schemaname = 'disclosure'
         and tablename = 'portal_items' and indexname <> 'portal_items_pkey'`,
    )
  ).rows;
  const kept = fs.existsSync(keptFile) ? JSON.parse(fs.readFileSync(keptFile, 'utf8')) : [];
  // Those an earlier, interrupted run dropped and did not rebuild come back from the file.
  const all = [...now, ...kept.filter((k) => !now.some((n) => n.name === k.name))];
  fs.writeFileSync(keptFile, JSON.stringify(all));
  return { present: now, all };
}

async function rebuild(adminUrl, admin, indexes) {
  const gin = indexes.filter((ix) => /using gin/i.test(ix.def));
  const btrees = indexes.filter((ix) => !/using gin/i.test(ix.def));
  const second = new Client({ connectionString: adminUrl });
  await second.connect();
  try {
    const build = async (client, list) => {
      await client.query(`set maintenance_work_mem = '1GB'`);
      await client.query(`set max_parallel_maintenance_workers = ${Math.max(0, os.cpus().length - 1)}`);
      for (const ix of list) await client.query(ix.def.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    };
    // The GIN build (no parallel build in PostgreSQL 15) runs beside the b-trees', on a second connection.
    await Promise.all([build(admin, gin), build(second, btrees)]);
  } finally {
    await second.end();
  }
}

/** Loads `items` bench rows unless exactly that many are there (or `reload`); prints how long each step took. */
async function load({ admin, adminUrl, items, stackDir, reload = false }) {
  const keptFile = path.join(stackDir, 'bench-portal-indexes.json');
  const [{ n }] = (await admin.query(`select count(*)::int as n from ${TABLE} where publication_id like 'bench:%'`))
    .rows;
  const { present, all } = await secondaryIndexes(admin, keptFile);
  if (n === items && !reload) {
    console.log(`  ${items} bench items already loaded (remove them with --drop)`);
    const missing = all.filter((k) => !present.some((p) => p.name === k.name));
    if (missing.length) {
      // An earlier run stopped between its COPY and the index build: the migration's indexes come back now.
      await rebuild(adminUrl, admin, missing);
      await admin.query(`vacuum (analyze) ${TABLE}`);
    }
    fs.rmSync(keptFile, { force: true });
    return;
  }
  const parts = Math.max(1, Number(process.env.BENCH_PORTAL_PARTS || os.cpus().length));
  console.log(`  loading ${items} items with ${parts} parallel COPY streams (found ${n}) …`);
  let t = performance.now();
  // One build per index after the COPY is far cheaper than a million inserts into each of them; dropped first, the
  // removal of earlier bench rows and the vacuum after it need not touch them either.
  for (const ix of present) await admin.query(`drop index disclosure.${ix.name}`);
  if (n > 0) {
    await admin.query(`delete from ${TABLE} where publication_id like 'bench:%'`);
    await admin.query(`vacuum ${TABLE}`);
  }
  const now = Date.now();
  const orderFile = path.join(stackDir, 'bench-portal-order.bin');
  fs.writeFileSync(orderFile, publicationOrder(items, now));
  // The parts take turns along the publication order, oldest first, and grow the table together: their pages
  // interleave, so the heap follows publication up to a few chunks, like a table the service appended to.
  await Promise.all(Array.from({ length: parts }, (_, k) => copyPart(adminUrl, k, parts, now, orderFile)));
  fs.rmSync(orderFile, { force: true });
  const [{ loaded }] = (
    await admin.query(`select count(*)::int as loaded from ${TABLE} where publication_id like 'bench:%'`)
  ).rows;
  if (loaded !== items) throw new Error(`the COPY wrote ${loaded} bench items, not ${items}`);
  const copied = (performance.now() - t) / 1000;
  t = performance.now();
  await rebuild(adminUrl, admin, all);
  fs.rmSync(keptFile, { force: true });
  const indexed = (performance.now() - t) / 1000;
  t = performance.now();
  await admin.query(`vacuum (analyze) ${TABLE}`);
  const vacuumed = (performance.now() - t) / 1000;
  console.log(
    `  COPY ${copied.toFixed(0)} s, indexes ${indexed.toFixed(0)} s, vacuum + analyze ${vacuumed.toFixed(0)} s ` +
      `(load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
  );
}

if (process.argv[2] === '--part') {
  const [part, parts, now] = process.argv.slice(3, 6).map(Number);
  writePart(part, parts, now, process.argv[6]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = { load };
