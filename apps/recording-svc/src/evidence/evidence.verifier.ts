import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../integrity/canonical-json';
import { readLog } from '../integrity/integrity-log';
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

interface FileRow {
  id: string;
  case_number: string;
  record_id: string;
  sha256: string;
  size: string;
  metadata: Record<string, string>;
  uploaded_by: string;
  stored_at: Date;
}

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
    `select id, case_number, record_id, sha256, size, metadata, uploaded_by, stored_at from evidence_files ${where}
     order by stored_at, id`,
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
    const base = {
      evidenceId: row.id,
      caseNumber: row.case_number,
      recordId: row.record_id,
      fileName: row.metadata.fileName || null,
      location: store.locate(row.sha256),
    };
    const entry = logged.get(row.id);
    logged.delete(row.id);
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
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      bytesChecked += (chunk as Buffer).length;
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
  }
  for (const [id, e] of logged) {
    problems.push({
      kind: 'file-row-missing',
      evidenceId: id,
      caseNumber: e.caseNumber,
      recordId: null,
      fileName: null,
      sha256: (JSON.parse(e.entry) as { sha256?: string }).sha256 ?? null,
      location: null,
      zh: `音像文件 ${id} 已登记在完整性日志中，但其登记信息被删除`,
      en: `evidence file ${id} is in the integrity log but its row was deleted`,
    });
  }
  return { scope, filesChecked: rows.length, bytesChecked, intact: problems.length === 0, problems };
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
