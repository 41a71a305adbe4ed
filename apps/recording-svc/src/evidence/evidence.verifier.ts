import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../integrity/canonical-json';
import { readLog, type LogEntryRow } from '../integrity/integrity-log';
import type { EvidenceStore } from './evidence.store';
import { evidenceLogContent } from './evidence.service';

/** One stored file found wrong (SPEC R7), named so the administrator can find it. */
export interface EvidenceProblem {
  kind: 'file-altered' | 'file-missing' | 'file-row-altered' | 'file-row-missing' | 'file-unlogged';
  evidenceId: string;
  caseNumber: string | null;
  recordId: string | null;
  fileName: string | null;
  /** The hash the log vouches for. */
  sha256: string | null;
  /** The hash of the bytes found in the store now, when they differ. */
  actualSha256?: string;
  location: string | null;
  zh: string;
  en: string;
}

export interface EvidenceReport {
  scope: { caseNumber: string | null; evidenceId: string | null };
  filesChecked: number;
  bytesChecked: number;
  intact: boolean;
  problems: EvidenceProblem[];
}

/** An `evidence_files` row as the checks read it. */
export interface FileRow {
  id: string;
  case_number: string;
  record_id: string;
  sha256: string;
  size: string;
  metadata: Record<string, string>;
  uploaded_by: string;
  stored_at: Date;
}

/** The columns the checks read, in the order every check walks the store. */
export const FILE_COLUMNS = 'id, case_number, record_id, sha256, size, metadata, uploaded_by, stored_at';

/**
 * Re-hashes every stored file in scope and checks it and its row against the integrity log (SPEC R7): bytes changed
 * or gone, a row edited around the system, a row without its log entry, or a logged file whose row was deleted.
 */
export async function verifyEvidence(
  manager: EntityManager,
  store: EvidenceStore,
  scope: { caseNumber: string | null; evidenceId: string | null },
): Promise<EvidenceReport> {
  const where = scope.evidenceId ? 'where id::text = $1' : scope.caseNumber ? 'where case_number = $1' : '';
  const params = scope.evidenceId ? [scope.evidenceId] : scope.caseNumber ? [scope.caseNumber] : [];
  const rows = await manager.query<FileRow[]>(
    `select ${FILE_COLUMNS} from evidence_files ${where} order by stored_at, id`,
    params,
  );
  const entries = await readLog(
    manager,
    `where kind = 'file' and subject ${scope.evidenceId ? '= $1' : "like 'evidence/%'"}${scope.caseNumber && !scope.evidenceId ? ' and case_number = $1' : ''}`,
    scope.evidenceId ? [`evidence/${scope.evidenceId}`] : params,
  );
  const logged = new Map(entries.map((e) => [e.subject.slice('evidence/'.length), e]));
  const problems: EvidenceProblem[] = [];
  let bytesChecked = 0;

  for (const row of rows) {
    const entry = logged.get(row.id);
    logged.delete(row.id);
    problems.push(
      ...(await checkStoredFile(row, entry, store, (n) => {
        bytesChecked += n;
      })),
    );
  }
  for (const e of logged.values()) problems.push(rowMissingProblem(e));
  return { scope, filesChecked: rows.length, bytesChecked, intact: problems.length === 0, problems };
}

/**
 * One stored file against its log entry: the row as logged, the bytes still there and still hashing to what the log
 * vouches for. `onBytes` hears of every chunk hashed (a long file's progress, a background check's heartbeat).
 */
export async function checkStoredFile(
  row: FileRow,
  entry: LogEntryRow | undefined,
  store: EvidenceStore,
  onBytes: (n: number) => void,
): Promise<EvidenceProblem[]> {
  const problems: EvidenceProblem[] = [];
  const base = {
    evidenceId: row.id,
    caseNumber: row.case_number,
    recordId: row.record_id,
    fileName: row.metadata.fileName || null,
    location: store.locate(row.sha256),
  };
  const loggedSha = entry ? ((JSON.parse(entry.entry) as { sha256?: string }).sha256 ?? null) : null;
  if (!entry) {
    problems.push({
      ...base,
      kind: 'file-unlogged',
      sha256: row.sha256,
      zh: `音像文件 ${row.id} 不在完整性日志中（绕过系统写入）`,
      en: `evidence file ${row.id} is not in the integrity log (written around the system)`,
    });
  } else if (canonicalJson(evidenceLogContent(fromRow(row))) !== entry.entry) {
    problems.push({
      ...base,
      kind: 'file-row-altered',
      sha256: loggedSha,
      zh: `音像文件 ${row.id} 的登记信息与完整性日志不符，已被改动`,
      en: `the stored details of evidence file ${row.id} differ from the integrity log: they were altered`,
    });
  }
  const expected = loggedSha ?? row.sha256;
  const stream = await store.open(expected);
  if (!stream) {
    problems.push({
      ...base,
      kind: 'file-missing',
      sha256: expected,
      location: store.locate(expected),
      zh: `音像文件 ${row.id}（${base.fileName ?? expected}）在存储中不见了`,
      en: `evidence file ${row.id} (${base.fileName ?? expected}) is gone from the store`,
    });
    return problems;
  }
  const hash = createHash('sha256');
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    onBytes((chunk as Buffer).length);
  }
  const actual = hash.digest('hex');
  if (actual !== expected) {
    problems.push({
      ...base,
      kind: 'file-altered',
      sha256: expected,
      actualSha256: actual,
      location: store.locate(expected),
      zh: `音像文件 ${row.id}（${base.fileName ?? expected}，案件 ${row.case_number}）的内容已被篡改：哈希不再是 ${expected}`,
      en: `evidence file ${row.id} (${base.fileName ?? expected}, case ${row.case_number}) was altered: its bytes no longer hash to ${expected}`,
    });
  }
  return problems;
}

/** A file the log vouches for whose row is gone. */
export function rowMissingProblem(e: LogEntryRow): EvidenceProblem {
  const id = e.subject.slice('evidence/'.length);
  return {
    kind: 'file-row-missing',
    evidenceId: id,
    caseNumber: e.caseNumber,
    recordId: null,
    fileName: null,
    sha256: (JSON.parse(e.entry) as { sha256?: string }).sha256 ?? null,
    location: null,
    zh: `音像文件 ${id} 已登记在完整性日志中，但其登记信息被删除`,
    en: `evidence file ${id} is in the integrity log but its row was deleted`,
  };
}

function fromRow(row: FileRow) {
  return {
    id: row.id,
    caseNumber: row.case_number,
    recordId: row.record_id,
    sha256: row.sha256,
    size: Number(row.size),
    metadata: row.metadata,
    uploadedBy: row.uploaded_by,
    storedAt: row.stored_at,
  };
}
