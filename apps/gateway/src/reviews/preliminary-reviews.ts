import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PreliminaryReviewRecord } from '@enforcement/domain';
import type { ReviewCaller } from './review-caller';
import { CaseOwnership } from './case-ownership';
import type { SignPreliminaryReviewDto } from './submit-review.dto';

/** One sign-off as stored in `gateway.preliminary_reviews` (append-only). */
export interface PreliminaryReviewSignOff {
  readonly id: number;
  readonly caseNo: string;
  readonly unitId: string;
  readonly outcome: 'passed' | 'not-passed';
  readonly documentRef: string;
  readonly opinion: string;
  readonly signedBy: string;
  readonly signerName: string;
  readonly signedAt: string;
}

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
 * 初审 (SPEC L2): the head of the handling unit signs the preliminary review of the unit's own case. The signer is
 * the authenticated caller — never a name in a request body — so a submission can only carry a sign-off its unit
 * head actually made.
 */
@Injectable()
export class PreliminaryReviews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseOwnership,
  ) {}

  async sign(caseNo: string, dto: SignPreliminaryReviewDto, caller: ReviewCaller): Promise<PreliminaryReviewSignOff> {
    const { actor } = caller;
    await this.cases.requireOwnCase(caseNo, actor.unitId);
    // A retried sign-off (same request key: same signer, case and body) is the first one, never a second row.
    if (caller.requestKey !== null) {
      const [earlier] = await this.dataSource.query<Row[]>(
        `select * from preliminary_reviews where correlation_id = $1 and signed_by = $2 and case_no = $3
          order by id limit 1`,
        [caller.requestKey, actor.id, caseNo],
      );
      if (earlier) return fromRow(earlier);
    }
    const [row] = await this.dataSource.query<Row[]>(
      `insert into preliminary_reviews (case_no, unit_id, outcome, document_ref, opinion, signed_by, signer_name,
         correlation_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       returning *`,
      [
        caseNo,
        actor.unitId,
        dto.outcome,
        dto.documentRef,
        dto.opinion ?? '',
        actor.id,
        actor.name,
        caller.requestKey ?? (caller.requestId || caseNo),
      ],
    );
    return fromRow(row);
  }

  /** The case's latest sign-off by its own unit, or null when its unit head has signed none. */
  async latest(caseNo: string, unitId: string): Promise<PreliminaryReviewSignOff | null> {
    const [row] = await this.dataSource.query<Row[]>(
      `select * from preliminary_reviews where case_no = $1 and unit_id = $2 order by id desc limit 1`,
      [caseNo, unitId],
    );
    return row ? fromRow(row) : null;
  }

  /** The sign-off as the review rules read it (the reducer checks role, unit and outcome). */
  static asRecord(signOff: PreliminaryReviewSignOff): PreliminaryReviewRecord {
    return {
      signedBy: { id: signOff.signedBy, role: 'unit-head', unitId: signOff.unitId },
      signedAt: signOff.signedAt,
      outcome: signOff.outcome,
      documentRef: signOff.documentRef,
    };
  }
}
