import type { DataSource, EntityManager } from 'typeorm';
import type { PreliminaryReviewSignOff, SignPreliminaryReviewInput } from '@enforcement/domain';

interface Row {
  id: string;
  case_no: string;
  unit_id: string;
  outcome: 'passed' | 'not-passed';
  document_ref: string;
  opinion: string;
  signed_by: string;
  signer_name: string;
  signed_at: Date;
}

const fromRow = (row: Row): PreliminaryReviewSignOff => ({
  id: Number(row.id),
  caseNo: row.case_no,
  unitId: row.unit_id,
  outcome: row.outcome,
  documentRef: row.document_ref,
  opinion: row.opinion,
  signedBy: row.signed_by,
  signerName: row.signer_name,
  signedAt: row.signed_at.toISOString(),
});

/**
 * Stores one sign-off in the append-only `preliminary_reviews` (SPEC L2). The same call again (same correlation id,
 * signer and case) returns the first row instead of a second one; the advisory lock makes two racing repeats wait
 * for each other, so that also holds when a retried activity overlaps its first attempt.
 */
export async function savePreliminaryReviewRow(
  dataSource: DataSource,
  input: SignPreliminaryReviewInput,
): Promise<PreliminaryReviewSignOff> {
  return dataSource.transaction(async (manager: EntityManager) => {
    // The key is text PostgreSQL accepts (no NUL); JSON keeps the two parts apart.
    await manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      JSON.stringify(['preliminary-review', input.caseNo, input.correlationId]),
    ]);
    const [earlier] = await manager.query<Row[]>(
      `select * from preliminary_reviews where correlation_id = $1 and signed_by = $2 and case_no = $3
        order by id limit 1`,
      [input.correlationId, input.signedBy, input.caseNo],
    );
    if (earlier) return fromRow(earlier);
    const [row] = await manager.query<Row[]>(
      `insert into preliminary_reviews (case_no, unit_id, outcome, document_ref, opinion, signed_by, signer_name,
         correlation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       returning *`,
      [
        input.caseNo,
        input.unitId,
        input.outcome,
        input.documentRef,
        input.opinion,
        input.signedBy,
        input.signerName,
        input.correlationId,
      ],
    );
    return fromRow(row);
  });
}

/** The case's latest sign-off by the given unit, or null when that unit's head has signed none. */
export async function latestPreliminaryReview(
  dataSource: DataSource,
  caseNo: string,
  unitId: string,
): Promise<PreliminaryReviewSignOff | null> {
  const [row] = await dataSource.query<Row[]>(
    `select * from preliminary_reviews where case_no = $1 and unit_id = $2 order by id desc limit 1`,
    [caseNo, unitId],
  );
  return row ? fromRow(row) : null;
}
