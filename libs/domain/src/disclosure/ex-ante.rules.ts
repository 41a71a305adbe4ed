import type { LegalPeriod } from '@enforcement/workdays';
import { maySeeUnit } from '../access/groups';
import type { Role } from '../access/roles';
import { DisclosureRuleError } from './disclosure.errors';
import { NEVER_PUBLISHED_KINDS } from './publication-mode.rules';
import type { DisclosureActor } from './publication.rules';

/** 事前公开 — what an agency publishes before it acts (SPEC D1; 000 附件1 第七条, 001 §二(一)). */
export const EX_ANTE_KINDS = [
  'agency-profile', // 执法主体与职责: name, nature, legal representative, jurisdiction, address, contacts
  'officers', // 执法人员: name, unit, post, certificate number, category, area, photo
  'legal-bases', // 执法依据
  'item-catalogue', // 执法事项清单 (执法权限)
  'flowchart', // 执法流程图
  'service-guide', // 服务指南
  'random-inspection-list', // 随机抽查事项清单
  'remedies', // 救济途径: 陈述、申辩、听证、复议、诉讼
  'complaint-channels', // 监督投诉方式
] as const;
export type ExAnteKind = (typeof EX_ANTE_KINDS)[number];

/** The portal's heading of each kind. */
export const EX_ANTE_KIND_ZH: Readonly<Record<ExAnteKind, string>> = {
  'agency-profile': '执法主体与职责',
  officers: '执法人员',
  'legal-bases': '执法依据',
  'item-catalogue': '执法事项清单',
  flowchart: '执法流程图',
  'service-guide': '服务指南',
  'random-inspection-list': '随机抽查事项清单',
  remedies: '救济途径',
  'complaint-channels': '监督投诉方式',
};

/** D3 (000 附件1 第八条): affected items are updated within 20 working days of a law change or a moved function. */
export const EX_ANTE_UPDATE_PERIOD: LegalPeriod = { workdays: 20 };

/** Why items must be brought up to date (D3): 法律、法规、规章的立改废, or 机构职能调整. */
export const EX_ANTE_FLAG_CAUSES = ['law-changed', 'function-reassigned'] as const;
export type ExAnteFlagCause = (typeof EX_ANTE_FLAG_CAUSES)[number];

/** One enforcement officer as published (D1): the photo is a reference to a stored image, never bytes. */
export interface ExAnteOfficerEntry {
  readonly name: string;
  readonly unitName: string;
  readonly post: string;
  readonly certificateNumber: string;
  readonly category: string;
  readonly area: string;
  readonly photoRef: string | null;
}

/** A document published with the item (a flowchart image, a guide's form); `recordKind` says what it is. */
export interface ExAnteAttachment {
  readonly ref: string;
  readonly recordKind: string;
}

/** One version's content. */
export interface ExAnteContent {
  readonly title: string;
  readonly body: string;
  readonly officers: readonly ExAnteOfficerEntry[];
  readonly attachments: readonly ExAnteAttachment[];
  /** 保密审查 needed before publication (000 附件1 第九条: 涉及国家秘密的, the secrecy office's opinion first). */
  readonly secrecyReview: boolean;
}

/**
 * Where the version under work stands (D2, 先审查后公开, 一事一审): drafting → in legal review → (in secrecy review
 * when flagged) → approved → published; `returned` sends it back to its drafter with reasons, to be revised.
 */
export type ExAnteDraftStage = 'drafting' | 'in-legal-review' | 'in-secrecy-review' | 'approved' | 'returned';

export interface ExAnteReviewStep {
  readonly by: string;
  readonly at: string;
  readonly outcome: 'approve' | 'return';
  readonly reasons: string;
  /** Secrecy review: the reference of the secrecy office's written opinion. */
  readonly opinionRef: string | null;
}

export interface ExAnteDraft {
  readonly version: number;
  readonly content: ExAnteContent;
  readonly stage: ExAnteDraftStage;
  readonly draftedBy: string;
  readonly legalReview: ExAnteReviewStep | null;
  readonly secrecyReview: ExAnteReviewStep | null;
}

export interface ExAntePublished {
  readonly version: number;
  readonly content: ExAnteContent;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

/** An open D3 obligation: what changed, and by when the item must be current again. */
export interface ExAnteFlag {
  readonly cause: ExAnteFlagCause;
  readonly reference: string;
  readonly flaggedAt: string;
  readonly flaggedBy: string;
}

export interface ExAnteItemIdentity {
  readonly itemId: string;
  readonly kind: ExAnteKind;
  /** The unit whose information it is (its 公示职责机构, 000 附件1 第五条). */
  readonly unitId: string;
  readonly agencyId: string;
  readonly agencyName: string;
}

export interface ExAnteState extends ExAnteItemIdentity {
  /** The version under work, or null when nothing is being changed. */
  readonly draft: ExAnteDraft | null;
  /** What the portal shows, or null (never published, or withdrawn). */
  readonly published: ExAntePublished | null;
  readonly withdrawn: { readonly at: string; readonly by: string; readonly reason: string } | null;
  readonly flag: ExAnteFlag | null;
  /** Last version number used. */
  readonly lastVersion: number;
}

export type ExAnteCommand =
  | { readonly type: 'revise'; readonly actor: DisclosureActor; readonly content: ExAnteContent }
  | { readonly type: 'submit'; readonly actor: DisclosureActor }
  | {
      readonly type: 'legalReview';
      readonly actor: DisclosureActor;
      readonly outcome: 'approve' | 'return';
      readonly reasons: string;
    }
  | {
      readonly type: 'secrecyReview';
      readonly actor: DisclosureActor;
      readonly outcome: 'approve' | 'return';
      readonly reasons: string;
      readonly opinionRef: string;
    }
  | { readonly type: 'publish'; readonly actor: DisclosureActor }
  | { readonly type: 'withdraw'; readonly actor: DisclosureActor; readonly reason: string }
  | {
      readonly type: 'flag';
      readonly actor: DisclosureActor;
      readonly cause: ExAnteFlagCause;
      readonly reference: string;
    };
export type ExAnteCommandType = ExAnteCommand['type'];

/**
 * Who may send each command. The disclosure officer drafts and publishes (000 附件1 第四、五条); the legal section
 * reviews (第九条: 经政策法规科审核); the secrecy review records the secrecy office's opinion, entered by the legal
 * section head or the agency head (C1 has no secrecy-office role); a law change is flagged by either side.
 */
export const EX_ANTE_COMMAND_ROLES: Readonly<Record<ExAnteCommandType, readonly Role[]>> = {
  revise: ['disclosure-officer'],
  submit: ['disclosure-officer'],
  legalReview: ['legal-reviewer', 'legal-section-head'],
  secrecyReview: ['legal-section-head', 'agency-head'],
  publish: ['disclosure-officer'],
  withdraw: ['disclosure-officer'],
  flag: ['disclosure-officer', 'legal-section-head'],
};

const MIN_REASONS = 4;

function refuse(code: ConstructorParameters<typeof DisclosureRuleError>[0], zh: string, en: string, details?: object) {
  return new DisclosureRuleError(code, zh, en, details as Record<string, unknown> | undefined);
}

/**
 * D2 (000 附件1 第十三条): internal discussion records, approval flows, inter-agency consultations and requests are
 * never published — not as an item, not attached to one. Unknown kinds are refused too (deny by default).
 */
export function checkExAnteKind(kind: string): ExAnteKind {
  if ((EX_ANTE_KINDS as readonly string[]).includes(kind)) return kind as ExAnteKind;
  throw neverPublished(kind);
}

function neverPublished(kind: string): DisclosureRuleError {
  const internal = (NEVER_PUBLISHED_KINDS as readonly string[]).includes(kind);
  return refuse(
    'DISCLOSURE.NEVER_PUBLISHED',
    internal
      ? '内部讨论记录、审核审批流程记录、与其他行政机关的磋商信函和请示报告不予公开'
      : `不是可事前公开的信息类别：${kind}`,
    internal
      ? 'Internal discussion records, approval flows, inter-agency consultations and requests are never published'
      : `Not a kind of ex-ante information: ${kind}`,
    { kind },
  );
}

/** Checks one version's content: a title and a body, officers only on the officers' list, no internal record. */
export function checkExAnteContent(kind: ExAnteKind, content: ExAnteContent): ExAnteContent {
  for (const attachment of content.attachments) {
    if ((NEVER_PUBLISHED_KINDS as readonly string[]).includes(attachment.recordKind)) {
      throw neverPublished(attachment.recordKind);
    }
  }
  if (content.title.trim().length === 0 || content.body.trim().length === 0) {
    throw refuse('DISCLOSURE.EX_ANTE_CONTENT_REQUIRED', '标题和正文不能为空', 'A title and a body are required');
  }
  if (kind === 'officers' && content.officers.length === 0) {
    throw refuse('DISCLOSURE.EX_ANTE_CONTENT_REQUIRED', '执法人员清单至少列一人', 'The officers list names someone');
  }
  if (kind !== 'officers' && content.officers.length > 0) {
    throw refuse(
      'DISCLOSURE.EX_ANTE_CONTENT_REQUIRED',
      '只有执法人员清单列出执法人员',
      'Only the officers list lists officers',
    );
  }
  return content;
}

export function initialExAnteState(
  identity: ExAnteItemIdentity,
  content: ExAnteContent,
  draftedBy: string,
): ExAnteState {
  const kind = checkExAnteKind(identity.kind);
  checkExAnteContent(kind, content);
  return {
    ...identity,
    draft: { version: 1, content, stage: 'drafting', draftedBy, legalReview: null, secrecyReview: null },
    published: null,
    withdrawn: null,
    flag: null,
    lastVersion: 1,
  };
}

function checkRole(command: ExAnteCommand): void {
  const allowed = EX_ANTE_COMMAND_ROLES[command.type];
  if (!command.actor.roles.some((r) => allowed.includes(r))) {
    throw refuse('DISCLOSURE.ROLE_NOT_ALLOWED', '无权执行此操作', `This role may not ${command.type} an item`, {
      allowed,
    });
  }
}

function wrongStep(zh: string, en: string): DisclosureRuleError {
  return refuse('DISCLOSURE.EX_ANTE_WRONG_STEP', zh, en);
}

function checkReasons(outcome: 'approve' | 'return', reasons: string): void {
  if (outcome === 'return' && reasons.trim().length < MIN_REASONS) {
    throw refuse('DISCLOSURE.EX_ANTE_REASONS_REQUIRED', '退回须说明理由', 'A returned draft states its reasons');
  }
}

/**
 * Applies one command (pure; the workflow persists the result before it becomes the state). Throws a
 * DisclosureRuleError for every refusal, so an illegal step leaves no trace.
 */
export function applyExAnteCommand(state: ExAnteState, command: ExAnteCommand, at: string): ExAnteState {
  checkRole(command);
  if (!maySeeUnit({ roles: [...command.actor.roles], unitId: command.actor.unitId }, state.unitId)) {
    throw refuse('DISCLOSURE.OTHER_UNIT', '这是其他机构的公示事项', 'This item belongs to another unit');
  }
  if (state.withdrawn) throw wrongStep('该事项已撤下', 'The item has been withdrawn');
  const draft = state.draft;
  switch (command.type) {
    case 'revise': {
      const content = checkExAnteContent(state.kind, command.content);
      if (draft && draft.stage !== 'drafting' && draft.stage !== 'returned') {
        throw wrongStep('审查中的版本不能修改', 'A version under review cannot be changed');
      }
      const version = draft && draft.stage === 'drafting' ? draft.version : state.lastVersion + 1;
      return {
        ...state,
        lastVersion: version,
        draft: {
          version,
          content,
          stage: 'drafting',
          draftedBy: command.actor.id,
          legalReview: null,
          secrecyReview: null,
        },
      };
    }
    case 'submit':
      if (!draft || draft.stage !== 'drafting') throw wrongStep('没有待提交的草稿', 'There is no draft to submit');
      return { ...state, draft: { ...draft, stage: 'in-legal-review' } };
    case 'legalReview': {
      if (!draft || draft.stage !== 'in-legal-review') {
        throw wrongStep('没有待法制审核的版本', 'No version waits for the legal review');
      }
      checkReasons(command.outcome, command.reasons);
      const step = { by: command.actor.id, at, outcome: command.outcome, reasons: command.reasons, opinionRef: null };
      const next: ExAnteDraftStage =
        command.outcome === 'return' ? 'returned' : draft.content.secrecyReview ? 'in-secrecy-review' : 'approved';
      return { ...state, draft: { ...draft, stage: next, legalReview: step } };
    }
    case 'secrecyReview': {
      if (!draft || draft.stage !== 'in-secrecy-review') {
        throw wrongStep('没有待保密审查的版本', 'No version waits for the secrecy review');
      }
      checkReasons(command.outcome, command.reasons);
      if (command.opinionRef.trim().length === 0) {
        throw refuse(
          'DISCLOSURE.EX_ANTE_REASONS_REQUIRED',
          '须登记保密部门意见',
          "The secrecy office's opinion is required",
        );
      }
      const step = {
        by: command.actor.id,
        at,
        outcome: command.outcome,
        reasons: command.reasons,
        opinionRef: command.opinionRef,
      };
      return {
        ...state,
        draft: { ...draft, stage: command.outcome === 'return' ? 'returned' : 'approved', secrecyReview: step },
      };
    }
    case 'publish': {
      if (!draft || draft.stage !== 'approved') {
        throw wrongStep(
          '未经审查通过的版本不能公开（先审查后公开）',
          'Only a reviewed and approved version is published',
        );
      }
      const published = {
        version: draft.version,
        content: draft.content,
        publishedAt: at,
        publishedBy: command.actor.id,
      };
      // D3: publishing a reviewed new version is what brings a flagged item up to date.
      return { ...state, draft: null, published, flag: null };
    }
    case 'withdraw':
      if (!state.published) throw wrongStep('该事项未公开', 'The item is not published');
      if (command.reason.trim().length < MIN_REASONS) {
        throw refuse('DISCLOSURE.EX_ANTE_REASONS_REQUIRED', '撤下须说明理由', 'A withdrawal states its reason');
      }
      return {
        ...state,
        draft: null,
        published: null,
        flag: null,
        withdrawn: { at, by: command.actor.id, reason: command.reason },
      };
    case 'flag':
      if (command.reference.trim().length === 0) {
        throw refuse('DISCLOSURE.EX_ANTE_REASONS_REQUIRED', '须注明依据的变化', 'Name the law change or reassignment');
      }
      if (state.flag) throw wrongStep('该事项已标记待更新', 'The item is already flagged for update');
      return {
        ...state,
        flag: { cause: command.cause, reference: command.reference, flaggedAt: at, flaggedBy: command.actor.id },
      };
  }
}

/** The text the portal shows and searches: the body, and for the officers' list one line per officer. */
export function exAntePortalBody(content: ExAnteContent): string {
  const lines = content.officers.map((o) =>
    [o.name, o.unitName, o.post, `执法证号：${o.certificateNumber}`, o.category, o.area].join('\u3000'),
  );
  return [content.body, ...lines].join('\n');
}
