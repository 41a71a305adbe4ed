/**
 * Disagreement phase of the review (SPEC L11): the unit disputes an opinion (不赞成审核意见), the expert
 * argumentation meeting (专家论证会) and the leadership's collective discussion (集体讨论) settle it.
 */
import { OPINION_LABELS, type ReviewOpinionType } from './findings.rules';
import type { DisagreementRecord, ReviewState, ReviewStatus, TransferRecord } from './review.state';
import type { IsoInstant } from './review.types';
import {
  checkTransfer,
  concluded,
  currentRound,
  fail,
  legalOpinionOverruled,
  requireMinutes,
  requireRound,
  requireText,
  statusAfterOpinion,
  updateDisagreement,
  type PendingEvent,
  type Step,
  type StepHandlers,
} from './review-steps.shared';

export const DISAGREEMENT_STEPS: StepHandlers<
  'disagree' | 'requestExpertMeeting' | 'recordExpertMeetingOutcome' | 'recordCollectiveDiscussion'
> = {
  disagree(state, command, ctx) {
    const { at, by, env } = ctx;
    const round = requireRound(state);
    const reasons = requireText(command.reasons, 'reasons');
    const disagreement: DisagreementRecord = {
      round: round.round,
      raisedAt: at,
      raisedBy: by,
      reasons,
      expertMeetingConvenedAt: null,
      expertMeetingConvenedBy: null,
      expertMeetingFailedAt: null,
      expertMeetingMinutesRef: null,
      settled: null,
    };
    // 专家论证会尚未成立之前，直接提交本机关领导集体讨论决定.
    const status: ReviewStatus = env.policy.expertPanelEstablished ? 'disagreement' : 'collective-discussion';
    return { state: { ...state, status, disagreements: [...state.disagreements, disagreement] }, events: [] };
  },
  requestExpertMeeting(state, _command, ctx) {
    const { at, by } = ctx;
    const next = updateDisagreement(state, (d) => ({
      ...d,
      expertMeetingConvenedAt: at,
      expertMeetingConvenedBy: by,
    }));
    return { state: { ...next, status: 'expert-meeting' }, events: [] };
  },
  recordExpertMeetingOutcome(state, command, ctx) {
    const { at } = ctx;
    const minutesRef = requireMinutes(command.minutesRef, '专家论证会议纪要', 'expert meeting minutes');
    if (!command.agreed) {
      const next = updateDisagreement(state, (d) => ({
        ...d,
        expertMeetingFailedAt: at,
        expertMeetingMinutesRef: minutesRef,
      }));
      return { state: { ...next, status: 'collective-discussion' }, events: [] };
    }
    if (command.agreedOpinion === undefined || !(command.agreedOpinion in OPINION_LABELS)) {
      fail('REVIEW.INVALID_INPUT', {
        field: 'agreedOpinion',
        problemZh: '达成一致时须写明一致认可的审核意见',
        problemEn: 'name the opinion both sides agreed on',
      });
    }
    const transfer = checkTransfer(command.agreedOpinion, command.transfer);
    const withMinutes = updateDisagreement(state, (d) => ({ ...d, expertMeetingMinutesRef: minutesRef }));
    return settle(withMinutes, command.agreedOpinion, 'expert-meeting', minutesRef, transfer, at);
  },
  recordCollectiveDiscussion(state, command, ctx) {
    const { at } = ctx;
    const minutesRef = requireMinutes(command.minutesRef, '集体讨论会议纪要', 'collective discussion minutes');
    if (!(command.resolvedOpinion in OPINION_LABELS)) {
      fail('REVIEW.INVALID_INPUT', {
        field: 'resolvedOpinion',
        problemZh: '未知的意见类型',
        problemEn: 'unknown opinion type',
      });
    }
    const transfer = checkTransfer(command.resolvedOpinion, command.transfer);
    return settle(state, command.resolvedOpinion, 'collective-discussion', minutesRef, transfer, at);
  },
};

/** Applies the opinion the disagreement procedure settled on (SPEC L11) as if the section had issued it. */
function settle(
  state: ReviewState,
  type: ReviewOpinionType,
  settledBy: 'expert-meeting' | 'collective-discussion',
  minutesRef: string,
  transfer: TransferRecord | null,
  at: IsoInstant,
): Step {
  const withSettlement = updateDisagreement(state, (d) => ({
    ...d,
    settled: { type, settledBy, settledAt: at, minutesRef, transfer },
  }));
  const next: ReviewState = { ...withSettlement, status: statusAfterOpinion(type, true) };
  const round = currentRound(next)!;
  const events: PendingEvent[] = [
    {
      type: 'review.opinion-issued.v1',
      payload: {
        round: round.round,
        opinion: type,
        settledBy,
        documentRef: minutesRef,
        copies: [],
        transfer,
        overdue: round.opinion?.overdue ?? false,
        legalOpinionOverruled: legalOpinionOverruled(next),
      },
    },
  ];
  if (type === 'transfer') events.push(concluded(next, 'transferred'));
  return { state: next, events };
}
