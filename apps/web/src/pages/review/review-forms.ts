import { knowsCommand } from '@/auth/session';

/** The forms of the review page, each sending one command. */
export type ReviewFormId =
  | 'accept'
  | 'missing'
  | 'refuse'
  | 'supplement'
  | 'findings'
  | 'advisor'
  | 'opinion'
  | 'reReview'
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

/** 初审、复审 (L9): where the rules have the two-person opinion, the reviewer drafts and a second person issues. */
export const TWO_PERSON_OPINION = knowsCommand('draftOpinion');

export const FORM_COMMAND: Readonly<Record<ReviewFormId, string>> = {
  accept: 'acceptMaterials',
  missing: 'notifyMissingMaterials',
  refuse: 'refuseAcceptance',
  supplement: 'supplement',
  findings: 'recordFindings',
  advisor: 'attachAdvisorOpinion',
  opinion: TWO_PERSON_OPINION ? 'draftOpinion' : 'issueOpinion',
  reReview: 'reReviewOpinion',
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
export const FORMS_AT_STEP: Readonly<Record<string, readonly ReviewFormId[]>> = {
  acceptance: ['accept', 'missing', 'refuse', 'withdraw'],
  supplement: ['supplement', 'withdraw'],
  review: ['findings', 'opinion', 'pause', 'advisor', 'extension'],
  paused: ['resume', 'findings', 'advisor', 'pause'],
  'extension-approval': ['approveExtension', 'findings', 'opinion', 'pause', 'advisor'],
  // The rules take nothing but the re-review (and the round's extension) while a draft waits: to change the
  // findings, pause or consult, the re-reviewer sends it back to drafting.
  're-review': ['reReview', 'extension', 'approveExtension'],
  decision: ['decide'],
  'unit-response': ['acceptTransfer', 'resubmit', 'disagree', 'withdraw'],
  'expert-meeting-request': ['expertMeeting'],
  'expert-meeting': ['expertOutcome'],
  'collective-discussion': ['collective'],
  closed: [],
};
