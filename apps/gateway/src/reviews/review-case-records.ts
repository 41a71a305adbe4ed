import { HttpStatus, Injectable } from '@nestjs/common';
import type { HeldSeat } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';
import type { ReviewCaller } from './review-caller';
import { ReviewReadApi } from './review-read.api';

interface CaseRecordView {
  caseNumber: string;
  unitId: string;
  handlingDeadline: string | null;
}

/**
 * The case record as review-svc holds it (from recording-svc's `case.initiated.v1`): the one source of a
 * submission's handling deadline (SPEC L3), so a unit cannot type its own and dodge the lateness flag; and the seats
 * held in the case's reviews (C1).
 */
@Injectable()
export class ReviewCaseRecords {
  constructor(private readonly reads: ReviewReadApi) {}

  /** The case's handling deadline (ISO-8601); 409 when review-svc has not received the case or it has none. */
  async handlingDeadlineOf(caseNo: string, caller: ReviewCaller): Promise<string> {
    let record: CaseRecordView;
    try {
      record = (await this.reads.get(
        `/cases/${encodeURIComponent(caseNo)}`,
        {},
        { authorization: caller.authorization, requestId: caller.requestId },
      )) as CaseRecordView;
    } catch (err) {
      if (err instanceof AppError && err.code === 'CASE.NOT_REGISTERED') {
        // The case exists (its lifecycle workflow answered), so its event is on its way: a moment's retry will do.
        throw new AppError('REVIEW.CASE_NOT_REGISTERED', HttpStatus.CONFLICT, {
          zh: `法制审核服务尚未收到案件 ${caseNo} 的立案信息（执法期限），请稍后重试报送`,
          en: `The legal review service has not received case ${caseNo} (its handling deadline) yet; retry the submission in a moment`,
        });
      }
      throw err;
    }
    if (record.handlingDeadline === null) {
      throw new AppError('REVIEW.CASE_DEADLINE_UNKNOWN', HttpStatus.CONFLICT, {
        zh: `案件 ${caseNo} 的立案记录没有执法期限，无法核对报送时限；请先在案件记录中补充执法期限`,
        en: `The record of case ${caseNo} has no handling deadline, so the submission timing cannot be checked; record the case's handling deadline first`,
      });
    }
    return record.handlingDeadline;
  }

  /**
   * C1 (issue 12): who held which seat in the case's reviews so far, from review-svc's records of them (never from a
   * request body), so a new review of the case refuses one person a second seat across all of them.
   */
  async seatsOf(caseNo: string, caller: ReviewCaller): Promise<HeldSeat[]> {
    const body = (await this.reads.get(
      `/reviews/${encodeURIComponent(caseNo)}/seats`,
      {},
      { authorization: caller.authorization, requestId: caller.requestId },
    )) as { seats: HeldSeat[] };
    return body.seats;
  }
}
