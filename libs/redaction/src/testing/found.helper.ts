import { findPersonalData } from '../find-personal-data';
import type { RedactionContext } from '../personal-data.types';

/** What the engine finds in `text`, as [type, value] pairs in order — readable in expectations. */
export function found(text: string, context?: RedactionContext): Array<[string, string]> {
  return findPersonalData(text, context).map((s) => [s.type, text.slice(s.start, s.end)]);
}

export function foundOf(type: string, text: string, context?: RedactionContext): string[] {
  return found(text, context)
    .filter(([t]) => t === type)
    .map(([, v]) => v);
}
