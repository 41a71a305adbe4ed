/**
 * Test helpers for the review rules: the real working-day calendar behind the port, actors, and a builder that
 * drives a review through the reducer so each test starts from a state reached the legal way.
 */
import { bundledCalendar, endOfCivilDay, type WorkdayCalendar } from '@enforcement/workdays';
import { reviewCalendarPort } from '../review-calendar.port';
import type { ReviewFinding } from '../findings.rules';
import { REVIEW_ITEMS } from '../findings.rules';
import type { CaseFacts, SubmittedMaterial } from '../materials.rules';
import { requiredMaterials } from '../materials.rules';
import type { ReviewCommand, SubmitCommand } from '../review.commands';
import type { ReviewEvent } from '../review.events';
import { decide, type ReviewEnv } from '../review.machine';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../review.policy';
import type { PreliminaryReviewRecord, ReviewState } from '../review.state';
import type { ReviewActor, WorkdayCalendarPort } from '../review.types';

/** The shipped calendar (2015–2026) as the port the rules expect. */
export function calendarPort(calendar: WorkdayCalendar = bundledCalendar()): WorkdayCalendarPort {
  return reviewCalendarPort(calendar);
}

export const calendar = calendarPort();

/** An instant given as Beijing wall-clock time, e.g. `bj('2025-03-03 10:00')`. */
export function bj(local: string): Date {
  const [date, time = '00:00'] = local.split(' ');
  const instant = new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
  if (Number.isNaN(instant.getTime())) throw new Error(`bad test instant ${local}`);
  return instant;
}

/** End (24:00 Beijing) of a civil date: how every working-day deadline looks. */
export function endOf(date: string): Date {
  return endOfCivilDay(date);
}

export function env(policy: Partial<ReviewPolicy> = {}): ReviewEnv {
  return { calendar, policy: { ...DEFAULT_REVIEW_POLICY, ...policy } };
}

export const UNIT_ID = 'unit-enforcement-brigade';
export const OTHER_UNIT_ID = 'unit-social-organisations';
export const LEGAL_UNIT_ID = 'unit-legal-affairs';

export const officer: ReviewActor = { id: 'u-officer-li', role: 'officer', unitId: UNIT_ID };
export const unitHead: ReviewActor = { id: 'u-head-wang', role: 'unit-head', unitId: UNIT_ID };
export const otherUnitHead: ReviewActor = { id: 'u-head-zhao', role: 'unit-head', unitId: OTHER_UNIT_ID };
export const reviewer: ReviewActor = { id: 'u-reviewer-chen', role: 'legal-reviewer', unitId: LEGAL_UNIT_ID };
export const sectionHead: ReviewActor = { id: 'u-section-head-liu', role: 'legal-section-head', unitId: LEGAL_UNIT_ID };
export const advisor: ReviewActor = { id: 'u-advisor-sun', role: 'legal-advisor', unitId: 'external' };
export const supervisor: ReviewActor = { id: 'u-leader-zhou', role: 'supervising-leader', unitId: 'leadership' };
export const agencyHead: ReviewActor = { id: 'u-director-wu', role: 'agency-head', unitId: 'leadership' };
export const minuteTaker: ReviewActor = { id: 'u-secretary-he', role: 'leadership-meeting', unitId: 'office' };
export const timer: ReviewActor = { id: 'system:review-wf-1', role: 'system', unitId: 'system' };

/** A penalty case with documentary evidence, a statement, an on-site transcript and discretion used. */
export const PENALTY_FACTS: CaseFacts = {
  initiation: 'filing',
  evidenceCollected: ['documentary-evidence', 'party-statement', 'on-site-transcript'],
  appraisalDone: false,
  expertConsulted: false,
  hearingHeld: false,
  discretionExercised: true,
  otherMaterials: false,
};

/** One stored document per required item. */
export function completeMaterials(facts: CaseFacts = PENALTY_FACTS): SubmittedMaterial[] {
  return requiredMaterials(facts).map((r) => ({ item: r.item, documentRef: `sha256:${r.item}` }));
}

export function submitCommand(overrides: Partial<SubmitCommand> = {}): SubmitCommand {
  return {
    type: 'submit',
    actor: officer,
    reviewId: 'review-2025-001',
    caseNo: '某民罚〔2025〕7号',
    agencyId: 'demo-civil-affairs-bureau',
    unitId: UNIT_ID,
    category: 'penalty',
    preliminaryReview: {
      signedBy: unitHead,
      signedAt: bj('2025-03-02 17:00').toISOString(),
      outcome: 'passed',
      documentRef: 'sha256:preliminary-review',
    },
    caseFacts: PENALTY_FACTS,
    materials: completeMaterials(),
    urgent: false,
    caseHandlingDeadline: endOf('2025-04-30').toISOString(),
    majorDecision: { catalogueVersion: 1, entryIds: ['penalty-large-fine'], widenedScope: false },
    ...overrides,
  };
}

/** The unit head's passed preliminary review signed at `at` — what a submission or a resubmission rests on (L2). */
export function preliminaryReview(at: Date, signer: ReviewActor = unitHead): PreliminaryReviewRecord {
  return {
    signedBy: signer,
    signedAt: at.toISOString(),
    outcome: 'passed',
    documentRef: `sha256:preliminary-review-${at.getTime()}`,
  };
}

/** Findings with every item satisfied (discretion and other included). */
export function cleanFindings(): ReviewFinding[] {
  return REVIEW_ITEMS.map(({ item }) => ({ item, outcome: 'satisfied', note: '' }));
}

/** Findings with problems on the given items, the rest satisfied. */
export function findingsWithProblems(...items: ReviewFinding['item'][]): ReviewFinding[] {
  return REVIEW_ITEMS.map(({ item }) =>
    items.includes(item)
      ? { item, outcome: 'problem', note: `问题：${item}` }
      : { item, outcome: 'satisfied', note: '' },
  );
}

/** Thrown by `Flow` when a step the test relies on is refused, naming the step. */
export class FlowStepRefused extends Error {}

/** Drives a review command by command; every step must be accepted. */
export class Flow {
  state: ReviewState | null = null;
  readonly events: ReviewEvent[] = [];

  constructor(readonly environment: ReviewEnv = env()) {}

  do(command: ReviewCommand, at: Date): this {
    const result = decide(this.state, command, at, this.environment);
    if (!result.ok)
      throw new FlowStepRefused(`${command.type} refused: ${result.error.code} ${result.error.message_en}`);
    this.state = result.state;
    this.events.push(...result.events);
    return this;
  }

  get current(): ReviewState {
    if (this.state === null) throw new Error('no review yet');
    return this.state;
  }

  /** Submitted at 2025-03-03 09:00 (Monday) and accepted the same afternoon. */
  static accepted(environment: ReviewEnv = env(), overrides: Partial<SubmitCommand> = {}): Flow {
    return new Flow(environment)
      .do(submitCommand(overrides), bj('2025-03-03 09:00'))
      .do({ type: 'acceptMaterials', actor: reviewer }, bj('2025-03-03 15:00'));
  }

  /**
   * Accepted, clean findings recorded, and the given opinion drafted by a legal reviewer (初审) and re-reviewed and
   * signed by the section head (复审, L9) on Tuesday 2025-03-04.
   */
  static withOpinion(
    opinion: 'approve' | 'amend' | 'correct' | 'reinvestigate' | 'correct-documents',
    environment: ReviewEnv = env(),
    overrides: Partial<SubmitCommand> = {},
  ): Flow {
    const problemFor = {
      approve: [],
      amend: ['discretion'],
      correct: ['procedure'],
      reinvestigate: ['facts-and-evidence'],
      'correct-documents': ['documents'],
    } as const;
    return Flow.accepted(environment, overrides)
      .do(
        { type: 'recordFindings', actor: reviewer, findings: findingsWithProblems(...problemFor[opinion]) },
        bj('2025-03-04 10:00'),
      )
      .do(
        { type: 'draftOpinion', actor: reviewer, opinion, documentNo: '某民法审〔2025〕3号', summary: '审核意见' },
        bj('2025-03-04 15:00'),
      )
      .do({ type: 'reReviewOpinion', actor: sectionHead, decision: 'approve' }, bj('2025-03-04 16:00'));
  }
}

/** Deep-freezes a value so any mutation inside the reducer throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
