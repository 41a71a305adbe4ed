import { DisclosureRuleError } from './disclosure.errors';

/**
 * 区分处理 — the redaction draft of a decision text (SPEC D6): spans the engine (libs/redaction) found, which the
 * disclosure officer reviews beside the original and adjusts before anything is published.
 */
export interface RedactionMark {
  /** Stable within the draft: `m1`, `m2`, … in the order marks were made. */
  readonly id: string;
  /** What is hidden: `id-number`, `phone`, `person-name`, … or `other` for an officer's own mark. */
  readonly type: string;
  /** UTF-16 offsets into the original text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** `engine` when found by libs/redaction, `officer` when the officer added it. */
  readonly origin: 'engine' | 'officer';
}

/** One adjustment the officer makes (added, removed, resized a mark). */
export type MarkChange =
  | { readonly op: 'add'; readonly type: string; readonly start: number; readonly end: number }
  | { readonly op: 'remove'; readonly markId: string }
  | { readonly op: 'resize'; readonly markId: string; readonly start: number; readonly end: number };

/** C3: who changed which mark, when, from what to what. */
export interface MarkAudit {
  readonly at: string;
  readonly actorId: string;
  readonly op: MarkChange['op'];
  readonly markId: string;
  readonly before: { readonly type: string; readonly start: number; readonly end: number } | null;
  readonly after: { readonly type: string; readonly start: number; readonly end: number } | null;
}

export interface RedactionDraft {
  readonly textLength: number;
  /** Sorted by start; never overlapping. */
  readonly marks: readonly RedactionMark[];
  readonly nextMarkNo: number;
  readonly audit: readonly MarkAudit[];
}

/** A draft from the engine's findings (they may touch or overlap: overlapping spans merge into the earlier type). */
export function draftFromFindings(
  textLength: number,
  findings: readonly { type: string; start: number; end: number }[],
): RedactionDraft {
  const sorted = [...findings]
    .filter((f) => f.start >= 0 && f.end <= textLength && f.start < f.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: RedactionMark[] = [];
  for (const f of sorted) {
    const last = marks[marks.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) marks[marks.length - 1] = { ...last, end: f.end };
      continue;
    }
    marks.push({ id: `m${marks.length + 1}`, type: f.type, start: f.start, end: f.end, origin: 'engine' });
  }
  return { textLength, marks, nextMarkNo: marks.length + 1, audit: [] };
}

function checkSpan(draft: RedactionDraft, start: number, end: number, ignoreId: string | null): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > draft.textLength || start >= end) {
    throw new DisclosureRuleError(
      'DISCLOSURE.MARK_OUT_OF_RANGE',
      `标记范围无效：须满足 0 ≤ 起点 < 终点 ≤ ${draft.textLength}`,
      `Invalid mark span: need 0 ≤ start < end ≤ ${draft.textLength}`,
      { start, end },
    );
  }
  const other = draft.marks.find((m) => m.id !== ignoreId && start < m.end && m.start < end);
  if (other) {
    throw new DisclosureRuleError(
      'DISCLOSURE.MARK_OVERLAPS',
      `标记与已有标记 ${other.id} 重叠`,
      `The mark overlaps mark ${other.id}`,
      { markId: other.id },
    );
  }
}

function findMark(draft: RedactionDraft, markId: string): RedactionMark {
  const mark = draft.marks.find((m) => m.id === markId);
  if (!mark) {
    throw new DisclosureRuleError('DISCLOSURE.MARK_NOT_FOUND', `没有标记 ${markId}`, `No mark ${markId}`, { markId });
  }
  return mark;
}

const spanOf = (m: RedactionMark) => ({ type: m.type, start: m.start, end: m.end });
const byStart = (a: RedactionMark, b: RedactionMark) => a.start - b.start;

/** D6, C3: applies the officer's changes in order (all or none), each with its audit entry. */
export function adjustMarks(
  draft: RedactionDraft,
  changes: readonly MarkChange[],
  actorId: string,
  at: string,
): RedactionDraft {
  let next = draft;
  for (const change of changes) {
    if (change.op === 'add') {
      checkSpan(next, change.start, change.end, null);
      const mark: RedactionMark = {
        id: `m${next.nextMarkNo}`,
        type: change.type,
        start: change.start,
        end: change.end,
        origin: 'officer',
      };
      next = {
        ...next,
        marks: [...next.marks, mark].sort(byStart),
        nextMarkNo: next.nextMarkNo + 1,
        audit: [...next.audit, { at, actorId, op: 'add', markId: mark.id, before: null, after: spanOf(mark) }],
      };
    } else if (change.op === 'remove') {
      const mark = findMark(next, change.markId);
      next = {
        ...next,
        marks: next.marks.filter((m) => m.id !== mark.id),
        audit: [...next.audit, { at, actorId, op: 'remove', markId: mark.id, before: spanOf(mark), after: null }],
      };
    } else {
      const mark = findMark(next, change.markId);
      checkSpan(next, change.start, change.end, mark.id);
      const resized = { ...mark, start: change.start, end: change.end };
      next = {
        ...next,
        marks: next.marks.map((m) => (m.id === mark.id ? resized : m)).sort(byStart),
        audit: [
          ...next.audit,
          { at, actorId, op: 'resize', markId: mark.id, before: spanOf(mark), after: spanOf(resized) },
        ],
      };
    }
  }
  return next;
}

/** What stands in for a hidden span: names keep their first character (隐名处理, 张某); the rest a fixed mask. */
function replacement(text: string, mark: RedactionMark): string {
  if (mark.type === 'person-name') {
    const first = String.fromCodePoint(text.codePointAt(mark.start) ?? 0x2a);
    return `${first}某`;
  }
  // A fixed width, so the mask does not tell how long the hidden number or address was.
  return '＊＊＊＊';
}

/** D6: the text as published — every marked span replaced; nothing of a marked span survives. */
export function redactedText(text: string, draft: Pick<RedactionDraft, 'marks'>): string {
  let out = '';
  let at = 0;
  for (const mark of [...draft.marks].sort(byStart)) {
    out += text.slice(at, mark.start) + replacement(text, mark);
    at = mark.end;
  }
  return out + text.slice(at);
}
