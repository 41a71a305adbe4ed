'use strict';
// CPU time the local stack's processes spend (Linux /proc): user + system milliseconds of each service, Kafka,
// Temporal and PostgreSQL with their child processes, so a bench can say what one operation costs the machine —
// a figure that, unlike latency on a shared machine, does not grow with other people's load.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) in parentheses: state is field 3, ppid 4, utime 14 … cstime 17.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return undefined;
  }
}

/** Every live process's parent, read once per snapshot. */
function parents() {
  const byParent = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (!s) continue;
    const list = byParent.get(s.ppid) ?? [];
    list.push(Number(name));
    byParent.set(s.ppid, list);
  }
  return byParent;
}

/** CPU ms of a process, its live descendants, and the children it has reaped. */
function treeMs(root, byParent) {
  const top = stat(root);
  if (!top) return undefined;
  let ticks = top.own + top.reaped;
  const todo = [...(byParent.get(root) ?? [])];
  while (todo.length) {
    const pid = todo.pop();
    const s = stat(pid);
    if (s) ticks += s.own;
    todo.push(...(byParent.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS;
}

/** The stack's processes by name: the pid files of infra/local, and PostgreSQL's postmaster. */
function stackPids(stackDir) {
  const pids = {};
  const run = path.join(stackDir, 'run');
  for (const file of fs.existsSync(run) ? fs.readdirSync(run) : []) {
    if (file.endsWith('.pid')) pids[file.slice(0, -4)] = Number(fs.readFileSync(path.join(run, file), 'utf8').trim());
  }
  const postmaster = path.join(stackDir, 'pg/data/postmaster.pid');
  if (fs.existsSync(postmaster)) pids.postgres = Number(fs.readFileSync(postmaster, 'utf8').split('\n')[0]);
  return pids;
}

/** A snapshot of CPU ms per process name (and the bench's own process). */
function snapshot(stackDir) {
  const byParent = parents();
  const out = {};
  for (const [name, pid] of Object.entries(stackPids(stackDir))) {
    const ms = treeMs(pid, byParent);
    if (ms !== undefined) out[name] = ms;
  }
  const own = process.cpuUsage();
  out.bench = (own.user + own.system) / 1000;
  return out;
}

/**
 * CPU ms per operation between two snapshots, largest first, for the names that moved; with `idlePerSecond` (ms of
 * CPU per second each process burns doing nothing) and the elapsed `ms`, that idle share is taken off first.
 */
function perOperation(before, after, n, idlePerSecond = {}, ms = 0) {
  return Object.keys(after)
    .filter((k) => k in before)
    .map((k) => [k, (after[k] - before[k] - ((idlePerSecond[k] ?? 0) * ms) / 1000) / n])
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1]);
}

module.exports = { snapshot, perOperation };
