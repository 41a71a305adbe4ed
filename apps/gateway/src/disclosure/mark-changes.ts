import type { MarkChange } from '@enforcement/domain';
import type { MarkChangeDto } from './publication.dto';

/** Validated DTOs as the domain's mark changes (D6). */
export function toMarkChanges(changes: readonly MarkChangeDto[]): MarkChange[] {
  return changes.map((c) =>
    c.op === 'add'
      ? { op: 'add' as const, type: c.type ?? 'other', start: c.start ?? 0, end: c.end ?? 0 }
      : c.op === 'remove'
        ? { op: 'remove' as const, markId: c.markId ?? '' }
        : { op: 'resize' as const, markId: c.markId ?? '', start: c.start ?? 0, end: c.end ?? 0 },
  );
}
