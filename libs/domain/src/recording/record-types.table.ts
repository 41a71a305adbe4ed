import type { CaseStep } from './recording.types';

/** How a field is checked: present text, an ISO instant, a non-empty list, a yes/no answer, or the officers present. */
export type FieldKind = 'text' | 'instant' | 'list' | 'boolean' | 'officers';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  zh: string;
  en: string;
  /** Lists: the least number of entries (e.g. two servers for a direct service). */
  min?: number;
}

export interface RecordTypeSpec {
  /** Steps the record may be made in. */
  steps: readonly CaseStep[];
  zh: string;
  en: string;
  fields: readonly FieldSpec[];
  /** The party's signature: `signedBy`, or `refusalRef` naming the case's refusal record (SPEC R3). */
  partySignature?: boolean;
  /** The record is of an action with a duration (`startedAt`/`endedAt`): the AV list may require it recorded. */
  timedAction?: boolean;
}

const f = (name: string, kind: FieldKind, zh: string, en: string, min?: number): FieldSpec =>
  min === undefined ? { name, kind, zh, en } : { name, kind, zh, en, min };

const OFFICERS = f(
  'officers',
  'officers',
  '执法人员（姓名、执法证件编号、是否出示证件）',
  'the officers (name, certificate number, certificate shown)',
  2,
);
const STARTED = f('startedAt', 'instant', '开始时间', 'the start time');
const ENDED = f('endedAt', 'instant', '结束时间', 'the end time');
const PLACE = f('place', 'text', '地点', 'the place');
const INVESTIGATING: readonly CaseStep[] = ['investigation', 'review', 'decision', 'service', 'execution'];

/**
 * 文字记录 — every text record type with its required fields (SPEC R3; seed 000 附件2 第六条–第十五条, 002 第六条–第九条).
 * Service records (送达, R4) have one type whose method-specific fields live in `service.rules.ts`.
 */
export const recordTypeSpecs = {
  /** 程序启动审批表 signed by the agency head (R2). */
  'initiation-approval': {
    steps: ['initiation', 'investigation', 'review'],
    zh: '程序启动审批表',
    en: 'initiation approval form',
    fields: [
      f('approvedBy', 'text', '批准的机关负责人', 'the approving agency head'),
      f('approvedAt', 'instant', '批准时间', 'the approval time'),
      f('basis', 'text', '启动依据', 'the basis for initiation'),
    ],
  },
  /** 补报 — the approval form filed after an emergency start (R2; 000 附件2 第六条: within 24 hours). */
  'initiation-approval-request': {
    steps: ['initiation', 'investigation'],
    zh: '程序启动补报审批',
    en: 'filed approval request after an emergency start',
    fields: [
      f('requestedBy', 'text', '报批人', 'who filed it'),
      f('requestedAt', 'instant', '报批时间', 'when it was filed'),
      f('emergency', 'text', '紧急情况说明', 'what the emergency was'),
    ],
  },
  /** 投诉举报不予立案 — a complaint not taken up, answered with the reason (R2; 000 附件2 第七条). */
  'complaint-declined': {
    steps: ['initiation'],
    zh: '投诉举报不予启动程序记录',
    en: 'record of a complaint not taken up',
    fields: [
      f('complainant', 'text', '投诉人、举报人', 'the complainant'),
      f('named', 'boolean', '是否实名投诉', 'whether the complaint was named'),
      f('reason', 'text', '不启动执法程序的理由和依据', 'the reason and basis for not taking it up'),
    ],
  },
  /** 执法人员出示证件情况 (R3; 000 附件2 第八条). */
  'officers-present': {
    steps: INVESTIGATING,
    zh: '执法人员及证件出示记录',
    en: 'record of the officers present and their certificates',
    fields: [OFFICERS],
    partySignature: true,
  },
  /** 权利告知 — statement, defence, recusal, hearing (R3; 000 附件2 第九条). */
  'rights-notice': {
    steps: ['investigation', 'review', 'decision'],
    zh: '权利告知记录',
    en: 'rights notice',
    fields: [
      f(
        'rights',
        'list',
        '告知的权利（陈述、申辩、回避、听证）',
        'the rights notified (statement, defence, recusal, hearing)',
        1,
      ),
      f('method', 'text', '告知方式', 'how they were notified'),
      f('notifiedAt', 'instant', '告知时间', 'when'),
    ],
    partySignature: true,
  },
  /** 询问笔录. */
  'inquiry-transcript': {
    steps: INVESTIGATING,
    zh: '询问笔录',
    en: 'inquiry transcript',
    fields: [
      OFFICERS,
      f('interviewee', 'text', '被询问人', 'the person questioned'),
      PLACE,
      STARTED,
      ENDED,
      f('content', 'text', '询问内容', 'the questions and answers'),
    ],
    partySignature: true,
    timedAction: true,
  },
  /** 现场检查（勘验）笔录. */
  'inspection-transcript': {
    steps: INVESTIGATING,
    zh: '现场检查笔录',
    en: 'on-site inspection transcript',
    fields: [OFFICERS, PLACE, STARTED, ENDED, f('findings', 'text', '检查情况', 'what was found')],
    partySignature: true,
    timedAction: true,
  },
  /** 证据收集/证据保全 (R5 expects AV). */
  'evidence-collection': {
    steps: INVESTIGATING,
    zh: '证据收集（保全）记录',
    en: 'evidence collection record',
    fields: [OFFICERS, PLACE, STARTED, ENDED, f('items', 'list', '收集的证据', 'the evidence collected', 1)],
    partySignature: true,
    timedAction: true,
  },
  /** 拒绝签字/拒绝接受调查或检查 — a refusal is a record of its own (R3; 002 第六条). */
  refusal: {
    steps: INVESTIGATING,
    zh: '拒绝签字或拒绝接受调查、检查的记录',
    en: 'record of a refusal to sign or to be inspected',
    fields: [
      f('refusal', 'text', '拒绝的事项（拒签、拒绝检查等）', 'what was refused (signature, inspection …)'),
      f('refusedAt', 'instant', '时间', 'when'),
      f('circumstances', 'text', '具体情况', 'what happened'),
      f('witnesses', 'list', '在场见证人', 'the witnesses present', 1),
    ],
  },
  /** 查封、扣押 — a coercive measure: mandatory full-process AV (R5; 000 附件2 第十条, 003 (十一)). */
  seizure: {
    steps: ['investigation', 'execution'],
    zh: '查封扣押现场笔录',
    en: 'seizure transcript',
    fields: [
      OFFICERS,
      f('basis', 'text', '法律依据', 'the legal basis'),
      f('necessity', 'text', '实施必要性说明', 'why the measure is necessary'),
      f('items', 'list', '查封扣押的场所、设施或财物', 'what was seized', 1),
      PLACE,
      STARTED,
      ENDED,
    ],
    partySignature: true,
    timedAction: true,
  },
  /** 强制拆除. */
  'forced-demolition': {
    steps: ['execution'],
    zh: '强制拆除现场笔录',
    en: 'forced demolition transcript',
    fields: [
      OFFICERS,
      f('basis', 'text', '法律依据', 'the legal basis'),
      f('decisionRef', 'text', '强制执行决定书文号', 'the enforcement decision number'),
      PLACE,
      STARTED,
      ENDED,
    ],
    partySignature: true,
    timedAction: true,
  },
  /** 听证通知书. */
  'hearing-notice': {
    steps: ['investigation', 'review'],
    zh: '听证通知书',
    en: 'hearing notice',
    fields: [
      f('hearingAt', 'instant', '听证时间', 'the hearing time'),
      PLACE,
      f('notifiedAt', 'instant', '通知时间', 'when notified'),
    ],
  },
  /** 听证笔录. */
  'hearing-transcript': {
    steps: ['investigation', 'review'],
    zh: '听证笔录',
    en: 'hearing transcript',
    fields: [
      f('presidedBy', 'text', '听证主持人', 'who presided'),
      f('participants', 'list', '参加人员', 'the participants', 1),
      PLACE,
      STARTED,
      ENDED,
      f('content', 'text', '听证内容', 'what was said'),
    ],
    partySignature: true,
    timedAction: true,
  },
  /** 委托检验（检测、鉴定）委托书. */
  'entrusted-testing': {
    steps: ['investigation'],
    zh: '委托检验（检测、鉴定）委托书',
    en: 'entrusted testing',
    fields: [
      f('institution', 'text', '受托机构', 'the institution'),
      f('items', 'list', '委托事项', 'what is tested', 1),
      f('entrustedAt', 'instant', '委托时间', 'when'),
    ],
  },
  /** 法制审核意见 (000 附件2 第十一条: reviewers, opinion and suggestions). */
  'legal-review-opinion': {
    steps: ['review'],
    zh: '法制审核意见',
    en: 'legal review opinion',
    fields: [
      f('reviewers', 'list', '审核人员', 'the reviewers', 1),
      f('opinion', 'text', '审核意见', 'the opinion'),
      f('suggestions', 'text', '建议', 'the suggestions'),
    ],
  },
  /** 专家论证会议纪要或专家意见书. */
  'expert-minutes': {
    steps: ['review'],
    zh: '专家论证会议纪要',
    en: 'expert meeting minutes',
    fields: [f('experts', 'list', '参加专家', 'the experts', 1), f('minutes', 'text', '纪要内容', 'the minutes')],
  },
  /** 集体讨论记录. */
  'collective-discussion-minutes': {
    steps: ['review', 'decision'],
    zh: '集体讨论记录',
    en: 'collective discussion minutes',
    fields: [
      f('participants', 'list', '参加人员', 'the participants', 1),
      f('heldAt', 'instant', '时间', 'when'),
      f('conclusion', 'text', '讨论结论', 'the conclusion'),
    ],
  },
  /** 决定书 with its reasoning (说理: 证据采信, 依据选择, 决定裁量; R3, 000 附件2 第十二条). */
  'decision-document': {
    steps: ['decision'],
    zh: '行政执法决定书',
    en: 'decision document',
    fields: [
      f('documentNumber', 'text', '决定书文号', 'the decision number'),
      f('decidedAt', 'instant', '决定日期', 'the decision date'),
      f('text', 'text', '决定书全文', 'the full text of the decision'),
      f('conclusion', 'text', '执法结论', 'the conclusion in one line'),
      f('officers', 'list', '决定书载明的执法人员', 'the officers named in the decision', 1),
      f('evidenceReasoning', 'text', '证据采信理由', 'the reasoning on evidence adopted'),
      f('basisReasoning', 'text', '依据选择理由', 'the reasoning on the legal basis chosen'),
      f('discretionReasoning', 'text', '裁量理由', 'the reasoning on discretion'),
    ],
  },
  /** 送达 — fields by method in service.rules.ts (R4). */
  service: {
    steps: ['service'],
    zh: '送达记录',
    en: 'service record',
    fields: [
      f('method', 'text', '送达方式', 'the service method'),
      f('documentName', 'text', '送达文书名称', 'the document served'),
    ],
  },
  /** 履行情况、核查 (000 附件2 第十四条). */
  'execution-record': {
    steps: ['execution'],
    zh: '履行情况记录',
    en: 'record of performance',
    fields: [
      f('performance', 'text', '履行情况', 'how the decision was performed'),
      f('checkedAt', 'instant', '核查时间', 'when it was checked'),
    ],
  },
  /** 催告书 / 强制执行申请 (000 附件2 第十五条). */
  'enforcement-reminder': {
    steps: ['execution'],
    zh: '催告及强制执行记录',
    en: 'reminder and enforced execution record',
    fields: [
      f('remindedAt', 'instant', '催告时间', 'when reminded'),
      f('content', 'text', '催告及执行情况', 'the reminder and what followed'),
    ],
  },
  /** 结案报告. */
  'closure-report': {
    steps: ['closure'],
    zh: '结案报告',
    en: 'closure report',
    fields: [f('summary', 'text', '结案情况', 'the summary'), f('closedAt', 'instant', '结案时间', 'the closure time')],
  },
  /** 音像记录无法继续或丢失的书面报告 (R7; 附件6 第十四条, 003 (十六)). */
  'av-loss-report': {
    steps: INVESTIGATING,
    zh: '音像记录中断或丢失书面说明',
    en: 'written report of an AV recording lost or cut short',
    fields: [
      f('recordRef', 'text', '所涉记录', 'the record concerned'),
      f('reason', 'text', '原因', 'the reason'),
      f('reportedTo', 'text', '报告的部门负责人', 'the unit head reported to'),
      f('reportedAt', 'instant', '报告时间', 'when reported'),
    ],
  },
} as const satisfies Record<string, RecordTypeSpec>;

export type RecordType = keyof typeof recordTypeSpecs;
export const recordTypes = Object.keys(recordTypeSpecs) as RecordType[];
