import { DisclosureRuleError } from './disclosure.errors';

/**
 * 不予公开 — why a decision is not published (SPEC D5; 000 附件1 第十四条, 003 附件 (三)):
 * - `minor-party`            行政相对人是未成年人
 * - `state-secret`           依法确定为国家秘密
 * - `commercial-secret`      商业秘密
 * - `personal-privacy`       个人隐私 (身份、通讯、健康、婚姻、家庭、财产状况)
 * - `security-stability`     公开后可能危及国家安全、公共安全、经济安全和社会稳定
 * - `hinders-enforcement`    公开后可能妨害正常执法活动
 * - `deemed-unsuitable`      上级人民政府及其主管部门认为不适宜公开
 * - `legal-bar`              法律、法规、规章规定不予公开
 */
export const exemptionGrounds = [
  'minor-party',
  'state-secret',
  'commercial-secret',
  'personal-privacy',
  'security-stability',
  'hinders-enforcement',
  'deemed-unsuitable',
  'legal-bar',
] as const;
export type ExemptionGround = (typeof exemptionGrounds)[number];

/** Grounds that give way to the right holder's written consent or an overriding public interest (000 第十四条). */
export const OVERRIDABLE_GROUNDS: readonly ExemptionGround[] = ['commercial-secret', 'personal-privacy'];

/** Why an overridable ground does not hold: 权利人书面同意 or 不公开可能对公共利益造成重大影响. */
export type ExemptionOverride = 'written-consent' | 'public-interest';

/** 备案 — the written opinion and reason filed with the justice bureau (同级司法行政部门, 003 附件 (三)). */
export interface ExemptionFiling {
  /** Whom it was filed with, e.g. 市司法局. */
  readonly filedWith: string;
  /** The filing's reference (备案号 or letter number). */
  readonly reference: string;
  /** When it was filed (ISO instant). */
  readonly filedAt: string;
}

/** A non-disclosure decision as the disclosure officer records it. */
export interface ExemptionDecision {
  readonly ground: ExemptionGround;
  /** The stated reason (不予公开的理由), in full sentences. */
  readonly reason: string;
  readonly filing: ExemptionFiling;
  /** Set when consent or the public interest overrides an overridable ground: then it must be published. */
  readonly override: ExemptionOverride | null;
}

/** A reason must say something: at least this many characters once trimmed. */
export const MIN_REASON_LENGTH = 10;

/**
 * D5: a non-disclosure is valid only with a stated reason and the 备案 filing; an overridden commercial-secret or
 * privacy ground is no ground at all. Returns the decision with its texts trimmed, or throws DisclosureRuleError.
 */
export function checkExemption(decision: ExemptionDecision): ExemptionDecision {
  const reason = decision.reason.trim();
  if (reason.length < MIN_REASON_LENGTH) {
    throw new DisclosureRuleError(
      'DISCLOSURE.EXEMPTION_REASON_REQUIRED',
      `不予公开须写明理由（至少 ${MIN_REASON_LENGTH} 个字）`,
      `A non-disclosure must state its reason (at least ${MIN_REASON_LENGTH} characters)`,
    );
  }
  const filing = decision.filing;
  if (!filing || filing.filedWith.trim() === '' || filing.reference.trim() === '' || !filing.filedAt) {
    throw new DisclosureRuleError(
      'DISCLOSURE.EXEMPTION_FILING_REQUIRED',
      '不予公开须向同级司法行政部门备案，并记录备案机关和备案号',
      'A non-disclosure must be filed with the justice bureau; record where and the filing reference',
    );
  }
  if (decision.override !== null && OVERRIDABLE_GROUNDS.includes(decision.ground)) {
    throw new DisclosureRuleError(
      'DISCLOSURE.EXEMPTION_OVERRIDDEN',
      '权利人书面同意公开或不公开可能对公共利益造成重大影响的，应当公开',
      'With the right holder’s written consent or an overriding public interest the decision must be published',
      { ground: decision.ground, override: decision.override },
    );
  }
  return {
    ...decision,
    reason,
    filing: { ...filing, filedWith: filing.filedWith.trim(), reference: filing.reference.trim() },
  };
}
