import type { AvFileRef, MissingItem } from './recording.types';

/**
 * 音像证据 — the evidence store's vocabulary (SPEC R5, R6, R7 for files). Pure: the gateway validates uploads with it,
 * recording-svc stores and verifies with it.
 */
export const evidenceKinds = ['video', 'audio', 'photo'] as const;
export type AvEvidenceKind = (typeof evidenceKinds)[number];

/** 中断 — a gap inside a recording (附件6 第十四条): why, and whether the footage is lost for good. */
export interface EvidenceInterruption {
  at: string;
  /** When recording resumed; absent when it could not be continued (then a written report is required). */
  resumedAt?: string | null;
  reason: string;
  /** 无法恢复的灭失 — the footage of the gap cannot be recovered; the file then needs a written report. */
  lost?: boolean;
}

/** What an uploaded file is, as the officer declares it when the upload starts (tus `Upload-Metadata`). */
export interface EvidenceMetadata {
  caseNumber: string;
  /** The record of the action the footage shows (`<caseNumber>/r<seq>`): the file meets that record's AV need. */
  recordId: string;
  kind: AvEvidenceKind;
  /** 当事人 as the footage names them. */
  party: string;
  /** 执法人员 who recorded. */
  officer: string;
  /** 执法记录仪 — the recording device's register id. */
  device: string;
  startedAt: string;
  endedAt: string;
  place: string;
  fileName: string;
  interruptions: EvidenceInterruption[];
  /** 书面报告 — required when any interruption lost footage for good (附件6 第十四条). */
  lossReport: string | null;
}

/** The tus `Upload-Metadata` keys; `interruptions` travels as JSON, every other value as text. */
export const evidenceMetadataKeys = [
  'caseNumber',
  'recordId',
  'kind',
  'party',
  'officer',
  'device',
  'startedAt',
  'endedAt',
  'place',
  'fileName',
  'interruptions',
  'lossReport',
] as const;

/** Where content lives in a store: `sha256/ab/cd/<hash>`, so no directory grows past 65 536 entries of hashes. */
export function evidenceContentKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a lower-case SHA-256: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * The meaning checks a DTO cannot make (SPEC R5, R7): the span runs forward, interruptions fall inside it, and a
 * loss that cannot be recovered comes with its written report. Each problem names its field.
 */
export function evidenceMetadataProblems(m: EvidenceMetadata): MissingItem[] {
  const problems: MissingItem[] = [];
  const start = Date.parse(m.startedAt);
  const end = Date.parse(m.endedAt);
  if (!(end >= start)) {
    problems.push({ field: 'endedAt', zh: '结束时间不得早于开始时间', en: 'endedAt must not be before startedAt' });
  }
  m.interruptions.forEach((i, n) => {
    const at = Date.parse(i.at);
    if (at < start || at > end) {
      problems.push({
        field: `interruptions.${n}.at`,
        zh: '中断时间须在录制起止时间之内',
        en: 'an interruption must fall between startedAt and endedAt',
      });
    }
    if (i.resumedAt && Date.parse(i.resumedAt) < at) {
      problems.push({
        field: `interruptions.${n}.resumedAt`,
        zh: '恢复录制时间不得早于中断时间',
        en: 'resumedAt must not be before the interruption',
      });
    }
  });
  // 000 附件6: recording that could not be continued is reported at once and explained in writing afterwards.
  if (m.interruptions.some((i) => i.lost === true || !i.resumedAt) && (m.lossReport ?? '').trim().length < 20) {
    problems.push({
      field: 'lossReport',
      zh: '确实无法继续记录或音像资料无法恢复的，须附书面说明（不少于 20 字）',
      en: 'recording that could not be continued, or footage lost for good, needs a written report (at least 20 characters)',
    });
  }
  return problems;
}

/** The file as the case's AV list sees it (R5): hash, kind, span and the stated reasons for its gaps. */
export function evidenceAvRef(m: EvidenceMetadata, sha256: string): AvFileRef {
  return {
    sha256,
    kind: m.kind,
    startedAt: new Date(m.startedAt).toISOString(),
    endedAt: new Date(m.endedAt).toISOString(),
    ...(m.interruptions.length > 0
      ? { interruptions: m.interruptions.map((i) => ({ at: new Date(i.at).toISOString(), reason: i.reason })) }
      : {}),
  };
}

/**
 * Reads tus `Upload-Metadata` (values already base64-decoded) into the metadata's shape: `interruptions` from JSON,
 * absent optional values as empty. Throws on unparsable `interruptions`; field rules are the edge DTO's to check.
 */
export function evidenceMetadataFromTus(raw: Readonly<Record<string, string | null | undefined>>): EvidenceMetadata {
  const text = (k: string): string => raw[k] ?? '';
  const interruptions: unknown = raw.interruptions ? JSON.parse(raw.interruptions) : [];
  if (!Array.isArray(interruptions)) throw new Error('interruptions must be a JSON array');
  return {
    caseNumber: text('caseNumber'),
    recordId: text('recordId'),
    kind: text('kind') as AvEvidenceKind,
    party: text('party'),
    officer: text('officer'),
    device: text('device'),
    startedAt: text('startedAt'),
    endedAt: text('endedAt'),
    place: text('place'),
    fileName: text('fileName'),
    interruptions: interruptions as EvidenceInterruption[],
    lossReport: raw.lossReport ? raw.lossReport : null,
  };
}
