import type { PersonalDataSpan, RedactionContext } from '../personal-data.types';

/** What every detector reads: the caller's text, its one-to-one normalised copy, and the optional context. */
export interface ScanInput {
  original: string;
  /** Same length as `original`; full-width forms and odd spaces/dashes folded (see normalise). */
  text: string;
  context: RedactionContext;
}

export type Detector = (input: ScanInput) => PersonalDataSpan[];

/**
 * Runs a global regex over `text` and lets `accept` keep or drop each match. A dropped match restarts the search
 * one code unit later, so a long false candidate cannot hide a true one that begins inside it.
 */
export function eachMatch(
  pattern: RegExp,
  text: string,
  accept: (match: RegExpExecArray) => PersonalDataSpan | PersonalDataSpan[] | null,
): PersonalDataSpan[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const found: PersonalDataSpan[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const kept = accept(m);
    if (kept === null || (Array.isArray(kept) && kept.length === 0)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (Array.isArray(kept)) found.push(...kept);
    else found.push(kept);
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

/** Mask characters people type over digits or names they have already hidden by hand. */
export const MASK_CHARS = '*×xX○●_';
export const MASK_CLASS = '[*×○●]';
