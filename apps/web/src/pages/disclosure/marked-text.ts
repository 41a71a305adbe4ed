import type { PublicationView } from '@/api/disclosure';

type Mark = PublicationView['marks'][number];

/** The original cut into plain and marked pieces, so the officer sees what each mark hides (D6). */
export function segments(original: string, marks: readonly Mark[]): { text: string; mark: Mark | null }[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const out: { text: string; mark: Mark | null }[] = [];
  let at = 0;
  for (const mark of sorted) {
    if (mark.start < at) continue; // overlapping marks: the first one shows
    if (mark.start > at) out.push({ text: original.slice(at, mark.start), mark: null });
    out.push({ text: original.slice(mark.start, mark.end), mark });
    at = mark.end;
  }
  if (at < original.length) out.push({ text: original.slice(at), mark: null });
  return out;
}

/** Where `words` first occur in the original outside any mark: the span a new mark covers, or null. */
export function spanOf(original: string, marks: readonly Mark[], words: string): { start: number; end: number } | null {
  if (words.length === 0) return null;
  for (let from = original.indexOf(words); from >= 0; from = original.indexOf(words, from + 1)) {
    const end = from + words.length;
    if (!marks.some((m) => m.start < end && from < m.end)) return { start: from, end };
  }
  return null;
}
