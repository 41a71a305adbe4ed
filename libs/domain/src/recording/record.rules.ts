import { recordTypeSpecs, type FieldSpec, type RecordType, type RecordTypeSpec } from './record-types.table';
import { caseStepLabels, type AvFileRef, type CaseStep, type MissingItem } from './recording.types';
import { serviceProblems } from './service.rules';

/** A text record as an officer makes it (SPEC R3, R4). */
export interface CaseRecordInput {
  type: RecordType;
  /** The record's fields; which are required depends on `type` (and for a service on its method). */
  fields: Record<string, unknown>;
  /** AV files of the action, already in the evidence store. */
  av?: AvFileRef[];
  /** Why the action could not be recorded on AV (R5: a required recording may be replaced only by a reason). */
  avMissingReason?: string;
}

export const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim().length === 0;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const isInstant = (v: unknown): boolean => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v));

/** Problems of one field against its spec; empty when the field is good. */
export function fieldProblems(fields: Record<string, unknown>, spec: FieldSpec, prefix = 'fields'): MissingItem[] {
  const value = fields[spec.name];
  const at = `${prefix}.${spec.name}`;
  const missing = (): MissingItem[] => [{ field: at, zh: spec.zh, en: spec.en }];
  switch (spec.kind) {
    case 'text':
      return isBlank(value) ? missing() : [];
    case 'instant':
      return isInstant(value) ? [] : missing();
    case 'boolean':
      return typeof value === 'boolean' ? [] : missing();
    case 'list': {
      const items = Array.isArray(value) ? value.filter((v) => !isBlank(v)) : [];
      if (items.length >= (spec.min ?? 1)) return [];
      return [
        { field: at, zh: `${spec.zh}（至少 ${spec.min ?? 1} 项）`, en: `${spec.en} (at least ${spec.min ?? 1})` },
      ];
    }
    case 'officers':
      return officerProblems(value, spec, at);
  }
}

/** Officers present (SPEC R3; 000 附件2 第八条): number, names, certificate numbers and whether they were shown. */
function officerProblems(value: unknown, spec: FieldSpec, at: string): MissingItem[] {
  const officers = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const out: MissingItem[] = [];
  if (officers.length < (spec.min ?? 1)) {
    out.push({ field: at, zh: `${spec.zh}（至少 ${spec.min} 名）`, en: `${spec.en} (at least ${spec.min})` });
  }
  officers.forEach((o, i) => {
    const item: Record<string, unknown> = o ?? {};
    if (isBlank(item.name))
      out.push({ field: `${at}[${i}].name`, zh: `第 ${i + 1} 名执法人员的姓名`, en: `officer ${i + 1}'s name` });
    if (isBlank(item.certificateNo)) {
      out.push({
        field: `${at}[${i}].certificateNo`,
        zh: `第 ${i + 1} 名执法人员的执法证件编号`,
        en: `officer ${i + 1}'s certificate number`,
      });
    }
    if (typeof item.certificateShown !== 'boolean') {
      out.push({
        field: `${at}[${i}].certificateShown`,
        zh: `第 ${i + 1} 名执法人员是否出示执法证件`,
        en: `whether officer ${i + 1} showed the certificate`,
      });
    }
  });
  return out;
}

/**
 * Everything missing from a record (SPEC R3, R4), checked against its type; empty when the record may be made in
 * `step`. The party's signature may be replaced by a reference to a refusal record (the refusal is a record of its own).
 */
export function recordProblems(record: CaseRecordInput, step: CaseStep): MissingItem[] {
  const spec = recordTypeSpecs[record.type] as RecordTypeSpec | undefined;
  if (!spec) return [{ field: 'type', zh: '记录类型（不认识该类型）', en: 'a known record type' }];
  const fields = record.fields ?? {};
  const out: MissingItem[] = [];
  if (!spec.steps.includes(step)) {
    const where = spec.steps.map((s) => caseStepLabels[s]);
    out.push({
      field: 'type',
      zh: `${spec.zh}只能在以下环节制作：${where.map((w) => w.zh).join('、')}（案件现处于${caseStepLabels[step].zh}环节）`,
      en: `a ${spec.en} belongs to ${where.map((w) => w.en).join(', ')} (the case is in ${caseStepLabels[step].en})`,
    });
  }
  for (const field of spec.fields) out.push(...fieldProblems(fields, field));
  if (spec.partySignature && isBlank(fields.signedBy) && isBlank(fields.refusalRef)) {
    out.push({
      field: 'fields.signedBy',
      zh: '当事人或在场人员签字（拒绝签字的，引用拒签记录 refusalRef）',
      en: "the party's or a present person's signature (or refusalRef naming the refusal record)",
    });
  }
  if (spec.timedAction && isInstant(fields.startedAt) && isInstant(fields.endedAt)) {
    if (Date.parse(fields.endedAt as string) < Date.parse(fields.startedAt as string)) {
      out.push({ field: 'fields.endedAt', zh: '晚于开始时间的结束时间', en: 'an end time after the start time' });
    }
  }
  if (record.type === 'complaint-declined' && fields.named === true) {
    // 实名投诉 must be answered with the reason (000 附件2 第七条).
    if (!isInstant(fields.answeredAt))
      out.push({ field: 'fields.answeredAt', zh: '告知投诉人的时间', en: 'when the complainant was answered' });
    if (isBlank(fields.answerMethod))
      out.push({ field: 'fields.answerMethod', zh: '告知投诉人的方式', en: 'how the complainant was answered' });
  }
  if (record.type === 'service') out.push(...serviceProblems(fields, record.av ?? []));
  for (const [i, file] of (record.av ?? []).entries()) out.push(...avRefProblems(file, `av[${i}]`));
  return out;
}

/** An AV reference names its content hash, kind and time span. */
export function avRefProblems(file: AvFileRef, at: string): MissingItem[] {
  const out: MissingItem[] = [];
  if (!/^[0-9a-f]{64}$/.test(file?.sha256 ?? ''))
    out.push({ field: `${at}.sha256`, zh: '音像文件的 SHA-256 摘要', en: "the AV file's SHA-256" });
  if (!['video', 'audio', 'photo'].includes(file?.kind))
    out.push({ field: `${at}.kind`, zh: '音像文件类型', en: "the AV file's kind" });
  if (!isInstant(file?.startedAt) || !isInstant(file?.endedAt)) {
    out.push({ field: `${at}.startedAt`, zh: '音像记录的起止时间', en: "the AV file's start and end" });
  }
  for (const [j, gap] of (file?.interruptions ?? []).entries()) {
    if (isBlank(gap.reason))
      out.push({ field: `${at}.interruptions[${j}].reason`, zh: '中断原因', en: 'the reason for the interruption' });
  }
  return out;
}

/** One bilingual sentence naming everything missing, e.g. for an API error. */
export function describeMissing(items: readonly MissingItem[]): { zh: string; en: string } {
  return {
    zh: `记录不完整，缺少：${items.map((i) => i.zh).join('；')}`,
    en: `The record is incomplete; missing: ${items.map((i) => i.en).join('; ')}`,
  };
}
