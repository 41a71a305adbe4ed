/**
 * Chinese and English names used in the review's refusals and views: statuses, commands, roles, categories.
 */
import type { ReviewCommandType } from './review.commands';
import type { ReviewState, ReviewStatus } from './review.state';
import type { ReviewRole } from './review.types';

/** Chinese and English names of the statuses, for messages and the task inbox. */
export const STATUS_LABELS: Readonly<Record<ReviewStatus, { readonly zh: string; readonly en: string }>> = {
  submitted: { zh: '待受理', en: 'awaiting acceptance' },
  'awaiting-supplement': { zh: '待补正', en: 'awaiting the supplement' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  'under-review': { zh: '审核中', en: 'under review' },
  paused: { zh: '中止计时', en: 'paused' },
  'opinion-drafted': { zh: '待复审', en: 'opinion drafted, awaiting re-review' },
  'opinion-issued': { zh: '已出具同意意见', en: 'passed, awaiting the decision' },
  'returned-to-unit': { zh: '已退回承办机构', en: 'returned to the handling unit' },
  disagreement: { zh: '承办机构有异议', en: 'disputed by the handling unit' },
  'expert-meeting': { zh: '专家论证中', en: 'at the expert meeting' },
  'collective-discussion': { zh: '待集体讨论', en: 'awaiting collective discussion' },
  decided: { zh: '已决定', en: 'decided' },
  transferred: { zh: '已移送', en: 'transferred' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

export const COMMAND_LABELS: Readonly<Record<ReviewCommandType, readonly [zh: string, en: string]>> = {
  submit: ['报送审核', 'submit'],
  acceptMaterials: ['受理', 'accept materials'],
  notifyMissingMaterials: ['一次性告知补正', 'notify missing materials'],
  supplement: ['补正材料', 'supplement'],
  supplementWindowLapsed: ['补正期限届满', 'supplement window lapsed'],
  refuseAcceptance: ['不予受理', 'refuse acceptance'],
  pause: ['中止计时', 'pause'],
  resume: ['恢复计时', 'resume'],
  requestExtension: ['申请延期', 'request extension'],
  approveExtension: ['批准延期', 'approve extension'],
  recordFindings: ['记录审核结论', 'record findings'],
  inviteAdvisor: ['邀请法律顾问', 'invite a legal advisor'],
  attachAdvisorOpinion: ['附法律顾问意见', 'attach legal advisor opinion'],
  markAdvisorOpinionReviewed: ['复核法律顾问意见', 'mark advisor opinion reviewed'],
  draftOpinion: ['拟定审核意见（初审）', 'draft the opinion'],
  reReviewOpinion: ['复审审核意见', 're-review the opinion'],
  resubmit: ['重新报送', 'resubmit'],
  acceptTransfer: ['接受移送意见', 'accept the transfer opinion'],
  withdraw: ['撤回', 'withdraw'],
  disagree: ['提出异议', 'disagree'],
  requestExpertMeeting: ['召开专家论证会', 'convene expert meeting'],
  recordExpertMeetingOutcome: ['记录专家论证结果', 'record expert meeting outcome'],
  recordCollectiveDiscussion: ['记录集体讨论结果', 'record collective discussion'],
  decide: ['作出决定', 'decide'],
};

export const ROLE_LABELS: Readonly<Record<ReviewRole, readonly [zh: string, en: string]>> = {
  officer: ['执法人员', 'officer'],
  'unit-head': ['承办机构负责人', 'handling-unit head'],
  'legal-reviewer': ['法制审核人员', 'legal reviewer'],
  'legal-section-head': ['法制机构负责人', 'legal-section head'],
  'legal-advisor': ['法律顾问', 'legal advisor'],
  'supervising-leader': ['分管领导', 'supervising leader'],
  'agency-head': ['机关负责人', 'agency head'],
  'leadership-meeting': ['集体讨论记录人', 'leadership meeting'],
  'records-administrator': ['管理员', 'records administrator'],
  'disclosure-officer': ['公示工作人员', 'disclosure officer'],
  'agency-it': ['信息化管理员', 'agency IT'],
  system: ['系统', 'system'],
};

export function commandLabels(type: ReviewCommandType): { commandZh: string; commandEn: string } {
  const [commandZh, commandEn] = COMMAND_LABELS[type];
  return { commandZh, commandEn };
}

export function categoryLabels(state: ReviewState): { categoryZh: string; categoryEn: string } {
  const zh: Record<ReviewState['category'], string> = {
    permit: '行政许可',
    penalty: '行政处罚',
    'coercive-measure': '行政强制',
    inspection: '行政检查',
    expropriation: '行政征收征用',
    fee: '行政收费',
    confirmation: '行政确认',
    other: '其他行政执法',
  };
  return { categoryZh: zh[state.category], categoryEn: state.category };
}
