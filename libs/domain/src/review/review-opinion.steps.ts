/**
 * Opinion phase of the review (SPEC L8–L10): findings, the legal advisor's opinion, the section's opinion
 * (审核意见) — drafted by one person (初审) and issued only when a second re-reviews and signs it (复审) — and the
 * unit's resubmission after a returning opinion.
 */
import { OPINION_LABELS, checkFindings, checkOpinionAgainstFindings, checkTransferGround } from './findings.rules';
import { missingMaterials, requiredMaterials } from './materials.rules';
import type { OpinionDraft, OpinionSendBack, ReviewRound, ReviewState } from './review.state';
import {
  OPINION_COPIES,
  accepted,
  checkPreliminaryReview,
  checkTransfer,
  concluded,
  deadlineOf,
  fail,
  itemLabels,
  mergeMaterials,
  openPauses,
  opinionInForce,
  replaceRound,
  requireKnownItems,
  requireRound,
  requireText,
  statusAfterOpinion,
  type PendingEvent,
  type StepHandlers,
} from './review-steps.shared';
import { checkSeparateSeat } from './review-seats.rules';

export const OPINION_STEPS: StepHandlers<
  | 'recordFindings'
  | 'inviteAdvisor'
  | 'attachAdvisorOpinion'
  | 'markAdvisorOpinionReviewed'
  | 'draftOpinion'
  | 'reReviewOpinion'
  | 'resubmit'
  | 'acceptTransfer'
> = {
  recordFindings(state, command) {
    const round = requireRound(state);
    const error = checkFindings(command.findings);
    if (error) throw error;
    const findings = command.findings.map((f) => ({ item: f.item, outcome: f.outcome, note: f.note }));
    return { state: replaceRound(state, { ...round, findings }), events: [] };
  },
  inviteAdvisor(state, command, ctx) {
    const advisorId = requireText(command.advisorId, 'advisorId');
    const invitations = state.advisorInvitations ?? [];
    // Inviting twice changes nothing but is not an error: the advisor is invited.
    if (invitations.some((i) => i.advisorId === advisorId)) return { state, events: [] };
    const invitation = { advisorId, invitedAt: ctx.at, invitedBy: ctx.by };
    return { state: { ...state, advisorInvitations: [...invitations, invitation] }, events: [] };
  },
  attachAdvisorOpinion(state, command, ctx) {
    const { at, by } = ctx;
    const round = requireRound(state);
    const opinionId = requireText(command.opinionId, 'opinionId');
    // C1: an advisor writes only where invited, and always under their own id (the edge fills in their name).
    const ownOpinion = command.actor.role === 'legal-advisor';
    if (ownOpinion && !isInvitedAdvisor(state, command.actor.id)) {
      fail('REVIEW.ADVISOR_NOT_INVITED', { advisorId: command.actor.id });
    }
    const advisorName = requireText(command.advisorName, 'advisorName');
    const documentRef = requireText(command.documentRef, 'documentRef');
    if (round.advisorOpinions.some((o) => o.opinionId === opinionId)) {
      fail('REVIEW.ADVISOR_OPINION_DUPLICATE', { opinionId });
    }
    const nextRound: ReviewRound = {
      ...round,
      advisorOpinions: [
        ...round.advisorOpinions,
        {
          opinionId,
          advisorName,
          documentRef,
          attachedAt: at,
          attachedBy: by,
          ...(ownOpinion ? { advisorId: by } : {}),
          reviewedAt: null,
          reviewedBy: null,
          reviewNote: null,
        },
      ],
    };
    return { state: replaceRound(state, nextRound), events: [] };
  },
  markAdvisorOpinionReviewed(state, command, ctx) {
    const { at, by } = ctx;
    const round = requireRound(state);
    const note = requireText(command.note, 'note');
    if (!round.advisorOpinions.some((o) => o.opinionId === command.opinionId)) {
      fail('REVIEW.ADVISOR_OPINION_NOT_FOUND', { opinionId: String(command.opinionId) });
    }
    const nextRound: ReviewRound = {
      ...round,
      advisorOpinions: round.advisorOpinions.map((o) =>
        o.opinionId === command.opinionId ? { ...o, reviewedAt: at, reviewedBy: by, reviewNote: note } : o,
      ),
    };
    return { state: replaceRound(state, nextRound), events: [] };
  },
  draftOpinion(state, command, ctx) {
    const { at, by } = ctx;
    checkSeparateSeat(state, by, 'opinion-drafter');
    const round = requireRound(state);
    const open = openPauses(state);
    if (open.length > 0) fail('REVIEW.PAUSES_OPEN', { pauseIds: open.map((p) => p.pauseId) });
    if (!(command.opinion in OPINION_LABELS)) {
      fail('REVIEW.INVALID_INPUT', {
        field: 'opinion',
        problemZh: '未知的意见类型',
        problemEn: 'unknown opinion type',
      });
    }
    const documentNo = requireText(command.documentNo, 'documentNo');
    const summary = requireText(command.summary, 'summary');
    // Everything an issued opinion must satisfy is checked here, so the re-reviewer signs a lawful draft.
    if (round.findings === null) {
      const error = checkFindings([]);
      if (error) throw error;
    }
    const unreviewed = round.advisorOpinions.filter((o) => o.reviewedAt === null).map((o) => o.opinionId);
    if (unreviewed.length > 0) fail('REVIEW.ADVISOR_OPINION_NOT_REVIEWED', { ids: unreviewed });
    const contradiction = checkOpinionAgainstFindings(command.opinion, round.findings ?? []);
    if (contradiction) throw contradiction;
    const transfer = checkTransfer(command.opinion, command.transfer);
    const groundless = transfer === null ? undefined : checkTransferGround(transfer.ground, round.findings ?? []);
    if (groundless) throw groundless;
    const draft: OpinionDraft = { type: command.opinion, documentNo, summary, transfer, draftedAt: at, draftedBy: by };
    return { state: { ...replaceRound(state, { ...round, draft }), status: 'opinion-drafted' }, events: [] };
  },
  reReviewOpinion(state, command, ctx) {
    const { now, at, by, env } = ctx;
    const round = requireRound(state);
    const draft = round.draft;
    // Only reachable in `opinion-drafted`, which always carries the draft.
    if (draft == null) throw new Error(`review ${state.reviewId} is opinion-drafted without a draft`);
    if (command.actor.id === draft.draftedBy) fail('REVIEW.SAME_PERSON_RE_REVIEW', { draftedBy: draft.draftedBy });
    checkSeparateSeat(state, by, 're-reviewer');
    if (command.decision !== 'approve' && command.decision !== 'send-back') {
      fail('REVIEW.INVALID_INPUT', {
        field: 'decision',
        problemZh: '须为 approve（签发）或 send-back（退回）',
        problemEn: 'must be approve or send-back',
      });
    }
    if (command.decision === 'send-back') {
      if (typeof command.reasons !== 'string' || command.reasons.trim() === '') {
        fail('REVIEW.SEND_BACK_REASONS_REQUIRED');
      }
      const sendBack: OpinionSendBack = { draft, sentBackAt: at, sentBackBy: by, reasons: command.reasons };
      const nextRound: ReviewRound = { ...round, draft: null, sendBacks: [...(round.sendBacks ?? []), sendBack] };
      return { state: { ...replaceRound(state, nextRound), status: 'under-review' }, events: [] };
    }
    const deadline = deadlineOf(state, round, env);
    const overdue = deadline !== null && now.getTime() > deadline.getTime();
    const reReviewedAs = command.actor.role === 'legal-section-head' ? 'legal-section-head' : 'legal-reviewer';
    const nextRound: ReviewRound = {
      ...round,
      draft: null,
      opinion: {
        type: draft.type,
        documentNo: draft.documentNo,
        summary: draft.summary,
        issuedAt: at,
        issuedBy: by,
        copies: OPINION_COPIES,
        transfer: draft.transfer,
        overdue,
        draftedBy: draft.draftedBy,
        draftedAt: draft.draftedAt,
        reReviewedBy: by,
        reReviewedAs,
        reReviewedAt: at,
      },
    };
    const next: ReviewState = {
      ...replaceRound(state, nextRound),
      status: statusAfterOpinion(draft.type, false),
    };
    const events: PendingEvent[] = [
      {
        type: 'review.opinion-issued.v1',
        payload: {
          round: round.round,
          opinion: draft.type,
          settledBy: 'legal-section',
          documentRef: draft.documentNo,
          copies: OPINION_COPIES,
          transfer: draft.transfer,
          overdue,
          legalOpinionOverruled: false,
        },
      },
    ];
    return { state: next, events };
  },
  resubmit(state, command, ctx) {
    const { at, by, env } = ctx;
    const note = requireText(command.note, 'note');
    const preliminary = checkPreliminaryReview(command.preliminaryReview, state.unitId);
    checkSeparateSeat(state, preliminary.signedBy.id, 'preliminary-signer');
    // 初审通过并出具初审文书后报送: the sign-off must be of the case as changed after this opinion, so a newer one.
    const opinionAt = opinionInForce(state)?.at;
    if (opinionAt !== undefined && Date.parse(preliminary.signedAt) <= Date.parse(opinionAt)) {
      fail('REVIEW.PRELIMINARY_REVIEW_STALE', { opinionAt, signedAt: preliminary.signedAt });
    }
    requireKnownItems(
      command.materials.map((m) => m.item),
      'materials',
    );
    const materials = mergeMaterials(state.materials, command.materials);
    const candidate: ReviewState = { ...state, caseFacts: command.caseFacts, materials };
    const missing = missingMaterials(requiredMaterials(command.caseFacts), materials).map((r) => r.item);
    // No notice round-trip here: the one-time notice and single supplement belong to the first submission.
    if (missing.length > 0) fail('REVIEW.MATERIALS_INCOMPLETE', itemLabels(missing));
    const round: ReviewRound = {
      round: state.rounds.length + 1,
      completeMaterialsReceivedAt: at,
      openedBy: 'resubmit',
      openedAt: at,
      openedByActor: by,
      resubmissionNote: note,
      preliminaryReview: preliminary,
      pauses: [],
      extension: null,
      findings: null,
      advisorOpinions: [],
      opinion: null,
    };
    const next: ReviewState = { ...candidate, status: 'under-review', rounds: [...state.rounds, round] };
    return { state: next, events: [accepted(next, round, env)] };
  },
  acceptTransfer(state, _command, ctx) {
    const { at, by } = ctx;
    const next: ReviewState = { ...state, status: 'transferred', transferAcceptance: { at, by } };
    return { state: next, events: [concluded(next, 'transferred')] };
  },
};

/** L10, C1: the section invited this legal advisor to the review. */
export function isInvitedAdvisor(state: Pick<ReviewState, 'advisorInvitations'>, advisorId: string): boolean {
  return (state.advisorInvitations ?? []).some((invitation) => invitation.advisorId === advisorId);
}
