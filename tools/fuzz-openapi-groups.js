#!/usr/bin/env node
// The fuzz run of tools/fuzz-openapi, one schemathesis run per role group (issue 12, SPEC C1): the groups come from
// the access module (libs/platform/src/testing/fuzz-groups.ts), so every operation is fuzzed by a role its rule admits
// instead of stopping at the role check. FUZZ_SECONDS bounds the whole run; each group gets the time left, shared by
// its operation count. The groups' JUnit reports are merged into .local/test-results/fuzz-openapi.xml, which bin/test
// counts; a failure in any group fails the run.
//   node tools/fuzz-openapi-groups.js <gateway base URL> <schemathesis's venv>
'use strict';
require('./ts-hook');
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');

// Defining the gateway's module validates a configuration; only decorator metadata is read, nothing connects.
process.env.DATABASE_URL ??= 'postgres://u:p@127.0.0.1:1/none_test';
process.env.JWT_PUBLIC_KEY ??= 'unused';

const root = path.join(__dirname, '..');
const [base, venv] = process.argv.slice(2);
const total = Number(process.env.FUZZ_SECONDS || 120);
const results = path.join(root, '.local/test-results');
const work = path.join(results, 'fuzz-openapi');
// Nothing is left out: the whole-store integrity check, once one request re-hashing every stored file, is a background
// run started in one quick request (POST /api/v1/evidence/verify-runs; one run at a time, so repeated starts are cheap).
const EXCLUDED = new Set([]);
// Below the gateway's per-person rate (GATEWAY_RATE_PER_MINUTE, 1200/min) for each token, and below the portal's
// per-address rate (PORTAL_RATE_PER_MINUTE, 120/min) without one, so the run measures the API, not the limiters.
const RATE = { signedIn: '15/s', public: '100/m' };
// Answers that do not show the request got past the role check: no or a bad token, a role or owner refusal, the
// limiter, and the edge's answers given before any route's guard runs (no such route — a generated path segment that
// does not match —, a body the parser refuses). Counted strictly: an operation is reached when one answer is neither.
const GATE_STATUSES = new Set([401, 403, 429]);
const EDGE_CODES = new Set([
  'REQUEST.NOT_FOUND',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'REQUEST.TOO_DEEP',
  'REQUEST.TOO_LARGE',
  'REQUEST.HEADERS_TOO_LARGE',
]);
// Below this schemathesis may not get past its first phase, and an operation without a test case is not tested.
const MIN_SECONDS = 5;
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

async function main() {
  const { accessTable } = require(path.join(root, 'libs/platform/src/testing/access-table.ts'));
  const { fuzzGroups } = require(path.join(root, 'libs/platform/src/testing/fuzz-groups.ts'));
  const { AppModule } = require(path.join(root, 'apps/gateway/src/app.module.ts'));
  const doc = await (await fetch(`${base}/docs-json`)).json();
  const operations = Object.entries(doc.paths)
    .flatMap(([p, item]) =>
      Object.keys(item)
        .filter((m) => HTTP_METHODS.has(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    )
    .filter((op) => !EXCLUDED.has(op));
  const { users } = JSON.parse(fs.readFileSync(path.join(root, 'infra/local/demo-users.json'), 'utf8'));
  const plan = fuzzGroups(accessTable(AppModule), operations, users);
  const tokens = JSON.parse(
    execFileSync('node', [path.join(root, 'infra/local/demo-tokens.js'), '--json'], { encoding: 'utf8' }),
  );

  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  // The smallest groups first: the startup estimate is measured on them, and the largest takes what is left.
  const groups = [...plan.groups].sort((a, b) => a.operations.length - b.operations.length);
  const jobs = groups.map((group, i) => {
    const file = path.join(work, `${i + 1}-${group.role}`);
    // Each run loads a document of its own operations only: loading all of them takes seconds of each share.
    fs.writeFileSync(`${file}.openapi.json`, JSON.stringify(only(doc, group.operations)));
    const args = [
      `${file}.openapi.json`,
      '--url',
      base,
      '--checks',
      'not_a_server_error',
      '--rate-limit',
      group.user ? RATE.signedIn : RATE.public,
      // At the portal's rate the coverage phase's fixed cases of the first public operation take its whole share;
      // without it each public operation gets examples and generated cases in turn.
      ...(group.user ? [] : ['--phases', 'examples,fuzzing']),
      '--request-timeout',
      '15',
      '--report',
      'junit,ndjson',
      '--report-junit-path',
      `${file}.xml`,
      '--report-ndjson-path',
      `${file}.ndjson`,
      ...(group.user ? ['--header', `Authorization: Bearer ${tokens[group.user]}`] : []),
    ];
    return { name: `${group.role} (${group.user ?? 'no token'})`, operations: group.operations.length, args, file };
  });
  // This process's own start (reading the routes) counts too: FUZZ_SECONDS bounds the whole tool.
  const deadline = Date.now() / 1000 - process.uptime() + total;
  fs.writeFileSync(path.join(work, 'jobs.json'), JSON.stringify({ deadline, min_seconds: MIN_SECONDS, runs: jobs }));
  const driver = spawnSync(
    path.join(venv, 'bin/python'),
    [path.join(__dirname, 'fuzz-openapi-runs.py'), path.join(work, 'jobs.json'), path.join(work, 'runs.json')],
    { stdio: 'inherit', cwd: root },
  );
  const done = fs.existsSync(path.join(work, 'runs.json'))
    ? JSON.parse(fs.readFileSync(path.join(work, 'runs.json'), 'utf8'))
    : [];
  const runs = groups.map((group, i) => ({
    group,
    file: jobs[i].file,
    rc: done[i]?.rc ?? driver.status ?? 1,
    seconds: Math.round(done[i]?.seconds ?? 0),
  }));

  const rows = runs.map(({ group, file, rc, seconds }) => {
    const junit = fs.existsSync(`${file}.xml`) ? fs.readFileSync(`${file}.xml`, 'utf8') : '';
    const cases = junit
      .split(/<testcase\b/)
      .slice(1)
      .map((c) => c.split('</testcase>')[0]);
    const failures = cases.filter((c) => /<(failure|error)\b/.test(c)).length;
    const statuses = statusesByOperation(`${file}.ndjson`);
    const reached = group.operations.filter((op) => [...(statuses.get(op) ?? [])].some(pastRoleCheck));
    const gated = group.operations.filter((op) => !reached.includes(op));
    return { group, rc, seconds, junit, cases: cases.length, failures, reached, gated, statuses };
  });
  fs.writeFileSync(path.join(results, 'fuzz-openapi.xml'), mergeJunit(rows.map((r) => r.junit)));

  console.log('\n== fuzz by role group');
  console.log('role                   user                  operations  seconds  failures  reached');
  for (const r of rows)
    console.log(
      `${r.group.role.padEnd(22)} ${(r.group.user ?? '(no token)').padEnd(21)} ${String(r.group.operations.length).padStart(10)}` +
        `  ${String(r.seconds).padStart(7)}  ${String(r.failures).padStart(8)}  ${String(r.reached.length).padStart(7)}` +
        (r.rc !== 0 && r.failures === 0 ? `  (schemathesis exit ${r.rc})` : ''),
    );
  const ops = rows.reduce((n, r) => n + r.group.operations.length, 0);
  const reached = rows.reduce((n, r) => n + r.reached.length, 0);
  console.log(
    `fuzz: ${ops} operations in ${rows.length} groups, ${reached} reached past the role check (an answer other than ` +
      `401/403/429 or the edge's own, in the runs' NDJSON reports), ${rows.reduce((n, r) => n + r.failures, 0)} failed, ` +
      `${Math.round(process.uptime())} s of FUZZ_SECONDS=${total}`,
  );
  for (const r of rows)
    for (const op of r.gated) {
      const seen = [...(r.statuses.get(op) ?? [])].sort().join(', ') || 'no request';
      const why = r.group.ownUnit.includes(op) ? ', own unit only' : '';
      console.log(`  not reached: ${op} as ${r.group.role}${why} (answers: ${seen})`);
    }
  if (plan.unknown.length) console.log(`  not in the access table, fuzzed without a token: ${plan.unknown.join(', ')}`);
  if (plan.closed.length) console.log(`  no role admitted, not fuzzed: ${plan.closed.join(', ')}`);
  for (const op of EXCLUDED) console.log(`  excluded: ${op} (see tools/fuzz-openapi-groups.js)`);
  process.exitCode = rows.some((r) => r.rc !== 0 || r.cases === 0) ? 1 : 0;
}

const pastRoleCheck = (answer) => {
  const [status, code] = answer.split(' ');
  return !GATE_STATUSES.has(Number(status)) && !EDGE_CODES.has(code);
};

/**
 * Answers per operation label from schemathesis's NDJSON events (the interactions of each finished scenario), as
 * `status code` (`404 CASE.NOT_FOUND`; the code from our one error body, empty for other bodies).
 */
function statusesByOperation(file) {
  const out = new Map();
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{"ScenarioFinished"')) continue;
    const { recorder } = JSON.parse(line).ScenarioFinished;
    const seen = out.get(recorder.label) ?? new Set();
    for (const i of Object.values(recorder.interactions ?? {}))
      if (i.response) seen.add(`${Number(i.response.status_code)} ${errorCode(i.response.content)}`.trim());
    out.set(recorder.label, seen);
  }
  return out;
}

function errorCode(content) {
  try {
    const text = content?.$base64 !== undefined ? Buffer.from(content.$base64, 'base64').toString('utf8') : content;
    const code = JSON.parse(text)?.code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

/** The OpenAPI document with the given operations only (`GET /api/v1/cases`), its components all kept. */
function only(doc, operations) {
  const wanted = new Set(operations);
  const paths = {};
  for (const [p, item] of Object.entries(doc.paths)) {
    const kept = Object.fromEntries(
      Object.entries(item).filter(([m]) => !HTTP_METHODS.has(m) || wanted.has(`${m.toUpperCase()} ${p}`)),
    );
    if (Object.keys(kept).some((m) => HTTP_METHODS.has(m))) paths[p] = kept;
  }
  return { ...doc, paths };
}

/** One JUnit document of every group's test suites (each operation is in one group only, so one test case each). */
function mergeJunit(reports) {
  const suites = reports.flatMap((x) => x.match(/<testsuite\b[\s\S]*?<\/testsuite>|<testsuite\b[^>]*\/>/g) ?? []);
  const count = (attr) =>
    suites.reduce((n, s) => n + Number((new RegExp(`<testsuite\\b[^>]*\\b${attr}="(\\d+)"`).exec(s) ?? [])[1] ?? 0), 0);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites errors="${count('errors')}" failures="${count('failures')}" tests="${count('tests')}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

main().catch((e) => {
  console.error(`fuzz-openapi: ${e.stack ?? e.message}`);
  process.exit(1);
});
