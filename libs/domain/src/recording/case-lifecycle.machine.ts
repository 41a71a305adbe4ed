import { avShortfall, defaultAvRequirements, type AvRequirementList } from './av-requirements.rules';
import type {
  CaseChange,
  CaseCommand,
  CaseLifecycle,
  CaseOutcome,
  CaseRecordEntry,
  CaseRefusal,
  IssuedDecision,
} from './case-lifecycle.types';
import { decisionOf, decisionProblems, revocationProblems } from './decision.rules';
import { describeMissing, recordProblems } from './record.rules';
import { recordTypeSpecs, type RecordType, type RecordTypeSpec } from './record-types.table';
import {
  caseStepLabels,
  caseSteps,
  type CaseParty,
  type CaseStep,
  type InitiationMode,
  type MissingItem,
} from './recording.types';

export interface NewCase {
  caseNumber: string;
  category: CaseLifecycle['category'];
  unitId: string;
  party: CaseParty | null;
  initiationMode: InitiationMode;
  initiatedAt: string;
  needsReview: boolean;
}

export function newCaseLifecycle(c: NewCase): CaseLifecycle {
  return {
    ...c,
    step: 'initiation',
    completed: [],
    records: [],
    attachedAv: {},
    review: null,
    decision: null,
    revocation: null,
    closedAt: null,
    archivedAt: null,
    archiveBundle: null,
    archiveBundleRequired: true,
    outcome: 'open',
    holds: [],
  };
}

const refuse = (code: CaseRefusal['code'], zh: string, en: string, missing: MissingItem[] = []): CaseOutcome => ({
  ok: false,
  refusal: { code, zh, en, missing },
});

const has = (s: CaseLifecycle, ...types: RecordType[]): boolean => s.records.some((r) => types.includes(r.type));

/** AV the record has, its own and attached later (R6 hand-over). */
export function avOf(s: CaseLifecycle, record: CaseRecordEntry) {
  return [...record.av, ...(s.attachedAv[record.id] ?? [])];
}

/** Records of `step` whose AV need (R5) is not met. */
export function avShortfalls(s: CaseLifecycle, step: CaseStep, list: AvRequirementList): MissingItem[] {
  return s.records
    .filter((r) => r.step === step)
    .flatMap((r) => {
      const gap = avShortfall(
        { type: r.type, fields: r.fields, avMissingReason: r.avMissingReason ?? undefined },
        avOf(s, r),
        list,
      );
      return gap ? [{ ...gap, field: `${r.id}.av` }] : [];
    });
}

/**
 * L1/L12: the decision step opens only when the case needs no legal review or the review passed. Emergency cases
 * must also have the agency head's approval by then (R2).
 */
export function caseDecisionGate(s: CaseLifecycle): MissingItem[] {
  const out: MissingItem[] = [];
  if (s.needsReview && s.review?.mayIssueDecision !== true) {
    out.push({ field: 'review', zh: '已通过的法制审核（重大执法决定）', en: 'a passed legal review (major decision)' });
  }
  if (
    !has(s, 'initiation-approval') &&
    (s.initiationMode === 'emergency' || s.initiationMode === 'ex-officio' || s.initiationMode === 'complaint')
  ) {
    out.push({
      field: 'initiation-approval',
      zh: '机关负责人签批的程序启动审批表',
      en: "the agency head's signed initiation approval",
    });
  }
  return out;
}

/** What completing `s.step` still lacks (R1–R5); empty when the step may complete. */
export function stepShortfalls(s: CaseLifecycle, list: AvRequirementList = defaultAvRequirements): MissingItem[] {
  const out: MissingItem[] = [];
  const need = (ok: boolean, field: string, zh: string, en: string) => {
    if (!ok) out.push({ field, zh, en });
  };
  const inStep = (...types: RecordType[]) => s.records.some((r) => r.step === s.step && types.includes(r.type));
  switch (s.step) {
    case 'initiation':
      need(
        s.initiationMode === 'emergency' || s.initiationMode === 'application' || has(s, 'initiation-approval'),
        'initiation-approval',
        '机关负责人签批的程序启动审批表（情况紧急的可先启动，24 小时内补报）',
        "the agency head's signed initiation approval (an emergency may start first and file it within 24 hours)",
      );
      break;
    case 'investigation':
      need(
        s.records.some((r) => r.step === 'investigation'),
        'records',
        '调查取证的文字记录',
        'a record of the investigation',
      );
      break;
    case 'review':
      out.push(...caseDecisionGate(s));
      break;
    case 'decision':
      need(s.decision !== null, 'decision-document', '行政执法决定书', 'the decision document');
      break;
    case 'service':
      need(inStep('service'), 'service', '送达记录', 'a service record');
      break;
    case 'execution':
      need(
        inStep('execution-record', 'enforcement-reminder', 'forced-demolition', 'seizure'),
        'execution-record',
        '执行（履行）情况记录',
        'a record of the execution',
      );
      break;
    case 'closure':
      need(inStep('closure-report'), 'closure-report', '结案报告', 'the closure report');
      break;
    case 'archiving':
      need(
        !s.archiveBundleRequired || s.archiveBundle !== null,
        'archive-bundle',
        '档案管理员立卷生成的案卷归档包（封面及卷内文件目录）',
        'the archive bundle (cover and case-file index) the records administrator builds',
      );
      break;
  }
  out.push(...avShortfalls(s, s.step, list));
  return out;
}

/** Applies one command (SPEC R1–R5): the new state and what changed, or a refusal naming what is missing. */
export function applyCaseCommand(
  s: CaseLifecycle,
  cmd: CaseCommand,
  list: AvRequirementList = defaultAvRequirements,
): CaseOutcome {
  if (s.outcome === 'archived' && cmd.type !== 'place-hold') {
    return refuse('CASE.ENDED', '案件已归档，记录不可再变更', 'The case is archived; its records can no longer change');
  }
  switch (cmd.type) {
    case 'add-record':
      return addRecord(s, cmd);
    case 'attach-av': {
      const record = s.records.find((r) => r.id === cmd.recordId);
      if (!record)
        return refuse(
          'CASE.UNKNOWN_RECORD',
          `案件中没有记录 ${cmd.recordId}`,
          `The case has no record ${cmd.recordId}`,
        );
      const state = {
        ...s,
        attachedAv: { ...s.attachedAv, [record.id]: [...(s.attachedAv[record.id] ?? []), ...cmd.files] },
      };
      return {
        ok: true,
        state,
        changes: [{ kind: 'av-attached', recordId: record.id, files: cmd.files, at: cmd.at, by: cmd.by }],
      };
    }
    case 'complete-step':
      return completeStep(s, cmd, list);
    case 'record-archive-bundle': {
      if (s.step !== 'archiving') {
        return refuse(
          'CASE.WRONG_STEP',
          `案件处于${caseStepLabels[s.step].zh}环节，尚不能立卷归档`,
          `The case is in ${caseStepLabels[s.step].en}; its file cannot be archived yet`,
        );
      }
      const archiveBundle = { sha256: cmd.sha256, at: cmd.at, by: cmd.by };
      const done = completeStep(
        { ...s, archiveBundle },
        { type: 'complete-step', step: 'archiving', at: cmd.at, by: cmd.by },
        list,
      );
      if (!done.ok) return done;
      return {
        ok: true,
        state: done.state,
        changes: [{ kind: 'archive-bundle-recorded', ...archiveBundle }, ...done.changes],
      };
    }
    case 'require-review':
      return {
        ok: true,
        state: { ...s, needsReview: true },
        changes: [{ kind: 'review-required', at: cmd.at, by: cmd.by }],
      };
    case 'review-concluded': {
      const review = {
        outcome: cmd.outcome,
        mayIssueDecision: cmd.mayIssueDecision,
        decisionRef: cmd.decisionRef,
        at: cmd.at,
      };
      // A concluded review means the decision was major, whatever the officer thought at initiation (L1).
      return {
        ok: true,
        state: { ...s, review, needsReview: true },
        changes: [{ kind: 'review-noted', outcome: cmd.outcome, mayIssueDecision: cmd.mayIssueDecision, at: cmd.at }],
      };
    }
    case 'revoke-decision': {
      if (!s.decision || s.revocation)
        return refuse('CASE.NO_DECISION', '案件没有可撤销的执法决定', 'The case has no decision in force to revoke');
      const missing = revocationProblems(cmd.revocation);
      if (missing.length > 0) {
        const text = describeMissing(missing);
        return refuse('CASE.RECORD_INCOMPLETE', text.zh, text.en, missing);
      }
      const revocation = { ...cmd.revocation, newDecisionNumber: cmd.revocation.newDecisionNumber ?? null };
      return {
        ok: true,
        state: { ...s, revocation: { ...revocation, revokedAt: cmd.at, by: cmd.by } },
        changes: [
          { kind: 'decision-revoked', documentNumber: s.decision.documentNumber, revocation, at: cmd.at, by: cmd.by },
        ],
      };
    }
    case 'place-hold': {
      const hold = { reason: cmd.reason, note: cmd.note, at: cmd.at, by: cmd.by };
      return { ok: true, state: { ...s, holds: [...s.holds, hold] }, changes: [{ kind: 'hold-placed', ...hold }] };
    }
  }
}

function addRecord(s: CaseLifecycle, cmd: Extract<CaseCommand, { type: 'add-record' }>): CaseOutcome {
  if (s.outcome !== 'open')
    return refuse('CASE.ENDED', '案件已办结，不能再制作执法记录', 'The case has ended; no further records can be made');
  const missing = recordProblems(cmd.record, s.step);
  if (cmd.record.type === 'decision-document') missing.push(...decisionProblems(cmd.record.fields ?? {}, s));
  if (cmd.record.fields && typeof cmd.record.fields.refusalRef === 'string' && cmd.record.fields.refusalRef !== '') {
    const ref = s.records.find((r) => r.id === cmd.record.fields.refusalRef);
    if (!ref || ref.type !== 'refusal') {
      missing.push({
        field: 'fields.refusalRef',
        zh: '本案已有的拒签记录',
        en: 'an existing refusal record of this case',
      });
    }
  }
  if (missing.length > 0) {
    const text = describeMissing(missing);
    return refuse('CASE.RECORD_INCOMPLETE', text.zh, text.en, missing);
  }
  const seq = s.records.length + 1;
  const entry: CaseRecordEntry = {
    id: `${s.caseNumber}/r${seq}`,
    seq,
    step: s.step,
    type: cmd.record.type,
    fields: cmd.record.fields,
    av: cmd.record.av ?? [],
    avMissingReason: cmd.record.avMissingReason?.trim() || null,
    recordedAt: cmd.at,
    recordedBy: cmd.by,
  };
  let state: CaseLifecycle = { ...s, records: [...s.records, entry] };
  const changes: CaseChange[] = [{ kind: 'record-added', record: entry }];
  if (entry.type === 'decision-document') {
    if (s.decision) return refuse('CASE.WRONG_STEP', '本案已作出执法决定', 'The case already has its decision');
    const decision = decisionOf(entry, s.category);
    state = { ...state, decision };
    changes.push({ kind: 'decision-issued', decision, at: cmd.at });
  }
  if (entry.type === 'complaint-declined') {
    state = { ...state, outcome: 'not-taken-up', step: 'archiving', closedAt: cmd.at };
    changes.push({ kind: 'complaint-not-taken-up', recordId: entry.id, at: cmd.at }, { kind: 'closed', at: cmd.at });
  }
  return { ok: true, state, changes };
}

function completeStep(
  s: CaseLifecycle,
  cmd: Extract<CaseCommand, { type: 'complete-step' }>,
  list: AvRequirementList,
): CaseOutcome {
  if (cmd.step !== s.step) {
    return refuse(
      'CASE.WRONG_STEP',
      `案件处于${caseStepLabels[s.step].zh}环节，不能完成${caseStepLabels[cmd.step].zh}环节`,
      `The case is in ${caseStepLabels[s.step].en}; ${caseStepLabels[cmd.step].en} cannot be completed now`,
    );
  }
  if (s.archivedAt) return refuse('CASE.ENDED', '案件已归档', 'The case is archived');
  const missing = stepShortfalls(s, list);
  if (missing.length > 0) {
    const gate = s.step === 'review' && missing.some((m) => m.field === 'review');
    const list2 = missing.map((m) => m.zh).join('；');
    return refuse(
      gate ? 'CASE.DECISION_GATE_CLOSED' : 'CASE.STEP_INCOMPLETE',
      `${caseStepLabels[s.step].zh}环节尚不能完成，缺少：${list2}`,
      `${caseStepLabels[s.step].en} cannot be completed yet; missing: ${missing.map((m) => m.en).join('; ')}`,
      missing,
    );
  }
  const index = caseSteps.indexOf(s.step);
  const next = index + 1 < caseSteps.length ? caseSteps[index + 1] : null;
  const done = { step: s.step, at: cmd.at, by: cmd.by };
  let state: CaseLifecycle = { ...s, completed: [...s.completed, done], step: next ?? s.step };
  const changes: CaseChange[] = [{ kind: 'step-completed', step: s.step, next, at: cmd.at, by: cmd.by }];
  if (s.step === 'execution' && s.decision && !s.revocation) changes.push(executionCompleted(s, s.decision, cmd));
  if (s.step === 'closure') {
    state = { ...state, closedAt: cmd.at, outcome: 'closed' };
    changes.push({ kind: 'closed', at: cmd.at });
  }
  if (s.step === 'archiving') {
    state = { ...state, archivedAt: cmd.at, outcome: 'archived' };
    changes.push({ kind: 'archived', at: cmd.at });
  }
  return { ok: true, state, changes };
}

/** 执行信息 (D4; 000 附件1 第十七条): the result is what the execution step's records say, in order. */
function executionCompleted(s: CaseLifecycle, decision: IssuedDecision, cmd: { at: string; by: string }): CaseChange {
  const records = s.records.filter((r) => r.step === 'execution');
  const lines = records.map((r) => {
    const spec: RecordTypeSpec = recordTypeSpecs[r.type];
    const texts = spec.fields
      .filter((f) => f.kind === 'text' && typeof r.fields[f.name] === 'string' && r.fields[f.name] !== '')
      .map((f) => `${f.zh}：${String(r.fields[f.name])}`);
    return `${spec.zh}：${texts.join('；')}`;
  });
  const officers = records.flatMap((r) => (Array.isArray(r.fields.officers) ? r.fields.officers : []));
  const names = officers.map((o: { name?: unknown } | null) => o?.name).filter((n) => typeof n === 'string');
  return {
    kind: 'execution-completed',
    documentNumber: decision.documentNumber,
    result: lines.join('\n'),
    officers: [...new Set(names)].slice(0, 20),
    at: cmd.at,
    by: cmd.by,
  };
}
