import fc from 'fast-check';
import type { ReviewOpinionType } from './findings.rules';
import { MATERIAL_CHECKLIST } from './materials.rules';
import type { ReviewCommand } from './review.commands';
import { REVIEW_ERROR_CODES, ReviewRuleError } from './review.errors';
import { STATUS_LABELS, decide, mayIssueDecision, openPauses, validate } from './review.machine';
import { FINAL_STATUSES, type ReviewState } from './review.state';
import type { ReviewActor } from './review.types';
import {
  Flow,
  PENALTY_FACTS,
  advisor,
  agencyHead,
  bj,
  cleanFindings,
  completeMaterials,
  deepFreeze,
  env,
  findingsWithProblems,
  preliminaryReview,
  minuteTaker,
  officer,
  otherUnitHead,
  reviewer,
  sectionHead,
  submitCommand,
  supervisor,
  timer,
  unitHead,
} from './testing/review.fixtures';

const actors: ReviewActor[] = [
  officer,
  unitHead,
  otherUnitHead,
  reviewer,
  sectionHead,
  advisor,
  supervisor,
  agencyHead,
  minuteTaker,
  timer,
];
const opinions: ReviewOpinionType[] = ['approve', 'transfer', 'amend', 'correct', 'reinvestigate', 'correct-documents'];
const pauseIds = ['p1', 'p2', 'p3'];

/**
 * Each command usually comes from the role that may issue it, so random walks get deep into the process, and
 * sometimes from anyone, so refusals are exercised too.
 */
function by(...plausible: ReviewActor[]): fc.Arbitrary<ReviewActor> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: fc.constantFrom(...actors) },
  );
}

const legal = by(reviewer, sectionHead);
const unit = by(officer, unitHead);

const commandArb: fc.Arbitrary<ReviewCommand> = fc.oneof(
  unit.map((actor): ReviewCommand => submitCommand({ actor })),
  legal.map((actor): ReviewCommand => ({ type: 'acceptMaterials', actor })),
  fc
    .tuple(
      legal,
      fc.subarray(
        MATERIAL_CHECKLIST.map((r) => r.item),
        { minLength: 0, maxLength: 4 },
      ),
    )
    .map(([actor, missing]): ReviewCommand => ({ type: 'notifyMissingMaterials', actor, missing })),
  fc
    .tuple(unit, fc.boolean())
    .map(([actor, full]): ReviewCommand => ({ type: 'supplement', actor, materials: full ? completeMaterials() : [] })),
  by(timer).map((actor): ReviewCommand => ({ type: 'supplementWindowLapsed', actor })),
  legal.map((actor): ReviewCommand => ({ type: 'refuseAcceptance', actor, missing: ['on-site-transcript'] })),
  fc
    .tuple(legal, fc.constantFrom(...pauseIds), fc.constantFrom('expert-consultation', 'verification' as const))
    .map(([actor, pauseId, kind]): ReviewCommand => ({ type: 'pause', actor, pauseId, kind, reason: '论证或核实' })),
  fc
    .tuple(legal, fc.constantFrom(...pauseIds))
    .map(([actor, pauseId]): ReviewCommand => ({ type: 'resume', actor, pauseId })),
  legal.map((actor): ReviewCommand => ({ type: 'requestExtension', actor, reason: '案情复杂' })),
  by(supervisor).map((actor): ReviewCommand => ({ type: 'approveExtension', actor })),
  fc
    .tuple(
      legal,
      fc.constantFrom(
        cleanFindings(),
        findingsWithProblems('discretion'),
        findingsWithProblems('criminal-referral'),
        cleanFindings().slice(1),
      ),
    )
    .map(([actor, findings]): ReviewCommand => ({ type: 'recordFindings', actor, findings })),
  by(advisor, reviewer).map((actor): ReviewCommand => ({
    type: 'attachAdvisorOpinion',
    actor,
    opinionId: 'a1',
    advisorName: '孙律师',
    documentRef: 'sha256:a',
  })),
  legal.map((actor): ReviewCommand => ({ type: 'markAdvisorOpinionReviewed', actor, opinionId: 'a1', note: '已复核' })),
  fc.tuple(legal, fc.constantFrom(...opinions), fc.boolean()).map(([actor, opinion, withTransfer]): ReviewCommand => ({
    type: 'draftOpinion',
    actor,
    opinion,
    documentNo: 'N',
    summary: 's',
    ...(withTransfer ? { transfer: { to: '某市公安局', ground: 'suspected-crime' as const } } : {}),
  })),
  fc
    .tuple(legal, fc.constantFrom('approve', 'send-back' as const), fc.constantFrom(undefined, '', '理由不足'))
    .map(([actor, decision, reasons]): ReviewCommand => ({
      type: 'reReviewOpinion',
      actor,
      decision,
      ...(reasons === undefined ? {} : { reasons }),
    })),
  unit.map((actor): ReviewCommand => ({
    type: 'resubmit',
    actor,
    caseFacts: PENALTY_FACTS,
    materials: [],
    note: '已修改',
    preliminaryReview: preliminaryReview(bj('2025-03-05 09:00')),
  })),
  by(unitHead).map((actor): ReviewCommand => ({ type: 'acceptTransfer', actor })),
  by(unitHead).map((actor): ReviewCommand => ({ type: 'withdraw', actor, reason: '终止' })),
  by(unitHead).map((actor): ReviewCommand => ({ type: 'disagree', actor, reasons: '不赞成' })),
  by(supervisor).map((actor): ReviewCommand => ({ type: 'requestExpertMeeting', actor })),
  fc
    .tuple(by(supervisor, sectionHead), fc.boolean(), fc.constantFrom(...opinions))
    .map(([actor, agreed, agreedOpinion]): ReviewCommand => ({
      type: 'recordExpertMeetingOutcome',
      actor,
      agreed,
      agreedOpinion,
      minutesRef: 'm',
    })),
  fc
    .tuple(by(agencyHead, minuteTaker), fc.constantFrom(...opinions))
    .map(([actor, resolvedOpinion]): ReviewCommand => ({
      type: 'recordCollectiveDiscussion',
      actor,
      resolvedOpinion,
      minutesRef: 'm',
    })),
  fc
    .tuple(by(agencyHead, minuteTaker), fc.constantFrom('agency-head-approval', 'collective-discussion' as const))
    .map(([actor, mode]): ReviewCommand => ({ type: 'decide', actor, mode, minutesRef: 'mm', decisionRef: 'D' })),
);

const stepArb = fc.tuple(commandArb, fc.integer({ min: 0, max: 36 * 3_600_000 }));

/**
 * Walks begin at states reached the legal way at every depth of the process; starting only from nothing, random
 * commands would seldom get past acceptance.
 */
const START_STATES: readonly (ReviewState | null)[] = [
  null,
  new Flow().do(submitCommand(), bj('2025-03-03 09:00')).state,
  new Flow()
    .do(submitCommand({ materials: completeMaterials().slice(2) }), bj('2025-03-03 09:00'))
    .do(
      { type: 'notifyMissingMaterials', actor: reviewer, missing: ['case-source', 'filing-approval'] },
      bj('2025-03-03 10:00'),
    ).state,
  Flow.accepted().state,
  Flow.accepted().do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
    .state,
  Flow.withOpinion('approve').state,
  Flow.withOpinion('amend').state,
  Flow.withOpinion('reinvestigate').state,
  Flow.accepted()
    .do(
      { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems('criminal-referral') },
      bj('2025-03-04 09:00'),
    )
    .do(
      {
        type: 'draftOpinion',
        actor: reviewer,
        opinion: 'transfer',
        documentNo: 'N-T',
        summary: '涉嫌犯罪',
        transfer: { to: '某市公安局', ground: 'suspected-crime' },
      },
      bj('2025-03-04 15:00'),
    )
    .do({ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }, bj('2025-03-04 16:00')).state,
  // A draft waiting for its re-review (L9).
  Flow.accepted()
    .do({ type: 'recordFindings', actor: reviewer, findings: cleanFindings() }, bj('2025-03-04 09:00'))
    .do(
      { type: 'draftOpinion', actor: sectionHead, opinion: 'approve', documentNo: 'N', summary: '同意' },
      bj('2025-03-04 10:00'),
    ).state,
  Flow.withOpinion('amend', env({ expertPanelEstablished: true })).do(
    { type: 'disagree', actor: unitHead, reasons: '不赞成' },
    bj('2025-03-05 08:00'),
  ).state,
].map((state) => deepFreeze(state));

interface Walk {
  readonly start: ReviewState | null;
  readonly steps: readonly (readonly [ReviewCommand, number])[];
}

const walkArb = (maxLength: number): fc.Arbitrary<Walk> =>
  fc.record({ start: fc.constantFrom(...START_STATES), steps: fc.array(stepArb, { minLength: 1, maxLength }) });

/** All walks start after the last prepared state's history. */
const WALK_START = bj('2025-03-05 09:00').getTime();

function checkInvariants(state: ReviewState): void {
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  const inReview = state.status === 'under-review' || state.status === 'paused';
  if (inReview) expect(state.status === 'paused').toBe(openPauses(state).length > 0);
  expect(mayIssueDecision(state)).toBe(state.status === 'decided');
  // L9: a draft waits for re-review (or stays on file when the unit withdrew meanwhile); every issued opinion has
  // two different signers.
  const current = state.rounds[state.rounds.length - 1];
  if (state.status === 'opinion-drafted') expect(current?.draft).toEqual(expect.any(Object));
  else if (current?.draft != null) expect(state.status).toBe('withdrawn');
  for (const round of state.rounds) {
    if (round.opinion === null) continue;
    expect(round.opinion.draftedBy).toEqual(expect.any(String));
    expect(round.opinion.reReviewedBy).toBe(round.opinion.issuedBy);
    expect(round.opinion.reReviewedBy).not.toBe(round.opinion.draftedBy);
  }
  if (state.status === 'decided') {
    const lastRound = state.rounds[state.rounds.length - 1];
    const settled = state.disagreements.find((d) => d.round === lastRound.round)?.settled;
    expect(settled?.type ?? lastRound.opinion?.type).toBe('approve');
  }
}

describe('review reducer properties', () => {
  it('C3: property — a refused command leaves the state untouched; an accepted one bumps the revision and keeps the invariants', () => {
    fc.assert(
      fc.property(fc.boolean(), walkArb(40), (withPanel, walk) => {
        const environment = env({ expertPanelEstablished: withPanel });
        let state = walk.start;
        let now = WALK_START;
        for (const [command, advance] of walk.steps) {
          now += advance;
          const at = new Date(now);
          const before = JSON.stringify(state);
          const frozen = deepFreeze(state);
          const result = decide(frozen, command, at, environment);
          expect(validate(frozen, command, at, environment)?.code).toBe(result.ok ? undefined : result.error.code);
          expect(JSON.stringify(frozen)).toBe(before);
          if (!result.ok) {
            expect(result.error).toBeInstanceOf(ReviewRuleError);
            expect(REVIEW_ERROR_CODES).toContain(result.error.code);
            continue;
          }
          expect(frozen === null || !FINAL_STATUSES.includes(frozen.status)).toBe(true);
          expect(result.state.revision).toBe((frozen?.revision ?? 0) + 1);
          result.events.forEach((event, index) => {
            expect(event.eventId).toBe(`${result.state.reviewId}/${result.state.revision}/${index}`);
          });
          checkInvariants(result.state);
          state = result.state;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('L5: property — whatever the order of commands, a review is supplemented at most once and notified at most once', () => {
    fc.assert(
      fc.property(walkArb(40), (walk) => {
        let state = walk.start;
        let now = WALK_START;
        let supplements = state?.supplement ? 1 : 0;
        let notices = state?.notice ? 1 : 0;
        for (const [command, advance] of walk.steps) {
          now += advance;
          const result = decide(state, command, new Date(now), env());
          if (!result.ok) continue;
          if (command.type === 'supplement') supplements += 1;
          if (command.type === 'notifyMissingMaterials') notices += 1;
          state = result.state;
        }
        expect(supplements).toBeLessThanOrEqual(1);
        expect(notices).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('L12: property — the decision gate opens only through an approval followed by a recorded decision', () => {
    fc.assert(
      fc.property(walkArb(60), (walk) => {
        let state = walk.start;
        let now = WALK_START;
        let sawPassed = state?.status === 'opinion-issued';
        for (const [command, advance] of walk.steps) {
          now += advance;
          const result = decide(state, command, new Date(now), env({ collectiveDiscussionRequiredFor: [] }));
          if (!result.ok) continue;
          state = result.state;
          if (state.status === 'opinion-issued') sawPassed = true;
          if (mayIssueDecision(state)) {
            expect(sawPassed).toBe(true);
            expect(command.type).toBe('decide');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('C3: the random walks above reach every status, so the properties are not vacuous', () => {
    const reached = new Set<string>();
    for (const withPanel of [false, true]) {
      for (const walk of fc.sample(walkArb(60), { numRuns: 400, seed: 20250303 })) {
        let state = walk.start;
        let now = WALK_START;
        if (state !== null) reached.add(state.status);
        for (const [command, advance] of walk.steps) {
          now += advance;
          const result = decide(state, command, new Date(now), env({ expertPanelEstablished: withPanel }));
          if (!result.ok) continue;
          state = result.state;
          reached.add(state.status);
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.keys(STATUS_LABELS).sort());
  });
});
