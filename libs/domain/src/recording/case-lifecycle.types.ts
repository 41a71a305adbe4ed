import type { EnforcementCategory } from '../case/case.types';
import type { DecisionRevocationKind } from '../events/case-decision-revoked.v1';
import type { CaseRecordInput } from './record.rules';
import type { RecordType } from './record-types.table';
import type { AvFileRef, CaseParty, CaseStep, InitiationMode, MissingItem } from './recording.types';

/** One record as the case keeps it: what was recorded, by whom and when, in the step it belongs to. */
export interface CaseRecordEntry {
  /** `<caseNumber>/r<seq>`: stable, so a retried write is recognisably the same record. */
  id: string;
  seq: number;
  step: CaseStep;
  type: RecordType;
  fields: Record<string, unknown>;
  av: AvFileRef[];
  avMissingReason: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** 长期保存 — why a case's AV is held beyond the minimum (SPEC R9; 附件6 第二十四条). */
export const longTermHoldReasons = [
  'dispute-or-petition',
  'obstruction-or-assault',
  'hearing',
  'reconsideration',
  'litigation',
  'other',
] as const;
export type LongTermHoldReason = (typeof longTermHoldReasons)[number];

/** 执法决定 — the decision as its document was recorded (SPEC R3); what `case.decision-issued.v1` announces. */
export interface IssuedDecision {
  recordId: string;
  documentNumber: string;
  decidedAt: string;
  text: string;
  /** 执法结论 — one line of what was decided. */
  conclusion: string;
  /** Permits only: granted (准予) or refused; `null` for other categories. */
  permitGranted: boolean | null;
  /** Names of the officers the decision names. */
  officers: string[];
}

/** 撤销、变更、确认违法 … — what undid an issued decision, and the legal document that did it (SPEC R1, D8). */
export interface DecisionRevocation {
  kind: DecisionRevocationKind;
  legalDocument: { number: string; issuedBy: string; receivedAt: string };
  /** 必要说明 — published with the take-down. */
  explanation: string;
  newDecisionNumber: string | null;
}

/** The case as its lifecycle knows it (SPEC R1). */
export interface CaseLifecycle {
  caseNumber: string;
  category: EnforcementCategory;
  unitId: string;
  party: CaseParty | null;
  initiationMode: InitiationMode;
  initiatedAt: string;
  /** The decision is major (catalogue, L1): the decision step opens only after the review passed (L12). */
  needsReview: boolean;
  step: CaseStep;
  completed: { step: CaseStep; at: string; by: string }[];
  records: CaseRecordEntry[];
  /** AV attached to a record after it was made (hand-over, R6), by record id. */
  attachedAv: Record<string, AvFileRef[]>;
  review: { outcome: string; mayIssueDecision: boolean; decisionRef: string | null; at: string } | null;
  decision: IssuedDecision | null;
  revocation: (DecisionRevocation & { revokedAt: string; by: string }) | null;
  closedAt: string | null;
  archivedAt: string | null;
  /**
   * R10: the case file's archive bundle (cover, 卷内文件目录, files, manifest) as the records administrator built it.
   * With `archiveBundleRequired` the archiving step completes only through it; cases started before that rule
   * (their workflows replay without it) keep the old way.
   */
  archiveBundle: { sha256: string; at: string; by: string } | null;
  archiveBundleRequired: boolean;
  /** `not-taken-up`: a complaint answered and recorded without a case (R2). */
  outcome: 'open' | 'not-taken-up' | 'closed' | 'archived';
  holds: { reason: LongTermHoldReason; note: string; at: string; by: string }[];
}

/** Something a person (or, for `review-concluded`, the review's fact) asks the case to do. */
export type CaseCommand =
  | { type: 'add-record'; record: CaseRecordInput; at: string; by: string }
  | { type: 'attach-av'; recordId: string; files: AvFileRef[]; at: string; by: string }
  | { type: 'complete-step'; step: CaseStep; at: string; by: string }
  | { type: 'require-review'; at: string; by: string }
  | { type: 'review-concluded'; outcome: string; mayIssueDecision: boolean; decisionRef: string | null; at: string }
  | { type: 'revoke-decision'; revocation: DecisionRevocation; at: string; by: string }
  | { type: 'place-hold'; reason: LongTermHoldReason; note: string; at: string; by: string }
  /** 立卷归档: the bundle is built (recording-svc's archive); recording it completes the archiving step (R10). */
  | { type: 'record-archive-bundle'; sha256: string; at: string; by: string };

/** What changed; recording-svc stores each and turns some into `case.*.v1` facts. */
export type CaseChange =
  | { kind: 'record-added'; record: CaseRecordEntry }
  | { kind: 'av-attached'; recordId: string; files: AvFileRef[]; at: string; by: string }
  | { kind: 'step-completed'; step: CaseStep; next: CaseStep | null; at: string; by: string }
  | { kind: 'review-required'; at: string; by: string }
  | { kind: 'review-noted'; outcome: string; mayIssueDecision: boolean; at: string }
  | { kind: 'decision-issued'; decision: IssuedDecision; at: string }
  | { kind: 'decision-revoked'; documentNumber: string; revocation: DecisionRevocation; at: string; by: string }
  /** The execution step of a decided case is complete: its result is published (D4; 000 附件1 第十七条). */
  | { kind: 'execution-completed'; documentNumber: string; result: string; officers: string[]; at: string; by: string }
  | { kind: 'complaint-not-taken-up'; recordId: string; at: string }
  | { kind: 'closed'; at: string }
  | { kind: 'archive-bundle-recorded'; sha256: string; at: string; by: string }
  | { kind: 'archived'; at: string }
  | { kind: 'hold-placed'; reason: LongTermHoldReason; note: string; at: string; by: string };

/** A refusal with a stable code and a message in both languages naming what is missing. */
export interface CaseRefusal {
  code:
    | 'CASE.RECORD_INCOMPLETE'
    | 'CASE.STEP_INCOMPLETE'
    | 'CASE.WRONG_STEP'
    | 'CASE.DECISION_GATE_CLOSED'
    | 'CASE.APPROVAL_MISSING'
    | 'CASE.UNKNOWN_RECORD'
    | 'CASE.NO_DECISION'
    | 'CASE.ENDED'
    // Issue 12: the command's changes could not be stored for good (the database refused the data, or a rule the
    // store enforces refused them); nothing changed.
    | 'STORE.REFUSED'
    | 'CASE.NO_PARTY';
  zh: string;
  en: string;
  missing: MissingItem[];
}

export type CaseOutcome =
  { ok: true; state: CaseLifecycle; changes: CaseChange[] } | { ok: false; refusal: CaseRefusal };
