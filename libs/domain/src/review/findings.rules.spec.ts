import {
  REVIEW_ITEMS,
  checkFindings,
  checkOpinionAgainstFindings,
  type ReviewItem,
  type ReviewOpinionType,
} from './findings.rules';
import { cleanFindings, findingsWithProblems } from './testing/review.fixtures';

describe('review content (L8)', () => {
  it('L8: the review covers Annex 3’s eight items plus the suspected-crime check of seed 001', () => {
    expect(REVIEW_ITEMS.map((entry) => entry.item)).toEqual([
      'authority',
      'officer-qualification',
      'facts-and-evidence',
      'procedure',
      'legal-basis',
      'discretion',
      'documents',
      'criminal-referral',
      'other',
    ]);
    expect(checkFindings(cleanFindings())).toBeUndefined();
  });

  it('L8: every item needs a finding; the missing ones are named', () => {
    const error = checkFindings(cleanFindings().filter((f) => f.item !== 'procedure' && f.item !== 'documents'));
    expect(error?.code).toBe('REVIEW.FINDINGS_INCOMPLETE');
    expect(error?.message_zh).toContain('程序是否合法、正当');
    expect(error?.message_en).toContain('documents well-formed');
  });

  it('L8: an item recorded twice is refused', () => {
    expect(checkFindings([...cleanFindings(), { item: 'authority', outcome: 'satisfied', note: '' }])?.code).toBe(
      'REVIEW.DUPLICATE_FINDING',
    );
  });

  it('L8: a problem must be explained', () => {
    const findings = cleanFindings().map((f) => (f.item === 'legal-basis' ? { ...f, outcome: 'problem' as const } : f));
    expect(checkFindings(findings)?.code).toBe('REVIEW.FINDING_NOTE_REQUIRED');
  });

  it('L8: only discretion, the crime check and "other" may be not applicable', () => {
    const na = (item: ReviewItem) =>
      cleanFindings().map((f) => (f.item === item ? { ...f, outcome: 'not-applicable' as const } : f));
    expect(checkFindings(na('discretion'))).toBeUndefined();
    expect(checkFindings(na('criminal-referral'))).toBeUndefined();
    expect(checkFindings(na('facts-and-evidence'))?.code).toBe('REVIEW.FINDING_NOT_APPLICABLE');
  });
});

describe('review opinion follows the findings (L9)', () => {
  it('L9: approval is possible only when no item has a problem', () => {
    expect(checkOpinionAgainstFindings('approve', cleanFindings())).toBeUndefined();
    const error = checkOpinionAgainstFindings('approve', findingsWithProblems('documents'));
    expect(error?.code).toBe('REVIEW.OPINION_CONTRADICTS_FINDINGS');
    expect(error?.message_zh).toContain('行政执法文书的制作是否规范');
  });

  it.each<[ReviewOpinionType, ReviewItem, ReviewItem]>([
    // [opinion, a problem that supports it, a problem that does not]
    ['transfer', 'authority', 'documents'],
    ['transfer', 'criminal-referral', 'procedure'],
    ['amend', 'legal-basis', 'facts-and-evidence'],
    ['amend', 'discretion', 'procedure'],
    ['correct', 'procedure', 'discretion'],
    ['reinvestigate', 'facts-and-evidence', 'documents'],
    ['correct-documents', 'documents', 'facts-and-evidence'],
  ])('L9: a "%s" opinion needs a problem such as %s, not only %s', (opinion, supporting, unrelated) => {
    expect(checkOpinionAgainstFindings(opinion, findingsWithProblems(supporting))).toBeUndefined();
    expect(checkOpinionAgainstFindings(opinion, findingsWithProblems(unrelated))?.code).toBe(
      'REVIEW.OPINION_CONTRADICTS_FINDINGS',
    );
    expect(checkOpinionAgainstFindings(opinion, cleanFindings())?.code).toBe('REVIEW.OPINION_CONTRADICTS_FINDINGS');
  });
});
