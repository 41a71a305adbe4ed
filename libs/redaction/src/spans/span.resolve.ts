import type { PersonalDataSpan, PersonalDataType } from '../personal-data.types';

/**
 * When two findings overlap, the longer one wins (a card number holds what looks like an ID tail; an address
 * holds a house number); at equal length the more specific kind wins. The result is sorted and disjoint.
 */
const PRECEDENCE: readonly PersonalDataType[] = [
  'id-number',
  'bank-card',
  'phone',
  'property-certificate',
  'plate',
  'email',
  'birth-date',
  'person-name',
  'address',
];

export function resolveOverlaps(candidates: readonly PersonalDataSpan[]): PersonalDataSpan[] {
  const ranked = candidates
    .filter((c) => c.end > c.start)
    .slice()
    .sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        PRECEDENCE.indexOf(a.type) - PRECEDENCE.indexOf(b.type) ||
        a.start - b.start,
    );
  const kept: PersonalDataSpan[] = [];
  for (const candidate of ranked) {
    if (kept.some((k) => k.start < candidate.end && candidate.start < k.end)) continue;
    kept.push({ type: candidate.type, start: candidate.start, end: candidate.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}
