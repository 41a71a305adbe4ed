/**
 * Refusals of the legal-review rules. Codes are stable contract: the gateway maps `category` to an HTTP status
 * (conflict → 409, forbidden → 403, invalid → 422) and clients branch on `code`; the messages are for people and
 * may be reworded. Each message says what to do next, because it usually reaches an officer, not an engineer.
 */

/** HTTP-ish class of a refusal. */
export type ReviewErrorCategory = 'conflict' | 'forbidden' | 'invalid';

/** Values substituted into message templates; arrays are joined per language. */
export type ReviewErrorDetails = Readonly<Record<string, string | number | readonly string[]>>;

interface ErrorTemplate {
  readonly category: ReviewErrorCategory;
  readonly zh: string;
  readonly en: string;
}

// Placeholders are `{name}`; see `fill`.
const TEMPLATES = {
  'REVIEW.FORBIDDEN_ROLE': {
    category: 'forbidden',
    zh: '“{commandZh}”只能由以下角色办理：{rolesZh}；请由具有相应职责的人员操作',
    en: '"{commandEn}" can only be done by: {rolesEn}; ask a person holding that role',
  },
  'REVIEW.NOT_HANDLING_UNIT': {
    category: 'forbidden',
    zh: '只有承办机构（{unitId}）的人员可以办理“{commandZh}”',
    en: 'only staff of the handling unit ({unitId}) can do "{commandEn}"',
  },
  'REVIEW.WRONG_STATUS': {
    category: 'conflict',
    zh: '审核当前处于“{statusZh}”状态，不能办理“{commandZh}”',
    en: 'the review is {statusEn}; "{commandEn}" is not possible now',
  },
  'REVIEW.ALREADY_STARTED': {
    category: 'conflict',
    zh: '该审核已提交，不能重复提交；如需修改请在退回后重新提交',
    en: 'this review has already been submitted; resubmit after it is returned instead',
  },
  'REVIEW.INVALID_INPUT': {
    category: 'invalid',
    zh: '字段“{field}”无效：{problemZh}',
    en: 'field "{field}" is invalid: {problemEn}',
  },
  'REVIEW.PRELIMINARY_REVIEW_MISSING': {
    category: 'invalid',
    zh: '送审前须由承办机构负责人初审并出具初审文书',
    en: 'the handling unit head must sign a preliminary-review record before submission',
  },
  'REVIEW.PRELIMINARY_REVIEW_NOT_BY_UNIT_HEAD': {
    category: 'invalid',
    zh: '初审文书须由本承办机构负责人签署',
    en: 'the preliminary-review record must be signed by the head of this handling unit',
  },
  'REVIEW.PRELIMINARY_REVIEW_NOT_PASSED': {
    category: 'invalid',
    zh: '初审未通过，不能报送法制审核；请按初审意见修改后重新初审',
    en: 'the preliminary review did not pass; amend the case and have it reviewed again before submitting',
  },
  'REVIEW.PRELIMINARY_REVIEW_STALE': {
    category: 'conflict',
    zh: '重新报送须附审核意见出具（{opinionAt}）之后由承办机构负责人重新初审通过的初审文书；现有初审文书签署于 {signedAt}',
    en: 'a resubmission needs a preliminary review the unit head signed after the opinion was issued ({opinionAt}); the one on file was signed at {signedAt}',
  },
  'REVIEW.NO_TRANSFER_OPINION': {
    category: 'conflict',
    zh: '当前生效的审核意见不是移送意见，无需接受移送',
    en: 'the opinion in force is not a transfer, so there is no transfer to accept',
  },
  'REVIEW.TRANSFER_OPINION_IN_FORCE': {
    category: 'conflict',
    zh: '审核意见为移送，不能重新报送；请接受移送意见，或提出异议',
    en: 'the opinion is a transfer, so the case cannot be resubmitted; accept the transfer or dispute it',
  },
  'REVIEW.MATERIALS_INCOMPLETE': {
    category: 'conflict',
    zh: '送审材料不齐备，缺少：{itemsZh}；请一次性告知承办机构补正',
    en: 'review materials are incomplete, missing: {itemsEn}; send the one-time notice instead',
  },
  'REVIEW.NOTICE_EMPTY': {
    category: 'invalid',
    zh: '一次性告知书未列出任何需补正的材料；材料齐备时请直接受理',
    en: 'the one-time notice lists no missing material; accept the materials instead',
  },
  'REVIEW.NOTICE_INCOMPLETE': {
    category: 'invalid',
    zh: '一次性告知须列明全部缺少的材料，还缺：{itemsZh}',
    en: 'the one-time notice must list every missing item; also missing: {itemsEn}',
  },
  'REVIEW.NOTICE_ALREADY_SENT': {
    category: 'conflict',
    zh: '补正材料只能一次性告知，已于 {noticeAt} 告知',
    en: 'missing materials can be notified only once; the notice was sent at {noticeAt}',
  },
  'REVIEW.SUPPLEMENT_ALREADY_USED': {
    category: 'conflict',
    zh: '材料补正只能提交一次',
    en: 'materials can be supplemented only once',
  },
  'REVIEW.SUPPLEMENT_WINDOW_LAPSED': {
    category: 'conflict',
    zh: '补正期限已于 {dueBy} 届满，不能再补正；该送审不予受理',
    en: 'the supplement window ended at {dueBy}; the submission is not accepted',
  },
  'REVIEW.SUPPLEMENT_WINDOW_OPEN': {
    category: 'conflict',
    zh: '补正期限至 {dueBy} 才届满，届满前不能作不予受理处理',
    en: 'the supplement window runs until {dueBy}; it has not lapsed yet',
  },
  'REVIEW.REFUSAL_NEEDS_SUPPLEMENT_FIRST': {
    category: 'conflict',
    zh: '首次发现材料不齐备时应一次性告知补正，补正后仍不齐备才能不予受理',
    en: 'send the one-time notice first; refusal is only for a supplement that is still incomplete',
  },
  'REVIEW.PAUSE_ID_IN_USE': {
    category: 'conflict',
    zh: '中止编号 {pauseId} 已被使用，请使用新的编号',
    en: 'pause id {pauseId} is already used; use a new id',
  },
  'REVIEW.PAUSE_NOT_OPEN': {
    category: 'invalid',
    zh: '没有正在进行的中止 {pauseId}，无法恢复计时',
    en: 'there is no open pause {pauseId} to resume',
  },
  'REVIEW.PAUSES_OPEN': {
    category: 'conflict',
    zh: '专家论证或核实情况尚未结束（{pauseIds}），请先恢复计时',
    en: 'expert consultation or verification is still open ({pauseIds}); resume the clock first',
  },
  'REVIEW.EXTENSION_ALREADY_USED': {
    category: 'conflict',
    zh: '审核期限只能延长一次',
    en: 'the review time limit can be extended only once',
  },
  'REVIEW.EXTENSION_ALREADY_REQUESTED': {
    category: 'conflict',
    zh: '延期申请已提交，等待分管领导审批',
    en: 'an extension request is already waiting for the supervising leader',
  },
  'REVIEW.EXTENSION_NOT_REQUESTED': {
    category: 'conflict',
    zh: '没有待审批的延期申请',
    en: 'there is no extension request to approve',
  },
  'REVIEW.DEADLINE_PASSED': {
    category: 'conflict',
    zh: '审核期限已于 {deadline} 届满，不能再延期',
    en: 'the review time limit ended at {deadline}; it can no longer be extended',
  },
  'REVIEW.FINDINGS_INCOMPLETE': {
    category: 'invalid',
    zh: '审核内容须逐项记录审核结论，缺少：{itemsZh}',
    en: 'every review item needs a finding; missing: {itemsEn}',
  },
  'REVIEW.DUPLICATE_FINDING': {
    category: 'invalid',
    zh: '审核事项重复记录：{itemsZh}',
    en: 'review items recorded twice: {itemsEn}',
  },
  'REVIEW.FINDING_NOTE_REQUIRED': {
    category: 'invalid',
    zh: '存在问题的审核事项须写明理由：{itemsZh}',
    en: 'findings that report a problem need a note: {itemsEn}',
  },
  'REVIEW.FINDING_NOT_APPLICABLE': {
    category: 'invalid',
    zh: '以下审核事项不能标为“不适用”：{itemsZh}',
    en: 'these review items cannot be marked not applicable: {itemsEn}',
  },
  'REVIEW.ADVISOR_OPINION_NOT_FOUND': {
    category: 'invalid',
    zh: '未找到法律顾问书面意见 {opinionId}',
    en: 'legal advisor opinion {opinionId} was not found',
  },
  'REVIEW.ADVISOR_OPINION_DUPLICATE': {
    category: 'conflict',
    zh: '法律顾问书面意见 {opinionId} 已附卷',
    en: 'legal advisor opinion {opinionId} is already attached',
  },
  'REVIEW.ADVISOR_OPINION_NOT_REVIEWED': {
    category: 'conflict',
    zh: '须先复核法律顾问的书面意见（{ids}），再形成正式审核意见',
    en: 'review the legal advisor opinions ({ids}) before issuing the formal opinion',
  },
  'REVIEW.OPINION_CONTRADICTS_FINDINGS': {
    category: 'invalid',
    zh: '审核意见“{opinionZh}”与审核结论不符：{reasonZh}',
    en: 'opinion "{opinionEn}" contradicts the findings: {reasonEn}',
  },
  'REVIEW.SAME_PERSON_RE_REVIEW': {
    category: 'forbidden',
    zh: '审核意见由 {draftedBy} 初审拟定，复审须由另一名法制审核人员或法制机构负责人办理',
    en: 'the opinion was drafted by {draftedBy}; another legal reviewer or the legal-section head must re-review it',
  },
  'REVIEW.ADVISOR_NOT_INVITED': {
    category: 'forbidden',
    zh: '法律顾问 {advisorId} 未受邀参与本案法制审核，不能提交书面意见；请由法制机构先行邀请',
    en: 'legal advisor {advisorId} is not invited to this review and cannot attach an opinion; the legal section must invite them first',
  },
  'REVIEW.SEATS_SEPARATED': {
    category: 'forbidden',
    zh: '{personId} 在本案中已担任{heldZh}，不得再担任{seatZh}：承办机构负责人初审、法制审核初审、复审和作出决定须由不同人员担任',
    en: '{personId} already holds the seat of {heldEn} in this case and may not also be its {seatEn}: the unit head who signs the preliminary review, the drafter, the re-reviewer and the decider must be different people',
  },
  'REVIEW.SEND_BACK_REASONS_REQUIRED': {
    category: 'invalid',
    zh: '复审退回须写明理由，以便初审人员修改',
    en: 'a send-back needs the reasons, so the drafter knows what to change',
  },
  'REVIEW.TRANSFER_DETAILS_REQUIRED': {
    category: 'invalid',
    zh: '移送意见须写明移送理由和接收机关',
    en: 'a transfer opinion needs the reason and the receiving body',
  },
  'REVIEW.DISAGREEMENT_ALREADY_RAISED': {
    category: 'conflict',
    zh: '对本轮审核意见的异议已经处理完毕，不能再次提出；请按意见办理后重新报送',
    en: 'the disagreement with this opinion has already been settled; act on it and resubmit',
  },
  'REVIEW.NO_EXPERT_PANEL': {
    category: 'conflict',
    zh: '本机关尚未成立专家论证会，分歧直接提交领导集体讨论',
    en: 'the agency has no expert panel; the disagreement goes straight to collective discussion',
  },
  'REVIEW.MINUTES_REQUIRED': {
    category: 'invalid',
    zh: '须附会议纪要（{what}）',
    en: 'the minutes are required ({what})',
  },
  'REVIEW.COLLECTIVE_DISCUSSION_REQUIRED': {
    category: 'invalid',
    zh: '重大{categoryZh}案件须提交局长办公会集体讨论决定，不能由负责人单独批准',
    en: 'a major {categoryEn} case must be decided by collective discussion, not by the agency head alone',
  },
  'REVIEW.TRANSFER_GROUND_NOT_FOUND': {
    category: 'conflict',
    zh: '移送理由“{groundZh}”须有审核结论支持：“{itemZh}”一项应记为存在问题；请核对审核结论或移送理由',
    en: 'the transfer ground "{groundEn}" needs the finding "{itemEn}" to be a problem; check the findings or the ground',
  },
  'REVIEW.REVIEW_NOT_PASSED': {
    category: 'conflict',
    zh: '未经法制审核或审核未通过，不得作出重大执法决定（当前：{statusZh}）',
    en: 'no major decision without a passed legal review (review is {statusEn})',
  },
  'REVIEW.INVALID_PROPOSED_DECISION': {
    category: 'invalid',
    zh: '拟作出的决定中“{field}”无效：{problemZh}',
    en: 'proposed decision field "{field}" is invalid: {problemEn}',
  },
  'REVIEW.CATALOGUE_NOT_IN_FORCE': {
    category: 'invalid',
    zh: '{date} 没有生效的重大执法决定法制审核目录清单',
    en: 'no major-decision catalogue is in force on {date}',
  },
} as const satisfies Record<string, ErrorTemplate>;

/** Stable error codes of the review rules. */
export type ReviewErrorCode = keyof typeof TEMPLATES;

/** Every code, for documentation and tests. */
export const REVIEW_ERROR_CODES = Object.keys(TEMPLATES) as ReviewErrorCode[];

/** A legal-review rule refused a command or an input. */
export class ReviewRuleError extends Error {
  readonly code: ReviewErrorCode;
  readonly category: ReviewErrorCategory;
  readonly message_zh: string;
  readonly message_en: string;
  readonly details: ReviewErrorDetails;

  constructor(code: ReviewErrorCode, details: ReviewErrorDetails = {}) {
    const template: ErrorTemplate = TEMPLATES[code];
    const zh = fill(template.zh, details, '、');
    const en = fill(template.en, details, ', ');
    super(`${code}: ${en}`);
    this.name = 'ReviewRuleError';
    this.code = code;
    this.category = template.category;
    this.message_zh = zh;
    this.message_en = en;
    this.details = details;
  }

  /** Plain data for logs, HTTP bodies and Temporal failure details. */
  toJSON(): {
    code: ReviewErrorCode;
    category: ReviewErrorCategory;
    message_zh: string;
    message_en: string;
    details: ReviewErrorDetails;
  } {
    return {
      code: this.code,
      category: this.category,
      message_zh: this.message_zh,
      message_en: this.message_en,
      details: this.details,
    };
  }
}

function fill(template: string, details: ReviewErrorDetails, separator: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value.join(separator) : String(value);
  });
}
