'use strict';
// What must hold of a run's deadline drills (drill.js): each limit that ran out was reported missed exactly once and
// not before its instant, each limit met in time was never reported missed, and the supervision board shows both
// as they are. Waits first: a limit that ran out while Temporal or recording-svc was down is reported once they are
// back, and that delay is measured (the report's lag), not failed.
const { expectStatus, eventually } = require('./client');

/** The drill cases' notices as recording-svc recorded them (noticed_at: when the notice was actually written). */
async function notices(query, env, caseNos) {
  return query(
    env,
    'recording',
    `select case_number, deadline_key, kind, due_at, noticed_at from case_deadline_notices
      where case_number = any($1) and limit_name = 'av-handover'`,
    [caseNos],
  );
}

/** Whether the met seizure's footage came in time; if faults held it up past the limit, a miss is then correct. */
const metInTime = (d) => Date.parse(d.met.handedOverAt) <= Date.parse(d.dueAt);

/**
 * Checks every drill; `v(kind, what)` records a violation ('deadline': missed, early or doubled). Answers the figures
 * for the report: each owed limit's lag between its instant and its notice.
 */
async function auditDrills({ query, env, client, drills, v, waitMs = 240_000, boardWaitMs = 60_000 }) {
  if (drills.length === 0) return { drills: 0, lagsMs: [] };
  const caseNos = drills.map((d) => d.caseNo);
  const expectMissed = (d) => [d.owed.recordId, ...(metInTime(d) ? [] : [d.met.recordId])];
  const lateBy = Math.max(...drills.map((d) => Date.parse(d.dueAt))) + waitMs;
  let rows = [];
  try {
    rows = await eventually(
      async () => {
        const got = await notices(query, env, caseNos);
        const all = drills.every((d) =>
          expectMissed(d).every((id) =>
            got.some(
              (r) => r.case_number === d.caseNo && r.deadline_key === `av-handover:${id}` && r.kind === 'missed',
            ),
          ),
        );
        return all ? got : undefined;
      },
      'every drill limit reported missed',
      Math.max(0, lateBy - Date.now()),
    );
  } catch {
    rows = await notices(query, env, caseNos);
  }

  const lagsMs = [];
  for (const d of drills) {
    for (const [role, recordId] of [
      ['met', d.met.recordId],
      ['owed', d.owed.recordId],
    ]) {
      const key = `av-handover:${recordId}`;
      const mine = rows.filter((r) => r.case_number === d.caseNo && r.deadline_key === key);
      const missed = mine.filter((r) => r.kind === 'missed');
      const warned = mine.filter((r) => r.kind === 'warning');
      const shouldMiss = expectMissed(d).includes(recordId);
      if (warned.length > 1) v('deadline', `${d.caseNo} ${key}: warned ${warned.length} times`);
      if (role === 'owed' && warned.length === 0) v('deadline', `${d.caseNo} ${key}: never warned`);
      if (shouldMiss && missed.length === 0) v('deadline', `${d.caseNo} ${key}: ran out at ${d.dueAt}, never reported`);
      if (!shouldMiss && missed.length > 0)
        v('deadline', `${d.caseNo} ${key}: reported missed although the footage came at ${d.met.handedOverAt}`);
      for (const m of missed) {
        const lag = m.noticed_at.getTime() - m.due_at.getTime();
        if (lag < 0) v('deadline', `${d.caseNo} ${key}: reported missed ${-lag} ms before its instant ${d.dueAt}`);
        if (Math.abs(m.due_at.getTime() - Date.parse(d.dueAt)) > 1000)
          v('deadline', `${d.caseNo} ${key}: due ${m.due_at.toISOString()}, the drill set ${d.dueAt}`);
        lagsMs.push(lag);
      }
    }
    // The supervision board: the owed limit is there as missed, the met one has left it.
    const expected = metInTime(d) ? 1 : 2;
    const boardNow = async () =>
      expectStatus(
        await client.call('GET', `/api/v1/supervision/deadlines?caseNo=${encodeURIComponent(d.caseNo)}&pageSize=100`, {
          user: 'u-unit-head-1',
        }),
        `${d.caseNo} supervision board`,
        200,
      ).items;
    const settled = (items) => items.length === expected && items.every((i) => i.state === 'missed');
    const board = await eventually(
      async () => {
        const items = await boardNow();
        return settled(items) ? items : undefined;
      },
      `${d.caseNo} on the board as missed`,
      boardWaitMs,
    ).catch(boardNow);
    const states = board.map((i) => `${i.kind}:${i.state}`).join(', ') || 'nothing';
    if (!settled(board)) v('deadline', `${d.caseNo}: the board shows ${states}; expected the owed hand-over, missed`);
    d.board = states;
  }
  return { drills: drills.length, lagsMs };
}

module.exports = { auditDrills };
