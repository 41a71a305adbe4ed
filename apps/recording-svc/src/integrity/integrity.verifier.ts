import type { EntityManager } from 'typeorm';
import { verifyInclusion } from '@enforcement/domain';
import { canonicalJson } from './canonical-json';
import type { Checkpoint, CheckpointSigner } from './checkpoint.signer';
import { LogTree, readLog, type LogEntryRow } from './integrity-log';
import { verifyLedgers } from './ledger-leaves';
import { leafHash, nodeHash } from './merkle.tree';

/** One thing found altered (SPEC R7), named precisely enough to act on. */
export interface IntegrityProblem {
  kind:
    | 'log-entry-altered'
    | 'log-rewritten'
    | 'log-truncated'
    | 'checkpoint-signature-invalid'
    | 'inclusion-proof-failed'
    | 'record-altered'
    | 'record-missing'
    | 'record-unlogged';
  subject: string;
  caseNumber: string | null;
  /** Fields whose stored value differs from the logged one, e.g. `fields.findings`. */
  fields?: string[];
  zh: string;
  en: string;
}

export interface IntegrityReport {
  scope: { caseNumber: string | null };
  treeSize: number;
  rootHash: string;
  /** The latest signed checkpoint the log was checked against, if any. */
  checkpoint: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'signedAt' | 'keyId'> | null;
  entriesChecked: number;
  recordsChecked: number;
  intact: boolean;
  problems: IntegrityProblem[];
}

interface RecordRow {
  id: string;
  case_number: string;
  seq: number;
  step: string;
  type: string;
  fields: unknown;
  av: unknown;
  av_missing_reason: string | null;
  recorded_at: Date;
  recorded_by: string;
}

/** The logged form of a record (what `recordCaseChanges` appends), rebuilt from its row. */
export function recordContent(r: {
  id: string;
  caseNumber: string;
  seq: number;
  step: string;
  type: string;
  fields: unknown;
  av: unknown;
  avMissingReason: string | null;
  recordedAt: string | Date;
  recordedBy: string;
}): unknown {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    seq: r.seq,
    step: r.step,
    type: r.type,
    fields: r.fields,
    av: r.av,
    avMissingReason: r.avMissingReason,
    recordedAt: new Date(r.recordedAt).toISOString(),
    recordedBy: r.recordedBy,
  };
}

/** Top-level (and `fields.*`) keys whose values differ between the logged and the stored record. */
export function differingFields(logged: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(logged), ...Object.keys(stored)])) {
    if (canonicalJson(logged[key]) === canonicalJson(stored[key])) continue;
    const a = logged[key];
    const b = stored[key];
    if (key === 'fields' && a && b && typeof a === 'object' && typeof b === 'object') {
      out.push(
        ...differingFields(a as Record<string, unknown>, b as Record<string, unknown>).map((k) => `fields.${k}`),
      );
    } else out.push(key);
  }
  return out;
}

/**
 * Checks the integrity log and the records it vouches for (SPEC R7): each entry against its leaf hash, the tree
 * against every signed checkpoint (signature, prefix), each in-scope entry's inclusion in the latest checkpoint, and
 * each record row against its logged content. Scope: one case, or the whole store.
 */
export async function verifyIntegrity(
  manager: EntityManager,
  signer: CheckpointSigner,
  scope: { caseNumber: string | null },
): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  const tree = await LogTree.load(manager);
  const entries: LogEntryRow[] = scope.caseNumber
    ? await readLog(manager, 'where case_number = $1', [scope.caseNumber])
    : await readLog(manager);
  for (const e of entries) {
    if (leafHash(e.entry) !== e.leafHash) {
      problems.push({
        kind: 'log-entry-altered',
        subject: e.subject,
        caseNumber: e.caseNumber,
        zh: `完整性日志第 ${e.idx} 条（${e.subject}）的内容与其哈希不符，日志被篡改`,
        en: `integrity log entry ${e.idx} (${e.subject}) no longer matches its hash: the log was altered`,
      });
    }
  }

  const checkpoints = await manager.query<
    { tree_size: string; root_hash: string; signed_at: Date; key_id: string; signature: string }[]
  >(
    `select tree_size, root_hash, signed_at, key_id, signature from integrity_checkpoints order by tree_size, signed_at`,
  );
  let latest: Checkpoint | null = null;
  for (const row of checkpoints) {
    const c: Checkpoint = {
      treeSize: Number(row.tree_size),
      rootHash: row.root_hash,
      signedAt: row.signed_at.toISOString(),
      keyId: row.key_id,
      signature: row.signature,
    };
    const subject = `checkpoint ${c.treeSize}@${c.signedAt}`;
    if (!signer.verify(c)) {
      problems.push({
        kind: 'checkpoint-signature-invalid',
        subject,
        caseNumber: null,
        zh: `检查点（${c.treeSize} 条，${c.signedAt}）的签名无效`,
        en: `the signature of checkpoint ${subject} does not verify`,
      });
      continue;
    }
    if (c.treeSize > tree.size) {
      problems.push({
        kind: 'log-truncated',
        subject,
        caseNumber: null,
        zh: `日志只剩 ${tree.size} 条，少于已签名检查点的 ${c.treeSize} 条：日志条目被删除`,
        en: `the log holds ${tree.size} entries, fewer than the ${c.treeSize} a signed checkpoint vouches for: entries were deleted`,
      });
    } else if (tree.root(c.treeSize) !== c.rootHash) {
      problems.push({
        kind: 'log-rewritten',
        subject,
        caseNumber: null,
        zh: `日志前 ${c.treeSize} 条与 ${c.signedAt} 签名的检查点不一致：签名后日志被改写`,
        en: `the first ${c.treeSize} log entries no longer match the checkpoint signed at ${c.signedAt}: the log was rewritten`,
      });
    }
    latest = c;
  }
  if (latest) {
    for (const e of entries.filter((x) => x.idx < latest.treeSize)) {
      const proof = tree.inclusion(e.idx, latest.treeSize);
      if (!verifyInclusion(nodeHash, leafHash(e.entry), e.idx, latest.treeSize, proof, latest.rootHash)) {
        problems.push({
          kind: 'inclusion-proof-failed',
          subject: e.subject,
          caseNumber: e.caseNumber,
          zh: `日志条目 ${e.subject} 无法证明包含在已签名检查点中`,
          en: `entry ${e.subject} cannot be proved included in the signed checkpoint`,
        });
      }
    }
  }

  const records = await manager.query<RecordRow[]>(
    `select id, case_number, seq, step, type, fields, av, av_missing_reason, recorded_at, recorded_by from case_records
     ${scope.caseNumber ? 'where case_number = $1' : ''} order by case_number, seq`,
    scope.caseNumber ? [scope.caseNumber] : [],
  );
  const rowsById = new Map(records.map((r) => [r.id, r]));
  const logged = new Set<string>();
  for (const e of entries.filter((x) => x.kind === 'record')) {
    logged.add(e.subject);
    const row = rowsById.get(e.subject);
    if (!row) {
      problems.push({
        kind: 'record-missing',
        subject: e.subject,
        caseNumber: e.caseNumber,
        zh: `执法记录 ${e.subject} 已登记在完整性日志中，但记录本身不见了`,
        en: `record ${e.subject} is in the integrity log but its row is gone`,
      });
      continue;
    }
    const stored = recordContent({
      ...row,
      caseNumber: row.case_number,
      avMissingReason: row.av_missing_reason,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
    });
    if (canonicalJson(stored) !== e.entry) {
      const fields = differingFields(JSON.parse(e.entry) as Record<string, unknown>, stored as Record<string, unknown>);
      problems.push({
        kind: 'record-altered',
        subject: e.subject,
        caseNumber: e.caseNumber,
        fields,
        zh: `执法记录 ${e.subject} 被改动：${fields.join('、')}`,
        en: `record ${e.subject} was altered: ${fields.join(', ')}`,
      });
    }
  }
  for (const r of records.filter((x) => !logged.has(x.id))) {
    problems.push({
      kind: 'record-unlogged',
      subject: r.id,
      caseNumber: r.case_number,
      zh: `执法记录 ${r.id} 不在完整性日志中（绕过系统写入）`,
      en: `record ${r.id} is not in the integrity log (written around the system)`,
    });
  }

  // Draws, inspection forms, evaluation sheets and the device log (R11–R13) are leaves too.
  const ledgers = await verifyLedgers(manager, entries, scope.caseNumber, differingFields);
  problems.push(...ledgers.problems);

  return {
    scope,
    treeSize: tree.size,
    rootHash: tree.root(),
    checkpoint: latest
      ? { treeSize: latest.treeSize, rootHash: latest.rootHash, signedAt: latest.signedAt, keyId: latest.keyId }
      : null,
    entriesChecked: entries.length,
    recordsChecked: records.length + ledgers.rowsChecked,
    intact: problems.length === 0,
    problems,
  };
}
