import { assessMajorDecision, validateCatalogue } from './catalogue.rules';
import { DEMO_CIVIL_AFFAIRS_CATALOGUE } from './catalogue.demo';
import type { CatalogueEntry, MajorDecisionCatalogue, ProposedDecision } from './catalogue.types';
import { currentDeadline, decide } from './review.machine';
import type { SubmitCommand } from './review.commands';
import { Flow, bj, endOf, env, submitCommand } from './testing/review.fixtures';

const LIMIT = { workdays: 5, legalBasis: '《某某条例》第十二条第二款' };

/** The demo catalogue whose large-fine entry carries a statutory review limit. */
function withLimit(limit: unknown = LIMIT): MajorDecisionCatalogue {
  return {
    ...DEMO_CIVIL_AFFAIRS_CATALOGUE,
    entries: DEMO_CIVIL_AFFAIRS_CATALOGUE.entries.map((entry): CatalogueEntry =>
      entry.id === 'penalty-large-fine' ? { ...entry, reviewLimit: limit as never } : entry,
    ),
  };
}

const largeFine: ProposedDecision = {
  category: 'penalty',
  procedure: 'general',
  partyType: 'person',
  fineYuan: 90_000,
};

describe('review limit set by law (SPEC L6)', () => {
  it('L6: 法律、法规和规章另有规定的，从其规定 — the limit comes from the matched catalogue entry with its citation', () => {
    const assessment = assessMajorDecision(withLimit(), largeFine);
    expect(assessment.reviewLimit).toEqual({ ...LIMIT, entryId: 'penalty-large-fine' });
    expect(assessment.entries.find((e) => e.entryId === 'penalty-large-fine')?.reviewLimit).toEqual(LIMIT);
    expect(assessMajorDecision(DEMO_CIVIL_AFFAIRS_CATALOGUE, largeFine).reviewLimit).toBeNull();
  });

  it('L6: 法律、法规和规章另有规定的，从其规定 — a catalogue limit without a citation or outside whole working days is refused', () => {
    expect(validateCatalogue(withLimit({ workdays: 5, legalBasis: ' ' })).map((i) => i.path)).toEqual([
      'entries[0].reviewLimit.legalBasis',
    ]);
    expect(validateCatalogue(withLimit({ workdays: 0, legalBasis: 'x' })).map((i) => i.path)).toEqual([
      'entries[0].reviewLimit.workdays',
    ]);
    expect(validateCatalogue(withLimit())).toEqual([]);
  });

  it('L6: 审核期限 — a review under a statutory limit runs for that many working days, not 3', () => {
    const majorDecision: SubmitCommand['majorDecision'] = {
      catalogueVersion: 1,
      entryIds: ['penalty-large-fine'],
      widenedScope: false,
      reviewLimit: { ...LIMIT, entryId: 'penalty-large-fine' },
    };
    const flow = Flow.accepted(env(), { majorDecision });
    // Complete on Monday 2025-03-03: five working days are Tue–Fri and Mon 2025-03-10.
    expect(currentDeadline(flow.current, env())).toEqual(endOf('2025-03-10'));
    expect(flow.current.submission.statutoryReviewWorkdays).toBe(5);
    expect(Flow.accepted().current.submission.statutoryReviewWorkdays).toBeNull();
  });

  it('L6: 审核期限 — the submission cannot carry a limit of its own, and a malformed one from the assessment is refused', () => {
    const typed = { ...submitCommand(), statutoryReviewWorkdays: 30 } as SubmitCommand;
    const result = decide(null, typed, bj('2025-03-03 09:00'), env());
    expect(result.ok && result.state.submission.statutoryReviewWorkdays).toBeNull();
    const malformed = submitCommand({
      majorDecision: {
        catalogueVersion: 1,
        entryIds: ['penalty-large-fine'],
        widenedScope: false,
        reviewLimit: { workdays: 2.5, legalBasis: '', entryId: 'penalty-large-fine' },
      },
    });
    const refused = decide(null, malformed, bj('2025-03-03 09:00'), env());
    expect(!refused.ok && refused.error.code).toBe('REVIEW.INVALID_INPUT');
  });
});
