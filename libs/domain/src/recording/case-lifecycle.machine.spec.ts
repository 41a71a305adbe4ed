import { applyCaseCommand, newCaseLifecycle, stepShortfalls } from './case-lifecycle.machine';
import type { CaseCommand, CaseLifecycle, CaseOutcome, DecisionRevocation } from './case-lifecycle.types';
import type { CaseRecordInput } from './record.rules';
import { approval, decisionDocument, directService, inspection, seizure, video } from './testing/case.fixtures';

const AT = '2030-01-01T02:00:00Z';
const start = (over: Partial<CaseLifecycle> = {}) => ({
  ...newCaseLifecycle({
    caseNumber: 'C-1',
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
  }),
  ...over,
});

function ok(o: CaseOutcome): CaseLifecycle {
  if (!o.ok) throw new Error(`${o.refusal.code}: ${o.refusal.en}`);
  return o.state;
}
const run = (s: CaseLifecycle, ...cmds: CaseCommand[]) => cmds.reduce((acc, c) => ok(applyCaseCommand(acc, c)), s);
const add = (record: CaseRecordInput): CaseCommand => ({ type: 'add-record', record, at: AT, by: 'u-officer' });
const complete = (step: CaseLifecycle['step']): CaseCommand => ({
  type: 'complete-step',
  step,
  at: AT,
  by: 'u-officer',
});

describe('case lifecycle', () => {
  it('R1: a case passes initiation → investigation → review → decision → service → execution → closure → archiving', () => {
    let s = run(
      start(),
      add(approval()),
      complete('initiation'),
      add(inspection()),
      complete('investigation'),
      complete('review'),
    );
    s = run(s, add(decisionDocument()), complete('decision'), add(directService()), complete('service'));
    s = run(
      s,
      add({ type: 'execution-record', fields: { performance: '已缴纳罚款', checkedAt: AT } }),
      complete('execution'),
    );
    s = run(s, add({ type: 'closure-report', fields: { summary: '结案', closedAt: AT } }), complete('closure'));
    // R10: the archiving step completes through the bundle the records administrator builds, never by itself.
    const unbundled = applyCaseCommand(s, complete('archiving'));
    expect(unbundled.ok ? [] : unbundled.refusal.missing.map((m) => m.field)).toEqual(['archive-bundle']);
    const early = applyCaseCommand(start(), {
      type: 'record-archive-bundle',
      sha256: 'a'.repeat(64),
      at: AT,
      by: 'u-records',
    });
    expect(early.ok ? null : early.refusal.code).toBe('CASE.WRONG_STEP');
    s = run(s, { type: 'record-archive-bundle', sha256: 'a'.repeat(64), at: AT, by: 'u-records' });
    expect(s.archiveBundle).toEqual({ sha256: 'a'.repeat(64), at: AT, by: 'u-records' });
    expect(s.completed.map((c) => c.step)).toEqual([
      'initiation',
      'investigation',
      'review',
      'decision',
      'service',
      'execution',
      'closure',
      'archiving',
    ]);
    expect(s.outcome).toBe('archived');
    expect(s.closedAt).toBe(AT);
    const after = applyCaseCommand(s, add(inspection()));
    expect(after.ok ? null : after.refusal.code).toBe('CASE.ENDED');
  });

  it("R2: ex-officio initiation cannot complete without the agency head's approval form", () => {
    const o = applyCaseCommand(start(), complete('initiation'));
    expect(o.ok).toBe(false);
    if (!o.ok) {
      expect(o.refusal.code).toBe('CASE.STEP_INCOMPLETE');
      expect(o.refusal.zh).toContain('机关负责人签批的程序启动审批表');
      expect(o.refusal.en).toContain("agency head's signed initiation approval");
    }
  });

  it('R2: an emergency case runs at once, but cannot reach its decision before the approval is on record', () => {
    const s = run(
      start({ initiationMode: 'emergency' }),
      complete('initiation'),
      add(inspection()),
      complete('investigation'),
    );
    const o = applyCaseCommand(s, complete('review'));
    expect(o.ok ? null : o.refusal.missing.map((m) => m.field)).toEqual(['initiation-approval']);
    expect(run(s, add({ ...approval(), fields: { ...approval().fields } }), complete('review')).step).toBe('decision');
  });

  it('R2: a complaint not taken up is recorded with its reason and ends the case without an enforcement action', () => {
    const o = applyCaseCommand(
      start({ initiationMode: 'complaint' }),
      add({
        type: 'complaint-declined',
        fields: {
          complainant: '李四',
          named: true,
          reason: '不属于本机关管辖',
          answeredAt: AT,
          answerMethod: '书面告知',
        },
      }),
    );
    expect(o.ok && o.changes.map((c) => c.kind)).toEqual(['record-added', 'complaint-not-taken-up', 'closed']);
    expect(o.ok && o.state.outcome).toBe('not-taken-up');
  });

  it('L12: the decision step stays closed while a major decision awaits its review, and opens when it passes', () => {
    const s = run(
      start({ needsReview: true }),
      add(approval()),
      complete('initiation'),
      add(inspection()),
      complete('investigation'),
    );
    const shut = applyCaseCommand(s, complete('review'));
    expect(shut.ok ? null : shut.refusal.code).toBe('CASE.DECISION_GATE_CLOSED');
    const refused = run(s, {
      type: 'review-concluded',
      outcome: 'not-accepted',
      mayIssueDecision: false,
      decisionRef: null,
      at: AT,
    });
    expect(applyCaseCommand(refused, complete('review')).ok).toBe(false);
    const passed = run(
      s,
      { type: 'review-concluded', outcome: 'decided', mayIssueDecision: true, decisionRef: 'D-1', at: AT },
      complete('review'),
    );
    expect(passed.step).toBe('decision');
  });

  it('R3: a permit decision says whether the permit was granted', () => {
    const s = run(
      start({ category: 'permit', initiationMode: 'application' }),
      complete('initiation'),
      add(inspection()),
      complete('investigation'),
      complete('review'),
    );
    const o = applyCaseCommand(s, add(decisionDocument()));
    expect(o.ok ? null : o.refusal.missing.map((m) => m.field)).toEqual(['fields.permitGranted']);
    const granted = run(
      s,
      add({ ...decisionDocument(), fields: { ...decisionDocument().fields, permitGranted: true } }),
    );
    expect(granted.decision).toMatchObject({
      permitGranted: true,
      officers: ['李明', '王芳'],
      conclusion: '罚款人民币一万元',
    });
  });

  it('L1: a case needing no review reaches its decision without one; a decision document is refused before the decision step', () => {
    const s = run(start(), add(approval()), complete('initiation'), add(inspection()));
    const early = applyCaseCommand(s, add(decisionDocument()));
    expect(early.ok ? null : early.refusal.code).toBe('CASE.RECORD_INCOMPLETE');
    expect(run(s, complete('investigation'), complete('review')).step).toBe('decision');
  });

  it('R5: a step with a seizure cannot complete without full-process AV or a stated reason', () => {
    const s = run(start(), add(approval()), complete('initiation'), add(seizure()));
    const o = applyCaseCommand(s, complete('investigation'));
    expect(o.ok ? null : o.refusal.missing).toEqual([expect.objectContaining({ field: 'C-1/r2.av' })]);
    expect(o.ok ? '' : o.refusal.zh).toContain('覆盖执法全过程的音像记录');
    const partial = run(s, {
      type: 'attach-av',
      recordId: 'C-1/r2',
      files: [video('2030-01-03T01:00:00Z', '2030-01-03T01:30:00Z')],
      at: AT,
      by: 'u',
    });
    expect(applyCaseCommand(partial, complete('investigation')).ok).toBe(false);
    const full = run(partial, {
      type: 'attach-av',
      recordId: 'C-1/r2',
      files: [video('2030-01-03T01:30:00Z', '2030-01-03T02:00:00Z', 2)],
      at: AT,
      by: 'u',
    });
    expect(run(full, complete('investigation')).step).toBe('review');
    const excused = run(
      start(),
      add(approval()),
      complete('initiation'),
      add({ ...seizure(), avMissingReason: '执法记录仪故障，已书面报告' }),
    );
    expect(stepShortfalls(excused)).toEqual([]);
  });

  it('R3: a record may stand in for a signature only through an existing refusal record', () => {
    const s = run(start(), add(approval()), complete('initiation'));
    const r = inspection();
    delete r.fields.signedBy;
    r.fields.refusalRef = 'C-1/r9';
    const o = applyCaseCommand(s, add(r));
    expect(o.ok ? null : o.refusal.missing.map((m) => m.field)).toEqual(['fields.refusalRef']);
    const withRefusal = run(
      s,
      add({
        type: 'refusal',
        fields: { refusal: '拒绝签字', refusedAt: AT, circumstances: '拒签', witnesses: ['周某'] },
      }),
    );
    r.fields.refusalRef = 'C-1/r2';
    expect(applyCaseCommand(withRefusal, add(r)).ok).toBe(true);
  });

  it('R1: issuing and revoking the decision are changes disclosure hears of', () => {
    const revocation: DecisionRevocation = {
      kind: 'revoked',
      legalDocument: { number: '衡复决〔2030〕3号', issuedBy: '衡阳市人民政府', receivedAt: AT },
      explanation: '经复议撤销',
      newDecisionNumber: null,
    };
    const s = run(
      start(),
      add(approval()),
      complete('initiation'),
      add(inspection()),
      complete('investigation'),
      complete('review'),
    );
    const issued = applyCaseCommand(s, add(decisionDocument()));
    expect(issued.ok && issued.changes.map((c) => c.kind)).toEqual(['record-added', 'decision-issued']);
    const revoked = applyCaseCommand(ok(issued), { type: 'revoke-decision', revocation, at: AT, by: 'u-head' });
    expect(revoked.ok && revoked.changes[0]).toMatchObject({
      kind: 'decision-revoked',
      documentNumber: '衡民罚决〔2030〕1号',
    });
    const twice = applyCaseCommand(ok(revoked), { type: 'revoke-decision', revocation, at: AT, by: 'u' });
    expect(twice.ok ? null : twice.refusal.code).toBe('CASE.NO_DECISION');
  });
});
