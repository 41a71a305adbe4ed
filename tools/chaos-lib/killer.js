'use strict';
// Kills one part of the local stack with SIGKILL (no shutdown hook runs: a crash, not a stop) and restarts it with
// the stack's own scripts. Only processes this stack started are touched: the pids come from its pid files.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const SERVICES = new Set(['gateway', 'review-svc', 'recording-svc', 'disclosure-svc']);

/** The pid the stack recorded for a part (PostgreSQL's postmaster from its own pid file). */
function pidOf(stackDir, part) {
  const file =
    part === 'postgres' ? path.join(stackDir, 'pg/data/postmaster.pid') : path.join(stackDir, 'run', `${part}.pid`);
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

/** The process and all its descendants, read from /proc (the servers fork: postgres backends, java, node). */
function processTree(root) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL of the part's whole process tree; resolves once every one of them is gone. */
async function kill(stackDir, part) {
  const pid = pidOf(stackDir, part);
  if (!pid || !alive(pid)) throw new Error(`chaos: ${part} is not running (no live pid in ${stackDir})`);
  const tree = processTree(pid);
  for (const p of tree) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 200 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
  return { pid, processes: tree.length };
}

function run(root, args, env, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, args[0]), args.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      fs.appendFileSync(log, `$ ${args.join(' ')} → ${code}\n${out}\n`);
      if (code === 0) resolve();
      else reject(new Error(`${args.join(' ')} exited ${code}: ${out.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/**
 * Brings the part back: the servers through `infra/local/stack up` (starts only what is not running), a service
 * through `infra/local/services up` (likewise; waits until its /health reports every dependency up).
 */
async function restart(root, env, part, log) {
  if (SERVICES.has(part)) {
    await run(root, ['infra/local/services', 'up'], env, log);
    return;
  }
  await run(root, ['infra/local/stack', 'up'], env, log);
  // A service's /health must say every dependency is back before the next fault is injected.
  await run(root, ['infra/local/services', 'up'], env, log);
}

/** Fails unless every part of the stack runs (before a run starts). */
function assertAllRunning(stackDir, parts) {
  const down = parts.filter((p) => {
    const pid = pidOf(stackDir, p);
    return !pid || !alive(pid);
  });
  if (down.length) throw new Error(`chaos: not running in ${stackDir}: ${down.join(', ')}. Fix: bin/up`);
}

module.exports = { kill, restart, assertAllRunning, pidOf };
