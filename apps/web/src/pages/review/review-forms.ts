import type { ReviewCommandType } from '@enforcement/domain/review/review.commands';
import type { ReviewStep } from '@/api/reviews';

/** The forms of the review page, each sending one command. */
export type ReviewFormId =
  | 'accept'
  | 'missing'
  | 'refuse'
  | 'supplement'
  | 'findings'
  | 'advisor'
  | 'opinion'
  | 'pause'
  | 'resume'
  | 'extension'
  | 'approveExtension'
  | 'resubmit'
  | 'acceptTransfer'
  | 'disagree'
  | 'withdraw'
  | 'expertMeeting'
  | 'expertOutcome'
  | 'collective'
  | 'decide';

export const FORM_COMMAND: Readonly<Record<ReviewFormId, ReviewCommandType>> = {
  accept: 'acceptMaterials',
  missing: 'notifyMissingMaterials',
  refuse: 'refuseAcceptance',
  supplement: 'supplement',
  findings: 'recordFindings',
  advisor: 'attachAdvisorOpinion',
  opinion: 'issueOpinion',
  pause: 'pause',
  resume: 'resume',
  extension: 'requestExtension',
  approveExtension: 'approveExtension',
  resubmit: 'resubmit',
  acceptTransfer: 'acceptTransfer',
  disagree: 'disagree',
  withdraw: 'withdraw',
  expertMeeting: 'requestExpertMeeting',
  expertOutcome: 'recordExpertMeetingOutcome',
  collective: 'recordCollectiveDiscussion',
  decide: 'decide',
};

/**
 * Page layout: which forms the page lays out at each step of the process (the step and who acts next come from the
 * server's view). Which of them a person sees also depends on their roles (`mayCommand`); the review workflow still
 * refuses any command its state does not allow, and the page shows that refusal beside the form.
 */
export const FORMS_AT_STEP: Readonly<Record<ReviewStep, readonly ReviewFormId[]>> = {
  acceptance: ['accept', 'missing', 'refuse', 'withdraw'],
  supplement: ['supplement', 'withdraw'],
  review: ['findings', 'opinion', 'pause', 'advisor', 'extension'],
  paused: ['resume', 'findings', 'advisor', 'pause'],
  'extension-approval': ['approveExtension', 'findings', 'opinion', 'pause', 'advisor'],
  decision: ['decide'],
  'unit-response': ['acceptTransfer', 'resubmit', 'disagree', 'withdraw'],
  'expert-meeting-request': ['expertMeeting'],
  'expert-meeting': ['expertOutcome'],
  'collective-discussion': ['collective'],
  closed: [],
};
