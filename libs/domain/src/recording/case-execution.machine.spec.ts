import { applyCaseCommand, newCaseLifecycle } from './case-lifecycle.machine';
import type { CaseCommand, CaseLifecycle, CaseOutcome } from './case-lifecycle.types';
import type { CaseRecordInput } from './record.rules';
import { approval, decisionDocument, directService, inspection } from './testing/case.fixtures';

const AT = '2030-01-01T02:00:00Z';
const DONE = '2030-01-03T02:00:00Z';
const start = (): CaseLifecycle =>
  newCaseLifecycle({
    caseNumber: 'C-9',
    category: 'penalty',
    unitId: 'unit-1',
    party: {
      name: '某社会组织',
      kind: 'organisation',
      idNumber: '91350100M000100Y43',
      address: '某路1号',
      contact: '0734-0000000',
    },
    initiationMode: 'ex-officio',
    initiatedAt: '2030-01-01T00:00:00Z',
    needsReview: false,
  });

function ok(o: CaseOutcome): CaseLifecycle {
  if (!o.ok) throw new Error(`${o.refusal.code}: ${o.refusal.en}`);
  return o.state;
}
const run = (s: CaseLifecycle, ...cmds: CaseCommand[]) => cmds.reduce((acc, c) => ok(applyCaseCommand(acc, c)), s);
const add = (record: CaseRecordInput): CaseCommand => ({ type: 'add-record', record, at: AT, by: 'u-officer' });
const complete = (step: CaseLifecycle['step'], at = AT): CaseCommand => ({
  type: 'complete-step',
  step,
  at,
  by: 'u-2',
});

function inExecution(): CaseLifecycle {
  return run(
    start(),
    add(approval()),
    complete('initiation'),
    add(inspection()),
    complete('investigation'),
    complete('review'),
    add(decisionDocument()),
    complete('decision'),
    add(directService()),
    complete('service'),
    add({ type: 'execution-record', fields: { performance: '已缴纳罚款人民币五千元', checkedAt: AT } }),
  );
}

describe('execution information (D4; 000 附件1 第十七条)', () => {
  it('D4: completing the execution step of a decided case names the decision, the result as recorded and when', () => {
    const s = inExecution();
    const o = applyCaseCommand(s, complete('execution', DONE));
    if (!o.ok) throw new Error(o.refusal.en);
    const change = o.changes.find((c) => c.kind === 'execution-completed');
    expect(change).toEqual({
      kind: 'execution-completed',
      documentNumber: s.decision?.documentNumber,
      result: '履行情况记录：履行情况：已缴纳罚款人民币五千元',
      officers: [],
      at: DONE,
      by: 'u-2',
    });
  });

  it('D4, D8: a revoked decision’s execution is not announced, and no other step announces one', () => {
    const s = inExecution();
    const revocation = { revokedAt: AT, by: 'u-1' } as CaseLifecycle['revocation'];
    const revoked: CaseLifecycle = { ...s, revocation };
    const o = applyCaseCommand(revoked, complete('execution', DONE));
    expect(o.ok && o.changes.some((c) => c.kind === 'execution-completed')).toBe(false);
    const earlier = applyCaseCommand(run(start(), add(approval())), complete('initiation'));
    expect(earlier.ok && earlier.changes.map((c) => c.kind)).toEqual(['step-completed']);
  });
});
