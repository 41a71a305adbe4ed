import type { CaseRecordInput } from './record.rules';
import { takenInAvRoom } from './hearing-room.rules';
import type { AvFileRef, MissingItem } from './recording.types';

/**
 * 音像记录事项清单 — how much AV an action needs (SPEC R5): `full-process` from the action's start to its end
 * (gaps only with a stated reason), `required` at least one file, `optional` none. Either need is met instead by
 * a recorded reason why recording was impossible.
 */
export type AvNeed = 'full-process' | 'required' | 'optional';

/** Action kinds: a record type, or `service:<method>` for a service. */
export type AvRequirementList = Readonly<Record<string, AvNeed>>;

/**
 * The default list (the agency may publish its own): full-process AV for seizure and forced demolition (查封扣押、强制
 * 拆除; 003 (十一), 000 附件2 第十条) and the left-at-residence service (000 附件2 第十三条: 全过程不间断); AV required
 * for on-site inspection, evidence collection, hearings and public notice by posting (003 (十二), 000 第十三条).
 */
export const defaultAvRequirements: AvRequirementList = {
  seizure: 'full-process',
  'forced-demolition': 'full-process',
  'service:left-at-residence': 'full-process',
  'inspection-transcript': 'required',
  'evidence-collection': 'required',
  'hearing-transcript': 'required',
  'service:public-notice': 'required',
};

/** The action kind of a record in the AV list. */
export function avActionKind(record: Pick<CaseRecordInput, 'type' | 'fields'>): string {
  return record.type === 'service' ? `service:${String(record.fields.method)}` : record.type;
}

/**
 * The record's need: full-process when it was taken in a room with AV (执法办案场所, seed 000 三(二)3(2): 必须进行全程
 * 音像记录 — whatever the list says of its type), else what the list says of its action kind.
 */
export function avNeedOf(record: Pick<CaseRecordInput, 'type' | 'fields'>, list: AvRequirementList): AvNeed {
  if (takenInAvRoom(record)) return 'full-process';
  return list[avActionKind(record)] ?? 'optional';
}

/** Time span of an action, from its record (service: its service time only). */
function spanOf(fields: Record<string, unknown>): { start: number; end: number } | null {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const start = Date.parse(text(fields.startedAt) || text(fields.servedAt));
  const end = Date.parse(text(fields.endedAt) || text(fields.servedAt));
  return Number.isNaN(start) || Number.isNaN(end) ? null : { start, end };
}

/**
 * True when the files cover `[start, end]` with no unexplained gap: sorted by start, each next file begins no later
 * than the previous ends, unless the previous file states why it was interrupted (附件6 第十四条).
 */
export function coversFullProcess(files: readonly AvFileRef[], span: { start: number; end: number }): boolean {
  const sorted = files
    .filter((f) => f.kind === 'video' || f.kind === 'audio')
    .map((f) => ({
      start: Date.parse(f.startedAt),
      end: Date.parse(f.endedAt),
      explained: (f.interruptions ?? []).some((i) => i.reason.trim() !== ''),
    }))
    .sort((a, b) => a.start - b.start);
  if (sorted.length === 0 || sorted[0].start > span.start) return false;
  let reach = sorted[0].end;
  let explained = sorted[0].explained;
  for (const next of sorted.slice(1)) {
    if (next.start > reach && !explained) return false;
    if (next.end >= reach) {
      reach = next.end;
      explained = next.explained;
    }
  }
  return reach >= span.end;
}

/**
 * What the record still lacks in AV (SPEC R5): nothing when its need is met by the files (its own and those attached
 * later) or replaced by a stated reason.
 */
export function avShortfall(
  record: Pick<CaseRecordInput, 'type' | 'fields' | 'avMissingReason'>,
  files: readonly AvFileRef[],
  list: AvRequirementList,
): MissingItem | null {
  const need = avNeedOf(record, list);
  if (need === 'optional' || (record.avMissingReason ?? '').trim() !== '') return null;
  if (need === 'required') {
    return files.length > 0
      ? null
      : { field: 'av', zh: '音像记录（或无法录制的原因）', en: 'an AV recording (or why none could be made)' };
  }
  const span = spanOf(record.fields);
  if (span && coversFullProcess(files, span)) return null;
  return {
    field: 'av',
    zh: '覆盖执法全过程的音像记录（中断须说明原因），或无法录制的原因',
    en: 'AV covering the whole action (gaps with a stated reason), or why it could not be recorded',
  };
}
