import {
  PERSONAL_DATA_TYPES,
  type PersonalDataSpan,
  type PersonalDataType,
  type RedactionContext,
} from '../personal-data.types';
import type { LabelledText } from './labelled-text';

export interface TypeScore {
  type: PersonalDataType;
  /** Expected spans. */
  expected: number;
  /** Expected spans fully covered by found spans of the same type. */
  recalled: number;
  /** Found spans. */
  found: number;
  /** Found spans that overlap an expected span of the same type. */
  correct: number;
  /** Found spans equal to an expected span. */
  exact: number;
  recall: number;
  precision: number;
}

export interface Miss {
  id: string;
  kind: 'missed' | 'spurious';
  type: PersonalDataType;
  value: string;
  around: string;
}

export type Finder = (text: string, context?: RedactionContext) => PersonalDataSpan[];

/**
 * Recall counts an expected span as found only when spans of its type cover all of it (a half-hidden number is
 * not hidden); precision counts a found span as right when it overlaps an expected span of its type (hiding a
 * character too many costs little). `exact` shows how often the boundaries agree to the code unit.
 */
export function measure(
  set: readonly LabelledText[],
  find: Finder,
  useContext: boolean,
): { scores: TypeScore[]; misses: Miss[] } {
  const tally = new Map<PersonalDataType, Omit<TypeScore, 'recall' | 'precision'>>(
    PERSONAL_DATA_TYPES.map((type) => [type, { type, expected: 0, recalled: 0, found: 0, correct: 0, exact: 0 }]),
  );
  const misses: Miss[] = [];
  for (const doc of set) {
    const found = find(doc.text, useContext ? doc.context : undefined);
    for (const gold of doc.spans) {
      const t = tally.get(gold.type)!;
      t.expected++;
      if (covered(gold, found)) t.recalled++;
      else misses.push(describe(doc, 'missed', gold));
    }
    for (const span of found) {
      const t = tally.get(span.type)!;
      t.found++;
      if (doc.spans.some((g) => g.type === span.type && g.start < span.end && span.start < g.end)) t.correct++;
      else misses.push(describe(doc, 'spurious', span));
      if (doc.spans.some((g) => g.type === span.type && g.start === span.start && g.end === span.end)) t.exact++;
    }
  }
  const scores = [...tally.values()].map((t) => ({
    ...t,
    recall: t.expected === 0 ? 1 : t.recalled / t.expected,
    precision: t.found === 0 ? 1 : t.correct / t.found,
  }));
  return { scores, misses };
}

function covered(gold: PersonalDataSpan, found: readonly PersonalDataSpan[]): boolean {
  for (let i = gold.start; i < gold.end; i++) {
    if (!found.some((f) => f.type === gold.type && f.start <= i && i < f.end)) return false;
  }
  return true;
}

function describe(doc: LabelledText, kind: Miss['kind'], span: PersonalDataSpan): Miss {
  return {
    id: doc.id,
    kind,
    type: span.type,
    value: doc.text.slice(span.start, span.end),
    around: doc.text.slice(Math.max(0, span.start - 12), span.end + 8).replace(/\n/g, '⏎'),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

export function formatScores(title: string, scores: readonly TypeScore[]): string {
  const lines = [
    title,
    'type                  expected  recall   found  precision  exact',
    ...scores.map(
      (s) =>
        `${s.type.padEnd(21)} ${String(s.expected).padStart(8)} ${pct(s.recall)} ${String(s.found).padStart(7)} ${pct(s.precision)}    ${pct(s.found === 0 ? 1 : s.exact / s.found)}`,
    ),
  ];
  return lines.join('\n');
}
