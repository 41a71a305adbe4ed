/**
 * Clock phase of the review (SPEC L6, L7): pauses for expert consultation (专家论证) and verification (核实情况),
 * and the one extension (延期) approved by the supervising leader.
 */
import type { PauseRecord, ReviewRound, ReviewState } from './review.state';
import {
  deadlineOf,
  fail,
  openPauses,
  replaceRound,
  requireRound,
  requireText,
  warningOf,
  type StepHandlers,
} from './review-steps.shared';

export const CLOCK_STEPS: StepHandlers<'pause' | 'resume' | 'requestExtension' | 'approveExtension'> = {
  pause(state, command, ctx) {
    const { at, by, env } = ctx;
    const round = requireRound(state);
    const pauseId = requireText(command.pauseId, 'pauseId');
    requireText(command.reason, 'reason');
    if (command.kind !== 'expert-consultation' && command.kind !== 'verification') {
      fail('REVIEW.INVALID_INPUT', {
        field: 'kind',
        problemZh: '须为专家论证或核实情况',
        problemEn: 'must be expert-consultation or verification',
      });
    }
    if (round.pauses.some((pause) => pause.pauseId === pauseId)) fail('REVIEW.PAUSE_ID_IN_USE', { pauseId });
    const pause: PauseRecord = {
      pauseId,
      kind: command.kind,
      reason: command.reason,
      startedAt: at,
      startedBy: by,
      endedAt: null,
      endedBy: null,
    };
    const nextRound: ReviewRound = { ...round, pauses: [...round.pauses, pause] };
    const next: ReviewState = { ...replaceRound(state, nextRound), status: 'paused' };
    const deadline = deadlineOf(next, nextRound, env);
    return {
      state: next,
      events: [
        {
          type: 'review.paused.v1',
          payload: {
            round: round.round,
            pauseId,
            kind: command.kind,
            openPauseIds: openPauses(next).map((p) => p.pauseId),
            deadline: deadline?.toISOString() ?? null,
          },
        },
      ],
    };
  },
  resume(state, command, ctx) {
    const { at, by, env } = ctx;
    const round = requireRound(state);
    const target = round.pauses.find((pause) => pause.pauseId === command.pauseId && pause.endedAt === null);
    if (!target) fail('REVIEW.PAUSE_NOT_OPEN', { pauseId: String(command.pauseId) });
    const nextRound: ReviewRound = {
      ...round,
      pauses: round.pauses.map((pause) => (pause === target ? { ...pause, endedAt: at, endedBy: by } : pause)),
    };
    const withRound = replaceRound(state, nextRound);
    const stillOpen = openPauses(withRound).map((p) => p.pauseId);
    const next: ReviewState = { ...withRound, status: stillOpen.length > 0 ? 'paused' : 'under-review' };
    const deadline = deadlineOf(next, nextRound, env);
    return {
      state: next,
      events: [
        {
          type: 'review.resumed.v1',
          payload: {
            round: round.round,
            pauseId: target.pauseId,
            kind: target.kind,
            openPauseIds: stillOpen,
            deadline: deadline?.toISOString() ?? null,
            warningAt: warningOf(deadline, env),
          },
        },
      ],
    };
  },
  requestExtension(state, command, ctx) {
    const { at, by } = ctx;
    const round = requireRound(state);
    requireText(command.reason, 'reason');
    const nextRound: ReviewRound = {
      ...round,
      extension: { requestedAt: at, requestedBy: by, reason: command.reason, approvedAt: null, approvedBy: null },
    };
    return { state: replaceRound(state, nextRound), events: [] };
  },
  approveExtension(state, _command, ctx) {
    const { now, at, by, env } = ctx;
    const round = requireRound(state);
    const extension = round.extension!;
    const before = deadlineOf(state, round, env);
    if (before !== null && now.getTime() >= before.getTime()) {
      fail('REVIEW.DEADLINE_PASSED', { deadline: before.toISOString() });
    }
    const nextRound: ReviewRound = { ...round, extension: { ...extension, approvedAt: at, approvedBy: by } };
    const next = replaceRound(state, nextRound);
    const deadline = deadlineOf(next, nextRound, env);
    return {
      state: next,
      events: [
        {
          type: 'review.extended.v1',
          payload: {
            round: round.round,
            extensionWorkdays: env.policy.extensionWorkdays,
            requestedBy: extension.requestedBy,
            reason: extension.reason,
            approvedBy: by,
            deadline: deadline?.toISOString() ?? null,
            warningAt: warningOf(deadline, env),
          },
        },
      ],
    };
  },
};
