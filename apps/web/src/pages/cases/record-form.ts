import type { FieldSpec, RecordType, RecordTypeSpec } from '@enforcement/domain/recording/record-types.table';
import { recordTypeSpecs } from '@enforcement/domain/recording/record-types.table';
import type { CaseStep } from '@enforcement/domain/recording/recording.types';
import type { ApiError } from '@/api/http';
import { readerFirst } from '@/i18n/reader-first';

/** One officer present (R3): the shape the case rules check. */
export interface OfficerRow {
  name: string;
  certificateNo: string;
  certificateShown: boolean | null;
}

/** What the form holds per field kind, before it becomes the record's `fields`. */
export type FieldValue = string | boolean | null | OfficerRow[];

/** Record types that may be made in `step`, as the case's rules say (libs/domain, SPEC R3). */
export function recordTypesFor(step: CaseStep): [RecordType, RecordTypeSpec][] {
  return (Object.entries(recordTypeSpecs) as [RecordType, RecordTypeSpec][]).filter(([, spec]) =>
    spec.steps.includes(step),
  );
}

export function emptyValue(spec: FieldSpec): FieldValue {
  if (spec.kind === 'boolean') return null;
  if (spec.kind === 'officers')
    return Array.from({ length: spec.min ?? 1 }, () => ({ name: '', certificateNo: '', certificateShown: null }));
  return '';
}

/**
 * A wall-clock time typed in the form (`datetime-local`) is an Asia/Shanghai time, whatever the browser's zone
 * (SPEC W1; the label says "Beijing time"); China keeps no daylight saving, so the offset is always +08:00. The
 * input gives minutes, or seconds where a browser offers them; anything else goes as typed, for the API to refuse.
 */
export function shanghaiInstant(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/.exec(local);
  return m ? `${m[1]}${m[2] ?? ':00'}+08:00` : local;
}

/** The form's values as the record's `fields`: blanks left out so the case names them as missing. */
export function toRecordFields(
  specs: readonly FieldSpec[],
  values: Record<string, FieldValue>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (value === null || value === '' || value === undefined) continue;
    if (spec.kind === 'instant' && typeof value === 'string') out[spec.name] = shanghaiInstant(value);
    else if (spec.kind === 'list' && typeof value === 'string')
      out[spec.name] = value
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
    else if (spec.kind === 'officers' && Array.isArray(value))
      out[spec.name] = value.map((o) => ({
        name: o.name.trim(),
        certificateNo: o.certificateNo.trim(),
        ...(o.certificateShown === null ? {} : { certificateShown: o.certificateShown }),
      }));
    else out[spec.name] = value;
  }
  return out;
}

/** An item the case refused the record for (`details` of CASE.RECORD_INCOMPLETE): `{ field, zh, en }`. */
interface MissingItem {
  field: string;
  zh: string;
  en: string;
}

function missingItems(error: ApiError | null): MissingItem[] {
  const details = error?.body.details;
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is MissingItem =>
      typeof d === 'object' && d !== null && 'field' in d && 'zh' in d && 'en' in d && typeof d.field === 'string',
  );
}

/**
 * What is missing at one field (`fields.place`, or `fields.officers` with its rows), in both languages, for the
 * message beside it; the gateway's own validation (`{ field, problems }`) is shown the same way.
 */
export function missingAt(error: ApiError | null, field: string): { zh: string; en: string } | null {
  const items = missingItems(error).filter((m) => m.field === field || m.field.startsWith(`${field}[`));
  const problems = error?.problemsOf(field) ?? [];
  if (items.length === 0 && problems.length === 0) return null;
  return {
    zh: [...items.map((m) => `缺少：${m.zh}`), ...problems.map(readerFirst)].join('；'),
    en: [...items.map((m) => `missing: ${m.en}`), ...problems.map(readerFirst)].join('; '),
  };
}
