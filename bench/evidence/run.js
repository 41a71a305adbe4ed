#!/usr/bin/env node
// Evidence upload benchmark (issue 9): one file of BENCH_EVIDENCE_BYTES (default 1 GiB) uploaded with tus in one
// streamed PATCH, once straight to recording-svc and once through the gateway (so each hop shows), beside `sha256sum`
// of the same file in the same run, with the peak memory growth (VmRSS above its value before each upload) of
// recording-svc and the gateway. Needs `bin/up` running. Figures are printed, never asserted. Aim (issue 9): at least
// 70% of sha256sum's rate through the gateway, growth under 64 MB.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const stackDir = process.env.STACK_DIR || path.join(root, '.local/stack');
const SIZE = Number(process.env.BENCH_EVIDENCE_BYTES || 1024 ** 3);
const gateway = new URL(`http://127.0.0.1:${process.env.GATEWAY_PORT || 3000}`);
const recording = new URL(`http://127.0.0.1:${process.env.RECORDING_PORT || 3002}`);
const tokens = JSON.parse(
  execFileSync('node', [path.join(root, 'infra/local/demo-tokens.js'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, STACK_DIR: stackDir },
  }),
);
const MB = 1e6;

function call(method, p, user, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      new URL(p, gateway),
      {
        method,
        headers: {
          authorization: `Bearer ${tokens[user]}`,
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 400) reject(new Error(`${method} ${p}: ${res.statusCode} ${text}`));
          else resolve({ status: res.statusCode, headers: res.headers, body: text ? safeJson(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
const safeJson = (t) => {
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
};

/** VmRSS of a service, in bytes, from its pid file. */
function rss(service) {
  const pid = fs.readFileSync(path.join(stackDir, 'run', `${service}.pid`), 'utf8').trim();
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]) * 1024;
}

const services = ['recording-svc', 'gateway'];
const mbOf = (bytes) => (bytes / MB).toFixed(1);

/** A case with a seizure record for the files to belong to (R5); answers the record's id. */
/** CPU seconds (user + system) a service has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
function cpuSeconds(service) {
  const pid = fs.readFileSync(path.join(stackDir, 'run', `${service}.pid`), 'utf8').trim();
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function seizureRecord(caseNo) {
  await call('POST', '/api/v1/cases', 'u-officer-1', {
    caseNumber: caseNo,
    category: 'penalty',
    title: `evidence benchmark ${caseNo}`,
  });
  const base = `/api/v1/cases/${encodeURIComponent(caseNo)}`;
  const now = Date.now();
  const iso = (ms) => new Date(now + ms).toISOString();
  await call('POST', `${base}/records`, 'u-agency-head', {
    type: 'initiation-approval',
    fields: { approvedBy: '吴局长', approvedAt: iso(0), basis: '基准测试' },
  });
  await call('POST', `${base}/steps/initiation/complete`, 'u-officer-1', {});
  const officers = [
    { name: '张执法', certificateNo: '43040001', certificateShown: true },
    { name: '王执法', certificateNo: '43040002', certificateShown: true },
  ];
  const seizure = await call('POST', `${base}/records`, 'u-officer-1', {
    type: 'seizure',
    fields: {
      officers,
      basis: '《行政强制法》第二十二条',
      necessity: '防止证据灭失',
      items: ['账簿'],
      place: '某路1号',
      startedAt: iso(-7_200_000),
      endedAt: iso(-3_600_000),
      signedBy: '当事人代表',
    },
  });
  return seizure.body.recordIds[0];
}

/**
 * One upload: created through the gateway, its bytes sent in one PATCH to the address `target` makes of the upload's
 * Location. Answers the seconds the PATCH took, the stored hash and each service's peak RSS growth meanwhile.
 */
async function upload(file, caseNo, recordId, target) {
  const now = Date.now();
  const iso = (ms) => new Date(now + ms).toISOString();
  const meta = {
    caseNumber: caseNo,
    recordId,
    kind: 'video',
    party: '基准测试当事人',
    officer: 'u-officer-1',
    device: 'DSJ-BENCH',
    startedAt: iso(-7_300_000),
    endedAt: iso(-3_500_000),
    place: '某路1号',
    fileName: path.basename(file),
  };
  const metadata = Object.entries(meta)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
  const created = await call('POST', '/api/v1/evidence/uploads', 'u-officer-1', undefined, {
    'tus-resumable': '1.0.0',
    'upload-length': String(SIZE),
    'upload-metadata': metadata,
  });
  const before = Object.fromEntries(services.map((s) => [s, rss(s)]));
  const cpuBefore = Object.fromEntries(services.map((s) => [s, cpuSeconds(s)]));
  const peak = { ...before };
  const sampler = setInterval(() => {
    for (const s of services) peak[s] = Math.max(peak[s], rss(s));
  }, 50);
  const t = process.hrtime.bigint();
  const done = await new Promise((resolve, reject) => {
    const req = http.request(
      target(created.headers.location),
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${tokens['u-officer-1']}`,
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          'content-length': String(SIZE),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      },
    );
    req.on('error', reject);
    fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(req);
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  clearInterval(sampler);
  if (done.statusCode !== 204) throw new Error(`PATCH answered ${done.statusCode}`);
  const growth = Object.fromEntries(services.map((s) => [s, peak[s] - before[s]]));
  const cpu = Object.fromEntries(services.map((s) => [s, cpuSeconds(s) - cpuBefore[s]]));
  return { seconds, sha256: done.headers['evidence-sha256'], growth, cpu };
}

async function main() {
  const file = path.join(os.tmpdir(), `evidence-bench-${randomUUID()}.bin`);
  const block = randomBytes(8 * 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  for (let at = 0, i = 0; at < SIZE; at += block.length, i++) {
    block.writeUInt32BE(i, 0);
    fs.writeSync(fd, block, 0, Math.min(block.length, SIZE - at));
  }
  fs.closeSync(fd);
  try {
    // The baseline: sha256sum reads and hashes the same file (page cache warm for both).
    spawnSync('cat', [file], { stdio: ['ignore', 'ignore', 'inherit'] });
    let t = process.hrtime.bigint();
    // `times` prints the shell's, then its children's, user and system time: sha256sum's CPU seconds.
    const [sumLine, , childTimes] = execFileSync('bash', ['-c', 'sha256sum "$1"; times', '_', file], {
      encoding: 'utf8',
    }).split('\n');
    const sum = sumLine.split(' ')[0];
    const sumSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    const sumCpu = childTimes
      .split(' ')
      .map((x) => /(\d+)m([\d.]+)s/.exec(x))
      .reduce((a, m) => a + Number(m[1]) * 60 + Number(m[2]), 0);

    // The second baseline: the same bytes made durable on the disk the stack stores on (uploads answer only once their
    // bytes are flushed, so no upload can beat this).
    const copy = path.join(stackDir, `evidence-bench-${randomUUID()}.bin`);
    t = process.hrtime.bigint();
    execFileSync('dd', [`if=${file}`, `of=${copy}`, 'bs=4M', 'conv=fsync', 'status=none']);
    const ddSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    fs.rmSync(copy, { force: true });

    const caseNo = `BENCH-EV-${randomUUID().slice(0, 8)}`;
    const recordId = await seizureRecord(caseNo);
    // Straight to recording-svc first (its own hop: tus, hashing, staging, storing), then the same through the gateway.
    const direct = await upload(
      file,
      caseNo,
      recordId,
      (location) => new URL(location.replace('/api/v1/evidence/uploads', '/evidence/uploads'), recording),
    );
    const proxied = await upload(file, caseNo, recordId, (location) => new URL(location, gateway));

    const sumRate = SIZE / MB / sumSeconds;
    const rate = (r) => SIZE / MB / r.seconds;
    const line = (label, r) =>
      `  ${label.padEnd(28)}${rate(r).toFixed(0).padStart(6)} MB/s  (${r.seconds.toFixed(2)} s)  = ${((100 * rate(r)) / sumRate).toFixed(0)}% of sha256sum`;
    console.log(`evidence upload benchmark: ${(SIZE / 1024 ** 3).toFixed(2)} GiB, one streamed tus PATCH per upload`);
    console.log(
      `  ${'sha256sum (same file)'.padEnd(28)}${sumRate.toFixed(0).padStart(6)} MB/s  (${sumSeconds.toFixed(2)} s; ${sumCpu.toFixed(2)} CPU s)`,
    );
    console.log(
      `  ${'disk: copy + fsync (dd)'.padEnd(28)}${(SIZE / MB / ddSeconds).toFixed(0).padStart(6)} MB/s  (${ddSeconds.toFixed(2)} s) — the durable-write ceiling`,
    );
    console.log(line('straight to recording-svc', direct));
    console.log(`${line('upload through gateway', proxied)} (aim >= 70%)`);
    for (const s of services) {
      console.log(
        `  peak RSS growth ${s.padEnd(14)} ${mbOf(proxied.growth[s]).padStart(6)} MB through the gateway, ${mbOf(direct.growth[s])} MB straight (aim < 64 MB)`,
      );
    }
    // CPU seconds do not depend on how busy the machine is, so they compare across runs where rates cannot.
    for (const [label, r] of [
      ['straight', direct],
      ['through gateway', proxied],
    ]) {
      console.log(
        `  CPU seconds ${label.padEnd(16)} recording-svc ${r.cpu['recording-svc'].toFixed(2)}, gateway ${r.cpu.gateway.toFixed(2)}`,
      );
    }
    for (const [label, r] of [
      ['straight', direct],
      ['through gateway', proxied],
    ]) {
      console.log(`  hash ${label}: ${r.sha256 === sum ? 'matches' : 'DIFFERS from'} sha256sum: ${r.sha256}`);
    }
    console.log(
      `  machine load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
  } finally {
    fs.rmSync(file, { force: true });
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
