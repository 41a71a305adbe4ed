import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { caseStepLabels, recordTypeSpecs, type CaseStep, type RecordType } from '@enforcement/domain';
import type { DocumentRow } from './records-export.pdf';

/**
 * Every text record and AV file of a case in order, each with its SHA-256 (SPEC R8 exports, R10 case-file index).
 * A record's hash is that of its canonical content as logged in the integrity log (R7), so a reader can check the
 * index against the log; an AV file's is its content hash.
 */
export async function caseDocumentRows(m: EntityManager, caseNumber: string): Promise<DocumentRow[]> {
  const records = await m.query<
    {
      id: string;
      seq: number;
      step: CaseStep;
      type: RecordType;
      recorded_at: Date;
      recorded_by: string;
      entry: string | null;
    }[]
  >(
    `select r.id, r.seq, r.step, r.type, r.recorded_at, r.recorded_by, l.entry
       from case_records r left join integrity_log l on l.kind = 'record' and l.subject = r.id
      where r.case_number = $1 order by r.seq`,
    [caseNumber],
  );
  const files = await m.query<{ subject: string; entry: string; logged_at: Date }[]>(
    `select subject, entry, logged_at from integrity_log where kind = 'file' and case_number = $1 order by idx`,
    [caseNumber],
  );
  const rows: DocumentRow[] = [];
  for (const r of records) {
    rows.push({
      seq: rows.length + 1,
      step: caseStepLabels[r.step]?.zh ?? r.step,
      kind: (recordTypeSpecs as Record<string, { zh: string }>)[r.type]?.zh ?? r.type,
      at: r.recorded_at.toISOString(),
      by: r.recorded_by,
      sha256: r.entry === null ? '(not in the integrity log)' : createHash('sha256').update(r.entry).digest('hex'),
      note: `record ${r.id}`,
    });
    for (const f of files.filter((x) => x.subject.startsWith(`${r.id}#`))) {
      const file = JSON.parse(f.entry) as { sha256: string; kind: string; startedAt: string; endedAt: string };
      rows.push({
        seq: rows.length + 1,
        step: caseStepLabels[r.step]?.zh ?? r.step,
        kind: `音像 ${file.kind}`,
        at: file.startedAt,
        by: r.recorded_by,
        sha256: file.sha256,
        note: `AV file of record ${r.id}, ${file.startedAt} – ${file.endedAt}`,
      });
    }
  }
  return rows;
}
